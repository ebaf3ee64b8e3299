// Centers, staff and escalations minted straight into the database, and an API client with a cookie.
import { hashPassword } from "../../src/staff/password";
import type { Category, Severity, Source } from "../../src/vocabulary/categories";
import type { Store } from "../../src/store/db";
import { insertEscalation } from "../../src/store/escalations";
import { escalations } from "../../src/store/schema";
import { eq } from "drizzle-orm";
import { insertRegistrant } from "../../src/store/registrants";
import type { StaffRole } from "../../src/vocabulary/kinds";
import { createCenter, createStaff } from "../../src/store/staff";
import type { TestApp } from "./app";

export const testPassword = "correct horse battery staple";
/** Tests hash with few iterations: the count is stored with each hash, so login still verifies. */
const fastHash = hashPassword(testPassword, 1_000);

export interface TestStaff {
  id: string;
  centerId: string;
  email: string;
  role: StaffRole;
}

let serial = 0;

export async function mintCenter(store: Store, name = "テストセンター") {
  return store.write((tx) => createCenter(tx, name, 0));
}

export async function mintStaff(
  store: Store,
  centerId: string,
  role: StaffRole,
): Promise<TestStaff> {
  const email = `staff${++serial}-${crypto.randomUUID().slice(0, 8)}@example.jp`;
  const passwordHash = await fastHash;
  const { id } = await store.write((tx) =>
    createStaff(tx, { centerId, email, displayName: `職員${serial}`, role, passwordHash, now: 0 }),
  );
  return { id, centerId, email, role };
}

export async function mintRegistrant(store: Store, centerId: string, displayName = "山田 花子") {
  return store.write((tx) => insertRegistrant(tx, { centerId, displayName, now: 0 }));
}

export async function mintEscalation(
  store: Store,
  input: {
    centerId: string;
    registrantId: string;
    category?: Category;
    severity?: Severity;
    source?: Source;
    summary?: string;
    evidence?: Record<string, unknown>;
    now?: number;
    ackDueAt?: number;
    reescalateAt?: number;
  },
) {
  const now = input.now ?? Date.UTC(2026, 10, 20, 9, 0, 0);
  const ackDueAt = input.ackDueAt ?? now + 86_400_000;
  const id = crypto.randomUUID();
  await store.commit(
    insertEscalation(store.db, id, {
      centerId: input.centerId,
      registrantId: input.registrantId,
      category: input.category ?? "health",
      severity: input.severity ?? "normal",
      source: input.source ?? "checkin",
      summary: input.summary ?? "体調が 2 週つづけて わるい",
      evidence: input.evidence ?? { quote: "体調: わるい" },
      now,
      ackDueAt,
      reescalateAt: input.reescalateAt ?? ackDueAt,
    }),
  );
  const [row] = await store.db.select().from(escalations).where(eq(escalations.id, id));
  if (!row) throw new Error("escalation not written");
  return row;
}

export interface ApiClient {
  cookie: string | null;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

/** Logs in through the API and keeps the session cookie, as a browser would. */
export async function loginAs(t: TestApp, staff: { email: string }): Promise<ApiClient> {
  const client: ApiClient = {
    cookie: null,
    async call(method, path, body, headers = {}) {
      const init: RequestInit = {
        method,
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      };
      return t.request(path, init);
    },
  };
  const response = await client.call("POST", "/api/login", {
    email: staff.email,
    password: testPassword,
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  client.cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? null;
  return client;
}

export function anonymous(t: TestApp): ApiClient {
  return {
    cookie: null,
    call(method, path, body, headers = {}) {
      return t.request(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
  };
}
