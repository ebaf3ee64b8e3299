// The handover (引き継ぎ) over the staff API and its pages: marked with the receiving agency, the
// consent asked on LINE or recorded from paper, the packet only with consent (and never with the
// person's own words or a note), the record of giving it, the center boundary and the audit.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insertEmployer, insertEmployerContact, insertEmployment } from "../../src/store/employers";
import {
  auditLog,
  handoverEvents,
  handovers,
  outbox,
  supportReports,
} from "../../src/store/schema";
import { createTestApp, type TestApp } from "../support/app";
import { createTestClock, type TestClock } from "../support/clock";
import { unfollowEvent, webhookBody } from "../support/events";
import { seedCheckin } from "../support/history";
import { lineChat, registrantOnLine, textOf, type Sent } from "../support/line-chat";
import {
  loginAs,
  mintCenter,
  mintEscalation,
  mintRegistrant,
  mintStaff,
  type ApiClient,
  type TestStaff,
} from "../support/staff";

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
/** Tuesday 2026-11-24 10:00 in Tokyo. */
const start = jst("2026-11-24T10:00:00");

let t: TestApp;
let clock: TestClock;
let centerId: string;
let worker: TestStaff;
let api: ApiClient;
let outsider: ApiClient;
let person: { id: string; userId: string };

beforeEach(async () => {
  clock = createTestClock(start);
  t = await createTestApp({ clock });
  centerId = (await mintCenter(t.db.store)).id;
  worker = await mintStaff(t.db.store, centerId, "caseworker");
  api = await loginAs(t, worker);
  const other = await mintCenter(t.db.store, "ほかのセンター");
  outsider = await loginAs(t, await mintStaff(t.db.store, other.id, "supervisor"));
  person = await registrantOnLine(t, api, clock);
  clock.advance(30 * 60_000);
});

afterEach(async () => {
  await t.close();
});

const base = (id = person.id) => `/api/registrants/${id}/handover`;
const mark = (body: unknown = { needed: true, agency: "みなと就業・生活支援センター" }) =>
  api.call("PUT", base(), body);

interface HandoverJson {
  recorded: boolean;
  needed: boolean;
  agency: string;
  whatWorks: string;
  consent: string | null;
  consentChannel: string | null;
  consentAt: string | null;
  packetGivenAt: string | null;
  packetGivenTo: string | null;
  events: { kind: string; staffId: string | null; detail: Record<string, unknown> }[];
}

async function state(): Promise<HandoverJson> {
  const response = await api.call("GET", base());
  expect(response.status).toBe(200);
  return (await response.json()) as HandoverJson;
}

async function audited(action: string) {
  return t.db.store.db.select().from(auditLog).where(eq(auditLog.action, action));
}

async function paper(decision: "given" | "declined") {
  const response = await api.call("POST", `${base()}/consent`, { decision, channel: "paper" });
  expect(response.status).toBe(200);
  return (await response.json()) as HandoverJson;
}

async function reason(response: Response) {
  return ((await response.json()) as { error: { code: string; reason?: string } }).error;
}

describe("marking the handover", () => {
  it("starts with nothing recorded and audits the read", async () => {
    expect(await state()).toMatchObject({
      recorded: false,
      needed: false,
      agency: "",
      consent: null,
      events: [],
    });
    expect(await audited("handover.read")).toHaveLength(1);
  });

  it("keeps needed, the agency and what works, each change as a step, audited", async () => {
    const response = await mark({
      needed: true,
      agency: " みなと就業・生活支援センター ",
      whatWorks: "朝に 短い 声かけ。紙に 書いて 渡すと 伝わる。",
    });
    expect(response.status).toBe(200);
    const saved = (await response.json()) as HandoverJson;
    expect(saved).toMatchObject({
      recorded: true,
      needed: true,
      agency: "みなと就業・生活支援センター",
      whatWorks: "朝に 短い 声かけ。紙に 書いて 渡すと 伝わる。",
      consent: null,
    });
    expect(saved.events.map((event) => event.kind)).toEqual(["marked", "agency"]);
    expect(saved.events.every((event) => event.staffId === worker.id)).toBe(true);

    // the same again is no new step; leaving what works out keeps it
    await mark({ needed: true, agency: "みなと就業・生活支援センター" });
    const again = await state();
    expect(again.events).toHaveLength(2);
    expect(again.whatWorks).toBe("朝に 短い 声かけ。紙に 書いて 渡すと 伝わる。");

    await mark({ needed: false, agency: "みなと就業・生活支援センター" });
    expect((await state()).events.map((event) => event.kind)).toEqual([
      "marked",
      "agency",
      "unmarked",
    ]);
    expect(await audited("handover.update")).toHaveLength(3);
  });

  it.each([
    ["no body fields", {}],
    ["needed as a word", { needed: "yes", agency: "" }],
    ["an agency over 100 characters", { needed: true, agency: "あ".repeat(101) }],
    ["what works over 2000 characters", { needed: true, agency: "", whatWorks: "あ".repeat(2001) }],
    ["an unknown field", { needed: true, agency: "", consent: "given" }],
  ])("refuses %s with 400 and records nothing", async (_what, body) => {
    const response = await mark(body);
    expect(response.status).toBe(400);
    expect((await reason(response)).code).toBe("bad_request");
    expect(await t.db.store.db.select().from(handovers)).toHaveLength(0);
  });

  it("refuses a body that is not JSON", async () => {
    const response = await api.call("PUT", base(), "needed=1", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(400);
  });

  it("asks again after the agency changes: a consent is for one agency", async () => {
    await mark();
    await paper("given");
    await mark({ needed: true, agency: "さくら就業・生活支援センター" });
    const after = await state();
    expect(after).toMatchObject({ consent: null, consentChannel: null, consentAt: null });
    expect(after.events.at(-1)).toMatchObject({
      kind: "agency",
      detail: {
        agency: "さくら就業・生活支援センター",
        consentReset: true,
        previousConsent: "given",
      },
    });
    expect((await api.call("GET", `${base()}/packet`)).status).toBe(409);
  });
});

describe("asking on LINE", () => {
  it("sends the question once; asking again while it is pending sends nothing more", async () => {
    await mark();
    const first = await api.call("POST", `${base()}/consent-request`);
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ sent: true, handover: { consent: "asked" } });
    await t.background.drain();
    const received = t.mock.messagesTo(person.userId).slice(-3) as Sent;
    const text = textOf(received);
    expect(text).toContain("「みなと就業・生活支援センター」");
    expect(text).toContain("つぎの センターに、あなたの ことを つたえても いいですか");
    expect(text).toContain("しつもんの こたえは つたえません");
    expect(received.at(-1)?.quickReply?.items.map((item) => item.action.label)).toEqual([
      "いいよ",
      "つたえないで",
      "そうだんする",
    ]);
    const pushesBefore = t.mock.calls.filter((call) => call.endpoint === "push").length;
    const outboxBefore = await t.db.store.db.select().from(outbox);

    const second = await api.call("POST", `${base()}/consent-request`);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ sent: false, handover: { consent: "asked" } });
    await t.background.drain();
    expect(t.mock.calls.filter((call) => call.endpoint === "push")).toHaveLength(pushesBefore);
    expect(await t.db.store.db.select().from(outbox)).toEqual(outboxBefore);
    const asked = (await state()).events.filter((event) => event.kind === "consent_asked");
    expect(asked).toHaveLength(1);
    expect(asked[0]?.staffId).toBe(worker.id);
    expect(await audited("handover.consent_request")).toHaveLength(1);
    // the push went with a retry key, so LINE does not deliver a retried push twice
    const push = t.mock.calls.find((call) => call.endpoint === "push");
    expect(push?.headers["x-line-retry-key"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses before the handover is marked as needed", async () => {
    const response = await api.call("POST", `${base()}/consent-request`);
    expect(response.status).toBe(409);
    expect((await reason(response)).reason).toBe("handover_not_needed");
    await mark({ needed: false, agency: "" });
    const unmarked = await api.call("POST", `${base()}/consent-request`);
    expect((await reason(unmarked)).reason).toBe("handover_not_needed");
  });

  it("refuses someone not linked on LINE, and someone who blocked the account", async () => {
    const offline = await mintRegistrant(t.db.store, centerId, "佐藤 次郎");
    await api.call("PUT", base(offline.id), { needed: true, agency: "" });
    const notLinked = await api.call("POST", `${base(offline.id)}/consent-request`);
    expect(notLinked.status).toBe(409);
    expect(await reason(notLinked)).toMatchObject({ code: "unreachable", reason: "not_linked" });

    await mark();
    await t.postWebhook(webhookBody(unfollowEvent(person.userId, { timestamp: clock() })));
    const blocked = await api.call("POST", `${base()}/consent-request`);
    expect(blocked.status).toBe(409);
    expect((await reason(blocked)).reason).toBe("unreachable");
    expect((await state()).consent).toBeNull();
  });

  it("refuses to ask again once the person agreed", async () => {
    await mark();
    await paper("given");
    const response = await api.call("POST", `${base()}/consent-request`);
    expect(response.status).toBe(409);
    expect((await reason(response)).reason).toBe("already_consented");
  });
});

describe("a paper consent", () => {
  it("records the decision as staff's, on paper, once per decision", async () => {
    await mark();
    const given = await paper("given");
    expect(given).toMatchObject({ consent: "given", consentChannel: "paper" });
    expect(given.consentAt).not.toBeNull();
    await paper("given");
    const declined = await paper("declined");
    expect(declined.consent).toBe("declined");
    const steps = declined.events.filter((event) => event.kind.startsWith("consent_"));
    expect(steps.map((event) => [event.kind, event.staffId, event.detail.channel])).toEqual([
      ["consent_given", worker.id, "paper"],
      ["consent_declined", worker.id, "paper"],
    ]);
    expect(await audited("handover.consent")).toHaveLength(3);
  });

  it.each([
    ["the LINE channel", { decision: "given", channel: "line" }],
    ["no channel", { decision: "given" }],
    ["a decision that is not one", { decision: "maybe", channel: "paper" }],
    ["asked as a decision", { decision: "asked", channel: "paper" }],
  ])("refuses %s with 400", async (_what, body) => {
    await mark();
    const response = await api.call("POST", `${base()}/consent`, body);
    expect(response.status).toBe(400);
    expect((await state()).consent).toBeNull();
  });

  it("refuses before the handover is marked as needed", async () => {
    const response = await api.call("POST", `${base()}/consent`, {
      decision: "given",
      channel: "paper",
    });
    expect(response.status).toBe(409);
    expect((await reason(response)).reason).toBe("handover_not_needed");
  });
});

/** Words the packet must never carry, seeded where a careless packet would pick them up. */
const secrets = {
  message: "ひみつの メッセージ うちあけばなし",
  checkin: "チェックインの ひみつの こたえ",
  note: "支援記録メモの 非公開の 内容",
  summary: "案件要約の 非公開の 内容",
  quote: "引用された 本人の ことば",
  clinic: "みなと心療内科クリニック",
  notes: "プロフィールの 非公開メモ",
  emergency: "母 山田 よしこ",
  report: "レポート本文の 非公開の 内容",
};

async function seedRecords() {
  const chat = lineChat(t, clock);
  await chat.say(person.userId, secrets.message);
  await t.db.store.write((tx) =>
    seedCheckin(tx, person.id, clock() - 30 * 60_000, {
      condition: 3,
      sleep: 3,
      mood: 2,
      medication: "yes",
      attendance: "all",
      worries: [],
      message: secrets.checkin,
    }),
  );
  clock.advance(20 * 60_000);
  const contact = await api.call("POST", `/api/registrants/${person.id}/contacts`, {
    kind: "face_to_face",
    with: ["person", "employer"],
    at: new Date(clock() - 10 * 60_000).toISOString(),
    minutes: 45,
    note: secrets.note,
  });
  expect(contact.status).toBe(201);
  const profile = await api.call("PATCH", `/api/registrants/${person.id}`, {
    kana: "やまだ はなこ",
    clinic: secrets.clinic,
    notes: secrets.notes,
    emergencyContact: { name: secrets.emergency, relation: "母", phone: "090-0000-0000" },
    program: "retention",
    hiredOn: "2024-01-10",
    supportEndsOn: "2027-01-09",
  });
  expect(profile.status).toBe(200);
  await mintEscalation(t.db.store, {
    centerId,
    registrantId: person.id,
    category: "workplace",
    severity: "high",
    summary: secrets.summary,
    evidence: { quote: secrets.quote },
    now: clock() - 60_000,
  });
  await t.db.store.write(async (tx) => {
    const employer = await insertEmployer(tx, centerId, "株式会社みなと物流", clock());
    await insertEmployment(tx, person.id, employer.id, clock());
    await insertEmployerContact(tx, {
      centerId,
      employerId: employer.id,
      displayName: "人事 佐藤",
      now: clock(),
    });
    for (const [month, version, status] of [
      ["2026-09", 1, "final"],
      ["2026-10", 1, "final"],
      ["2026-10", 2, "final"],
      ["2026-11", 1, "draft"],
    ] as const) {
      await tx.insert(supportReports).values({
        id: crypto.randomUUID(),
        centerId,
        registrantId: person.id,
        month,
        version,
        status,
        sections: [
          { key: "goal", text: secrets.report, sources: [], forEmployer: false, edited: true },
          { key: "share", text: "", sources: [], forEmployer: true, edited: false },
        ],
        createdBy: worker.id,
        createdAt: clock(),
        updatedBy: worker.id,
        updatedAt: clock(),
        finalizedBy: status === "final" ? worker.id : null,
        finalizedAt: status === "final" ? clock() : null,
      });
    }
  });
}

describe("the packet", () => {
  it("is refused without a given consent (409 not_consented), and says nothing of the person", async () => {
    const none = await api.call("GET", `${base()}/packet`);
    expect(none.status).toBe(409);
    expect(await reason(none)).toMatchObject({ code: "conflict", reason: "not_consented" });
    await mark();
    await paper("declined");
    const declined = await api.call("GET", `${base()}/packet`);
    expect(declined.status).toBe(409);
    expect(await declined.text()).not.toContain("山田");
    expect(await audited("handover.packet")).toHaveLength(0);
  });

  it("carries what the next agency needs and never the person's words or a note", async () => {
    await seedRecords();
    await mark({
      needed: true,
      agency: "みなと就業・生活支援センター",
      whatWorks: "ひとつずつ 順番に 伝える。",
    });
    await paper("given");
    const response = await api.call("GET", `${base()}/packet`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const packet = JSON.parse(text) as Record<string, unknown>;
    expect(packet).toMatchObject({
      center: { name: "テストセンター" },
      person: {
        displayName: "山田 花子",
        kana: "やまだ はなこ",
        program: "retention",
        hiredOn: "2024-01-10",
        supportEndsOn: "2027-01-09",
      },
      handover: {
        agency: "みなと就業・生活支援センター",
        whatWorks: "ひとつずつ 順番に 伝える。",
        consent: { channel: "paper" },
      },
      employers: [{ name: "株式会社みなと物流", current: true, contacts: ["人事 佐藤"] }],
      support: {
        totals: [{ kind: "face_to_face", count: 1, minutes: 45 }],
        contacts: [{ kind: "face_to_face", with: ["person", "employer"], minutes: 45 }],
      },
      openIssues: [{ category: "workplace", severity: "high", status: "open" }],
      reports: [
        { month: "2026-10", version: 2, sections: ["goal"] },
        { month: "2026-09", version: 1, sections: ["goal"] },
      ],
    });
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(text).not.toContain(person.userId);
    expect(await audited("handover.packet")).toHaveLength(1);
  });
});

describe("giving the packet", () => {
  it("is refused without consent (409), then records to whom and when", async () => {
    await mark();
    const refused = await api.call("POST", `${base()}/given`, { to: "みなとセンター 田中" });
    expect(refused.status).toBe(409);
    expect((await reason(refused)).reason).toBe("not_consented");

    await paper("given");
    const given = await api.call("POST", `${base()}/given`, {
      to: " みなとセンター 田中 ",
      at: "2026-11-24T10:15:00+09:00",
    });
    expect(given.status).toBe(200);
    expect(await given.json()).toMatchObject({
      packetGivenAt: "2026-11-24T01:15:00.000Z",
      packetGivenTo: "みなとセンター 田中",
    });
    const [event] = await t.db.store.db
      .select()
      .from(handoverEvents)
      .where(
        and(eq(handoverEvents.registrantId, person.id), eq(handoverEvents.kind, "packet_given")),
      );
    expect(event).toMatchObject({ staffId: worker.id, detail: { to: "みなとセンター 田中" } });
    expect(await audited("handover.given")).toHaveLength(1);

    // without a time: now
    const now = await api.call("POST", `${base()}/given`, { to: "さくら 鈴木" });
    expect(((await now.json()) as HandoverJson).packetGivenAt).toBe(
      new Date(clock()).toISOString(),
    );
  });

  it.each([
    ["no one to give it to", { to: " " }],
    ["a time that is not one", { to: "田中", at: "きのう" }],
    ["a time in the future", { to: "田中", at: "2026-12-24T09:30:00+09:00" }],
    ["a time before the person was registered", { to: "田中", at: "2025-01-01T09:00:00+09:00" }],
  ])("refuses %s with 400", async (_what, body) => {
    await mark();
    await paper("given");
    const response = await api.call("POST", `${base()}/given`, body);
    expect(response.status).toBe(400);
    expect((await state()).packetGivenAt).toBeNull();
  });
});

describe("another center", () => {
  it.each([
    ["GET", "", undefined],
    ["PUT", "", { needed: true, agency: "x" }],
    ["POST", "/consent-request", undefined],
    ["POST", "/consent", { decision: "given", channel: "paper" }],
    ["GET", "/packet", undefined],
    ["POST", "/given", { to: "x" }],
  ])("gets 404 for %s handover%s and changes nothing", async (method, path, body) => {
    await mark();
    await paper("given");
    const before = await t.db.store.db.select().from(handovers);
    const response = await outsider.call(method, `${base()}${path}`, body);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain(person.id);
    expect(text).not.toContain("山田");
    expect(await t.db.store.db.select().from(handovers)).toEqual(before);
    expect(await audited("access.refused")).toHaveLength(1);
  });
});

/** A page as a browser on this site asks for it, or a form it posts. */
function page(path: string, fields?: Record<string, string>) {
  if (fields === undefined) return api.call("GET", path);
  return api.call("POST", path, new URLSearchParams(fields).toString(), {
    "content-type": "application/x-www-form-urlencoded",
    origin: "http://localhost",
    "sec-fetch-site": "same-origin",
  });
}

describe("the registrant page's handover card", () => {
  const detail = () => `/dashboard/registrants/${person.id}`;

  it("shows the card, and walks through marking, asking, paper consent and giving", async () => {
    const empty = await (await page(detail())).text();
    expect(empty).toContain('data-testid="handover"');
    expect(empty).toContain('data-testid="handover-needed"><span class="muted">未設定');
    expect(empty).not.toContain('data-testid="handover-packet-link"');

    const saved = await page(`${detail()}/handover`, {
      needed: "1",
      agency: "みなと就業・生活支援センター",
      whatWorks: "ひとつずつ 伝える。",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${detail()}?done=handover#handover`);
    expect(await state()).toMatchObject({ needed: true, whatWorks: "ひとつずつ 伝える。" });
    const marked = await (await page(detail())).text();
    expect(marked).toContain('data-testid="handover-ask"');
    expect(marked).toContain("LINEで同意をたずねる");

    const asked = await page(`${detail()}/handover/consent-request`, {});
    expect(asked.headers.get("location")).toBe(`${detail()}?done=handover_asked#handover`);
    const again = await page(`${detail()}/handover/consent-request`, {});
    expect(again.headers.get("location")).toBe(`${detail()}?done=handover_pending#handover`);
    const pending = await (await page(`${detail()}?done=handover_pending`)).text();
    expect(pending).toContain("もう一度は送りませんでした");
    expect(pending).toContain('data-testid="handover-pending"');

    expect((await page(`${detail()}/handover/consent`, { decision: "given" })).status).toBe(303);
    const consented = await (await page(detail())).text();
    expect(consented).toContain('data-consent="given"');
    expect(consented).toContain(`href="${detail()}/handover/packet"`);

    const given = await page(`${detail()}/handover/given`, { to: "みなとセンター 田中", on: "" });
    expect(given.headers.get("location")).toBe(`${detail()}?done=handover_given#handover`);
    expect(await state()).toMatchObject({ packetGivenTo: "みなとセンター 田中" });
    const past = await page(`${detail()}/handover/given`, { to: "田中", on: "2026-11-24" });
    expect(past.status).toBe(303);
  });

  it("shows why a step is refused, in Japanese, with the refusal's status", async () => {
    const early = await page(`${detail()}/handover/consent-request`, {});
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("先に「引き継ぎが必要」にして保存してください。");

    await mark();
    const notYet = await page(`${detail()}/handover/given`, { to: "田中" });
    expect(notYet.status).toBe(409);
    expect(await notYet.text()).toContain("本人の同意がないため");

    const noDecision = await page(`${detail()}/handover/consent`, {});
    expect(noDecision.status).toBe(400);
    expect(await noDecision.text()).toContain("同意を得たか、得られなかったかを選んでください。");

    await paper("given");
    const future = await page(`${detail()}/handover/given`, { to: "田中", on: "2027-01-05" });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("未来の日は入れられません");
    const noOne = await page(`${detail()}/handover/given`, { to: " " });
    expect(noOne.status).toBe(400);
  });

  it("answers 404 for another center's registrant", async () => {
    const response = await outsider.call(
      "POST",
      `${detail()}/handover`,
      new URLSearchParams({ needed: "1", agency: "x" }).toString(),
      {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        "sec-fetch-site": "same-origin",
      },
    );
    expect(response.status).toBe(404);
    expect(await t.db.store.db.select().from(handovers)).toHaveLength(0);
  });
});

describe("the packet page", () => {
  const packetPage = () => `/dashboard/registrants/${person.id}/handover/packet`;

  it("says there is no consent (409) and shows nothing of the person", async () => {
    const response = await page(packetPage());
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("引き継ぎ資料を作れません");
    expect(html).not.toContain("山田 花子");
  });

  it("prints the packet with consent, without the person's words or a note", async () => {
    await seedRecords();
    await mark({
      needed: true,
      agency: "みなと就業・生活支援センター",
      whatWorks: "紙で 伝える。",
    });
    await paper("given");
    const response = await page(packetPage());
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-testid="packet"');
    expect(html).toContain("山田 花子（やまだ はなこ）");
    expect(html).toContain("みなと就業・生活支援センター");
    expect(html).toContain("紙で 伝える。");
    expect(html).toContain("職場の人間関係・コミュニケーション");
    expect(html).toContain("株式会社みなと物流");
    expect(html).toContain("人事 佐藤");
    expect(html).toContain("面談・対面");
    expect(html).toContain("今月の目標");
    expect(html).toContain("data-print");
    for (const secret of Object.values(secrets)) expect(html).not.toContain(secret);
    expect(await audited("handover.packet")).toHaveLength(1);
  });

  it("answers 404 for another center's registrant", async () => {
    await mark();
    await paper("given");
    expect((await outsider.call("GET", packetPage())).status).toBe(404);
  });
});

describe("who needs a handover, on the duties page", () => {
  async function endingOn(name: string, endsOn: string) {
    const someone = await mintRegistrant(t.db.store, centerId, name);
    const response = await api.call("PATCH", `/api/registrants/${someone.id}`, {
      program: "retention",
      supportStartsOn: "2024-03-01",
      supportEndsOn: endsOn,
    });
    expect(response.status).toBe(200);
    return someone.id;
  }

  it("lists people within 3 months of the end (or past it) with no handover given", async () => {
    await endingOn("三か月以内 さん", "2027-02-10");
    await endingOn("ちょうど三か月 さん", "2027-02-24");
    await endingOn("まだ先 さん", "2027-02-25");
    await endingOn("過ぎた さん", "2026-11-20");
    const given = await endingOn("渡し済み さん", "2027-01-10");
    const notNeeded = await endingOn("不要 さん", "2027-01-11");
    const ended = await endingOn("終了 さん", "2027-01-12");
    const asked = await endingOn("同意待ち さん", "2027-01-13");
    await api.call("PUT", base(given), { needed: true, agency: "さくら" });
    await api.call("POST", `${base(given)}/consent`, { decision: "given", channel: "paper" });
    await api.call("POST", `${base(given)}/given`, { to: "さくら 鈴木" });
    await api.call("PUT", base(notNeeded), { needed: false, agency: "" });
    await api.call("POST", `/api/registrants/${ended}/end`, { reason: "left_job" });
    await api.call("PUT", base(asked), { needed: true, agency: "みなと" });
    await api.call("POST", `${base(asked)}/consent`, { decision: "declined", channel: "paper" });

    const response = await page("/dashboard/duties");
    expect(response.status).toBe(200);
    const html = await response.text();
    const section = html.slice(html.indexOf('data-testid="handovers-due"'));
    expect(section).toContain("引き継ぎが必要な人（終了まで3か月以内・未記録）");
    const rows = section.match(/data-testid="handover-due"/g) ?? [];
    expect(rows).toHaveLength(4);
    // soonest end first
    const order = ["過ぎた さん", "同意待ち さん", "三か月以内 さん", "ちょうど三か月 さん"];
    const places = order.map((name) => section.indexOf(name));
    expect(places.every((index) => index > 0)).toBe(true);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    for (const name of ["まだ先 さん", "渡し済み さん", "不要 さん", "終了 さん"]) {
      expect(section).not.toContain(name);
    }
    expect(section).toContain("終了日を 4 日 過ぎています");
    expect(section).toContain("あと 92 日");
    expect(section).toContain("未着手");
    expect(section).toContain("引き継ぎ先 みなと・同意なし（伝えない）・資料 未渡し");
    const read = await audited("handover.due");
    expect(read).toHaveLength(1);
  });
});
