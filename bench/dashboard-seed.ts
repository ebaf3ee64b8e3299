// Seeds a migrated database with realistic centers fast, through raw libSQL multi-row inserts.
import { createClient, type Client, type InValue } from "@libsql/client";
import { hashPassword } from "../src/staff/password";
import { categoryKeys, severities, type Category, type Source } from "../src/vocabulary/categories";
import type { EscalationEventKind, StaffRole } from "../src/vocabulary/kinds";
import { seededRandom } from "../scripts/seeded-random";

export interface CenterSpec {
  name: string;
  /** Short tag for emails, so two centers' staff never collide. */
  tag: string;
  caseworkers: number;
  registrants: number;
  /** Completed weekly check-ins per registrant, five answers each. */
  completedCheckins: number;
  escalations: number;
  /** Open or acknowledged; the rest are resolved. */
  unresolved: number;
  auditRows: number;
  /** Messages in the registrants' conversations (in and out), spread evenly. */
  messages: number;
  /** Registrants with unread messages. */
  unreadPeople: number;
}

export interface SeededStaff {
  id: string;
  email: string;
  role: StaffRole;
}

export interface SeededCenter {
  id: string;
  staff: SeededStaff[];
  registrantIds: string[];
  /** Linked registrants: each has a conversation. */
  linkedRegistrantIds: string[];
  unreadRegistrantIds: string[];
  unresolvedEscalationIds: string[];
  resolvedEscalationIds: string[];
}

export interface SeedResult {
  centers: SeededCenter[];
  /** Every staff member's password (hashed with few iterations, as the tests do). */
  password: string;
  /** Rows written per table. */
  rows: Record<string, number>;
}

export const seedPassword = "bench password for every staff member";

/** Hours until an escalation must be acknowledged, by severity (urgent: at once). */
const ackHoursBySeverity = [0.25, 4, 24, 72];

const hour = 3_600_000;
const day = 24 * hour;
const week = 7 * day;

/**
 * Relative frequency of each category, its severity mix (urgent, high, normal, low), the
 * sources that raise it, and a summary as the escalation logic would write it.
 */
const categoryMix: Record<
  Category,
  { weight: number; severity: number[]; sources: Source[]; summary: string }
> = {
  crisis: {
    weight: 1,
    severity: [1, 0, 0, 0],
    sources: ["message"],
    summary: "メッセージに いのちの危険を示す ことば",
  },
  abuse: {
    weight: 1,
    severity: [0.8, 0.2, 0, 0],
    sources: ["message", "employer"],
    summary: "暴力・虐待の 申告",
  },
  unreachable: {
    weight: 3,
    severity: [0.7, 0.3, 0, 0],
    sources: ["employer", "missed", "unfollow"],
    summary: "無断欠勤、連絡がつかない",
  },
  absence: {
    weight: 10,
    severity: [0, 0.3, 0.5, 0.2],
    sources: ["checkin", "employer", "trend"],
    summary: "欠勤・遅刻が ふえている",
  },
  health: {
    weight: 14,
    severity: [0.02, 0.2, 0.5, 0.28],
    sources: ["checkin", "trend"],
    summary: "体調が 2 週つづけて わるい",
  },
  medication: {
    weight: 8,
    severity: [0, 0.25, 0.5, 0.25],
    sources: ["checkin", "employer"],
    summary: "薬の飲み忘れ",
  },
  mood: {
    weight: 14,
    severity: [0.02, 0.2, 0.5, 0.28],
    sources: ["checkin", "trend", "message"],
    summary: "気分の落ちこみが つづいている",
  },
  workplace: {
    weight: 10,
    severity: [0, 0.15, 0.55, 0.3],
    sources: ["checkin", "message", "employer"],
    summary: "職場の人との 関係で こまっている",
  },
  work: {
    weight: 8,
    severity: [0, 0.1, 0.5, 0.4],
    sources: ["employer", "checkin"],
    summary: "作業のミスが つづいている",
  },
  appearance: {
    weight: 3,
    severity: [0, 0.05, 0.45, 0.5],
    sources: ["employer"],
    summary: "身だしなみの 変化",
  },
  sns: {
    weight: 2,
    severity: [0, 0.2, 0.5, 0.3],
    sources: ["checkin", "message"],
    summary: "SNS・ネットの トラブル",
  },
  money: {
    weight: 5,
    severity: [0, 0.15, 0.55, 0.3],
    sources: ["checkin", "message"],
    summary: "お金の 心配",
  },
  housing: {
    weight: 2,
    severity: [0, 0.3, 0.5, 0.2],
    sources: ["checkin", "message"],
    summary: "住まいの 心配",
  },
  family: {
    weight: 4,
    severity: [0, 0.15, 0.55, 0.3],
    sources: ["checkin", "message"],
    summary: "家族のことで こまっている",
  },
  quitting: {
    weight: 5,
    severity: [0, 0.4, 0.45, 0.15],
    sources: ["message", "employer"],
    summary: "仕事を やめたい という 相談",
  },
  other: {
    weight: 10,
    severity: [0, 0.05, 0.5, 0.45],
    sources: ["message", "staff", "employer"],
    summary: "その他の 相談",
  },
};

const familyNames = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
];
const givenNames = ["花子", "太郎", "健太", "美咲", "翔", "陽菜", "大輝", "結衣", "蓮", "さくら"];
const quotes = [
  "さいきん ねむれない",
  "しごとに いきたくない",
  "くすり のむの わすれた",
  "上司に おこられて つらい",
  "お金が たりない",
];

class Dice {
  constructor(private readonly random: () => number) {}

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(from: number, to: number): number {
    return from + Math.floor(this.random() * (to - from + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** A new array in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** An index drawn with the given relative weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let roll = this.random() * total;
    for (let i = 0; i < weights.length; i++) {
      roll -= weights[i] ?? 0;
      if (roll < 0) return i;
    }
    return weights.length - 1;
  }
}

/** Bound variables per statement: well under SQLite's 32,766, big enough to amortise parsing. */
const variablesPerStatement = 6_000;

/**
 * Inserts rows with multi-row VALUES statements in one write transaction per table; rows come
 * from a generator so 250,000 answers never sit in memory at once.
 */
async function insertRows(
  client: Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<InValue[]>,
): Promise<number> {
  const perStatement = Math.max(1, Math.floor(variablesPerStatement / columns.length));
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const fullStatement = head + Array.from({ length: perStatement }, () => tuple).join(", ");
  const tx = await client.transaction("write");
  let written = 0;
  try {
    let args: InValue[] = [];
    let pending = 0;
    for (const row of rows) {
      args.push(...row);
      pending++;
      if (pending === perStatement) {
        await tx.execute({ sql: fullStatement, args });
        written += pending;
        args = [];
        pending = 0;
      }
    }
    if (pending > 0) {
      const sql = head + Array.from({ length: pending }, () => tuple).join(", ");
      await tx.execute({ sql, args });
      written += pending;
    }
    await tx.commit();
  } finally {
    tx.close();
  }
  return written;
}

/** Fills the database at `url` (already migrated) with the given centers, timed against `now`. */
export async function seedDashboardData(
  url: string,
  centers: CenterSpec[],
  now: number,
): Promise<SeedResult> {
  const client = createClient({ url });
  const rows: Record<string, number> = {};
  const count = async (table: string, written: Promise<number>) => {
    rows[table] = (rows[table] ?? 0) + (await written);
  };
  const dice = new Dice(seededRandom(20_261_124));
  const passwordHash = await hashPassword(seedPassword, 1_000);
  const seeded: SeededCenter[] = [];
  try {
    for (const spec of centers) {
      const center = await seedCenter(client, spec, now, dice, passwordHash, count);
      seeded.push(center);
    }
    // A live database has been checkpointed long ago; reads should not wade through a big WAL.
    await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    client.close();
  }
  return { centers: seeded, password: seedPassword, rows };
}

async function seedCenter(
  client: Client,
  spec: CenterSpec,
  now: number,
  dice: Dice,
  passwordHash: string,
  count: (table: string, written: Promise<number>) => Promise<void>,
): Promise<SeededCenter> {
  const centerId = crypto.randomUUID();
  await count(
    "centers",
    insertRows(
      client,
      "centers",
      ["id", "name", "created_at"],
      [[centerId, spec.name, now - 3 * 365 * day]],
    ),
  );

  const staff: SeededStaff[] = [
    {
      id: crypto.randomUUID(),
      email: `bench-${spec.tag}-supervisor@example.jp`,
      role: "supervisor",
    },
    ...Array.from({ length: spec.caseworkers }, (_, i) => ({
      id: crypto.randomUUID(),
      email: `bench-${spec.tag}-worker${i + 1}@example.jp`,
      role: "caseworker" as const,
    })),
  ];
  await count(
    "staff",
    insertRows(
      client,
      "staff",
      ["id", "center_id", "email", "display_name", "role", "password_hash", "created_at"],
      staff.map((member, i) => [
        member.id,
        centerId,
        member.email,
        `職員 ${spec.tag}${i}`,
        member.role,
        passwordHash,
        now - 2 * 365 * day,
      ]),
    ),
  );
  const staffIds = staff.map((member) => member.id);

  // Registrants: most linked on LINE and consented, a few paused or ended.
  const registrantIds: string[] = [];
  const lineUserIds: (string | null)[] = [];
  const consented: boolean[] = [];
  await count(
    "registrants",
    insertRows(
      client,
      "registrants",
      [
        "id",
        "center_id",
        "display_name",
        "line_user_id",
        "linked_at",
        "consented_at",
        "status",
        "created_at",
      ],
      (function* () {
        for (let i = 0; i < spec.registrants; i++) {
          const id = crypto.randomUUID();
          const createdAt = now - dice.int(12, 150) * week;
          const linked = dice.chance(0.92);
          const consent = linked && dice.chance(0.93);
          const lineUserId = linked ? `U${crypto.randomUUID().replaceAll("-", "")}` : null;
          registrantIds.push(id);
          lineUserIds.push(lineUserId);
          consented.push(consent);
          yield [
            id,
            centerId,
            `${dice.pick(familyNames)} ${dice.pick(givenNames)}`,
            lineUserId,
            linked ? createdAt + dice.int(1, 14) * day : null,
            consent ? createdAt + 15 * day : null,
            dice.chance(0.95) ? "active" : dice.pick(["paused", "ended"]),
            createdAt,
          ];
        }
      })(),
    ),
  );

  // Conversations: each linked registrant's messages over the last year, in and out alternately
  const linkedIndexes = registrantIds.flatMap((_, i) => (lineUserIds[i] === null ? [] : [i]));
  const perPerson = Math.max(1, Math.round(spec.messages / Math.max(1, linkedIndexes.length)));
  await count(
    "messages",
    insertRows(
      client,
      "messages",
      ["line_user_id", "registrant_id", "direction", "message_type", "text", "created_at"],
      (function* () {
        for (let m = 0; m < perPerson; m++) {
          for (const i of linkedIndexes) {
            const inbound = m % 2 === 0;
            yield [
              lineUserIds[i] ?? "",
              registrantIds[i] ?? "",
              inbound ? "in" : "out",
              inbound ? "text" : "bot",
              inbound
                ? dice.pick(quotes)
                : "メッセージ ありがとうございます。\nしえんの 人が よみます。",
              now - (perPerson - m) * 3 * day + dice.int(0, day),
            ];
          }
        }
      })(),
    ),
  );
  const unreadRegistrantIds = dice
    .shuffle(linkedIndexes.map((i) => registrantIds[i] ?? ""))
    .slice(0, spec.unreadPeople);
  for (let i = 0; i < unreadRegistrantIds.length; i += 500) {
    const chunk = unreadRegistrantIds.slice(i, i + 500);
    await client.execute({
      sql: `UPDATE registrants SET unread_count = 1 + abs(random() % 4), unread_since = ? - abs(random() % ${week}) WHERE id IN (${chunk.map(() => "?").join(", ")})`,
      args: [now, ...chunk],
    });
  }

  // Employers, and one employment for most registrants (the registrant detail lists them).
  const employerIds = Array.from({ length: Math.max(1, Math.round(spec.registrants / 25)) }, () =>
    crypto.randomUUID(),
  );
  await count(
    "employers",
    insertRows(
      client,
      "employers",
      ["id", "center_id", "name", "created_at"],
      employerIds.map((id, i) => [
        id,
        centerId,
        `株式会社 ベンチ ${spec.tag}${i}`,
        now - 365 * day,
      ]),
    ),
  );
  await count(
    "employments",
    insertRows(
      client,
      "employments",
      ["registrant_id", "employer_id", "created_at"],
      (function* () {
        for (const registrantId of registrantIds) {
          if (dice.chance(0.7)) yield [registrantId, dice.pick(employerIds), now - 200 * day];
        }
      })(),
    ),
  );

  // Check-ins: `completedCheckins` answered weeks per registrant, this week's still unanswered
  // for those who consented, and an occasional missed one.
  const completed: { id: string; at: number }[] = [];
  await count(
    "checkins",
    insertRows(
      client,
      "checkins",
      ["id", "registrant_id", "status", "sent_at", "completed_at"],
      (function* () {
        for (const [r, registrantId] of registrantIds.entries()) {
          for (let w = spec.completedCheckins; w >= 1; w--) {
            const id = crypto.randomUUID();
            const sentAt = now - w * week - dice.int(0, 6) * hour;
            const completedAt = sentAt + dice.int(5, 20 * 60) * 60_000;
            completed.push({ id, at: completedAt });
            yield [id, registrantId, "completed", sentAt, completedAt];
          }
          if (dice.chance(0.05)) {
            const sentAt = now - (spec.completedCheckins + 1) * week;
            yield [crypto.randomUUID(), registrantId, "missed", sentAt, null];
          }
          if (consented[r] === true) {
            yield [crypto.randomUUID(), registrantId, "sent", now - dice.int(1, 72) * hour, null];
          }
        }
      })(),
    ),
  );
  await count(
    "answers",
    insertRows(
      client,
      "answers",
      ["checkin_id", "question", "value", "score", "answered_at"],
      (function* () {
        // Scores lean good (4) with a tail of bad weeks, as real check-ins do.
        const scoreWeights = [0.08, 0.17, 0.4, 0.35];
        for (const checkin of completed) {
          for (const question of ["condition", "sleep", "mood"]) {
            const score = dice.weighted(scoreWeights) + 1;
            yield [checkin.id, question, String(score), score, checkin.at];
          }
          const medication = dice.pick([
            "as_prescribed",
            "as_prescribed",
            "forgot_sometimes",
            "not_taking",
          ]);
          yield [checkin.id, "medication", medication, null, checkin.at];
          const attendance = dice.pick(["all_days", "all_days", "all_days", "late", "absent"]);
          yield [checkin.id, "attendance", attendance, null, checkin.at];
        }
      })(),
    ),
  );
  completed.length = 0;

  // Escalations: the unresolved ones opened in the last ten days (one per registrant and
  // category, as dedup guarantees), the resolved ones over two years.
  const categoryWeights = categoryKeys.map((key) => categoryMix[key].weight);
  const unresolvedIds: string[] = [];
  const resolvedIds: string[] = [];
  const openPairs = new Set<string>();
  const events: InValue[][] = [];
  const event = (
    escalationId: string,
    kind: EscalationEventKind,
    at: number,
    actor: string | null,
    detail: Record<string, unknown>,
  ) => events.push([escalationId, kind, at, actor, JSON.stringify(detail)]);

  await count(
    "escalations",
    insertRows(
      client,
      "escalations",
      [
        "id",
        "center_id",
        "registrant_id",
        "category",
        "severity",
        "severity_rank",
        "status",
        "source",
        "summary",
        "opened_at",
        "ack_due_at",
        "acknowledged_at",
        "acknowledged_by",
        "assigned_to",
        "resolved_at",
        "resolved_by",
        "updated_at",
      ],
      (function* () {
        for (let i = 0; i < spec.escalations; i++) {
          const id = crypto.randomUUID();
          const category = categoryKeys[dice.weighted(categoryWeights)] ?? "other";
          const mix = categoryMix[category];
          const rank = dice.weighted(mix.severity);
          const severity = severities[rank] ?? "normal";
          const source = dice.pick(mix.sources);
          const unresolved = i < spec.unresolved;
          let registrantId = dice.pick(registrantIds);
          if (unresolved) {
            while (openPairs.has(`${registrantId} ${category}`))
              registrantId = dice.pick(registrantIds);
            openPairs.add(`${registrantId} ${category}`);
          }
          const openedAt = unresolved
            ? now - dice.int(5, 10 * 24 * 60) * 60_000
            : now - dice.int(10 * 24 * 60, 730 * 24 * 60) * 60_000;
          const ackDueAt = openedAt + (ackHoursBySeverity[rank] ?? 24) * hour;
          // 70 % of the unresolved are still open; every resolved one was acknowledged first.
          const status = unresolved ? (dice.chance(0.7) ? "open" : "acknowledged") : "resolved";
          const acknowledged = status !== "open";
          const acknowledgedAt = acknowledged ? openedAt + dice.int(2, 36 * 60) * 60_000 : null;
          const acknowledgedBy = acknowledged ? dice.pick(staffIds) : null;
          const assigned = dice.chance(
            status === "open" ? 0.1 : status === "acknowledged" ? 0.4 : 0.6,
          );
          const assignedTo = assigned ? dice.pick(staffIds) : null;
          const resolvedAt =
            status === "resolved" ? (acknowledgedAt ?? openedAt) + dice.int(1, 14) * day : null;
          const resolvedBy = status === "resolved" ? dice.pick(staffIds) : null;

          event(id, "opened", openedAt, null, { source });
          event(id, "signal", openedAt, null, evidenceFor(source, category, dice));
          let last = openedAt;
          if (acknowledgedAt !== null && acknowledgedBy !== null) {
            event(id, "acknowledged", acknowledgedAt, acknowledgedBy, {});
            last = acknowledgedAt;
          }
          if (assignedTo !== null) {
            last += dice.int(1, 120) * 60_000;
            event(id, "assigned", last, acknowledgedBy ?? assignedTo, {
              staffId: assignedTo,
              staffName: "職員",
            });
          }
          if (resolvedAt !== null && resolvedBy !== null) {
            if (assignedTo === null && dice.chance(0.5)) {
              event(id, "note", resolvedAt - hour, resolvedBy, {
                text: "本人と電話で話しました。",
              });
            }
            event(id, "resolved", resolvedAt, resolvedBy, {
              note: "面談で確認し、落ち着いています。",
            });
            last = resolvedAt;
          }
          (unresolved ? unresolvedIds : resolvedIds).push(id);
          yield [
            id,
            centerId,
            registrantId,
            category,
            severity,
            rank,
            status,
            source,
            mix.summary,
            openedAt,
            ackDueAt,
            acknowledgedAt,
            acknowledgedBy,
            assignedTo,
            resolvedAt,
            resolvedBy,
            last,
          ];
        }
      })(),
    ),
  );
  await count(
    "escalation_events",
    insertRows(
      client,
      "escalation_events",
      ["escalation_id", "kind", "at", "actor_staff_id", "detail"],
      events,
    ),
  );
  events.length = 0;

  // Audit history, oldest first (ids ascend with time, as appends make them).
  const actions: [string, string, number][] = [
    ["escalation.list", "escalation", 40],
    ["escalation.read", "escalation", 25],
    ["registrant.read", "registrant", 20],
    ["registrant.list", "registrant", 5],
    ["escalation.acknowledge", "escalation", 5],
    ["escalation.resolve", "escalation", 3],
    ["escalation.note", "escalation", 2],
  ];
  const actionWeights = actions.map(([, , weight]) => weight);
  const allEscalations = [...unresolvedIds, ...resolvedIds];
  await count(
    "audit_log",
    insertRows(
      client,
      "audit_log",
      ["center_id", "actor_staff_id", "action", "subject_type", "subject_id", "at"],
      (function* () {
        const span = 365 * day;
        for (let i = 0; i < spec.auditRows; i++) {
          const [action, subjectType] = actions[dice.weighted(actionWeights)] ?? [
            "escalation.list",
            "escalation",
          ];
          const subjectId = action.endsWith(".list")
            ? null
            : subjectType === "registrant"
              ? dice.pick(registrantIds)
              : dice.pick(allEscalations);
          const at = now - span + Math.floor((i / spec.auditRows) * span);
          yield [centerId, dice.pick(staffIds), action, subjectType, subjectId, at];
        }
      })(),
    ),
  );

  return {
    id: centerId,
    staff,
    registrantIds,
    linkedRegistrantIds: linkedIndexes.map((i) => registrantIds[i] ?? ""),
    unreadRegistrantIds,
    unresolvedEscalationIds: unresolvedIds,
    resolvedEscalationIds: resolvedIds,
  };
}

/** The evidence a `signal` event carries, by the source that raised it. */
function evidenceFor(source: Source, category: Category, dice: Dice): Record<string, unknown> {
  switch (source) {
    case "checkin":
      return { question: "condition", answer: "1", score: 1, weeks: 2 };
    case "trend":
      return { question: dice.pick(["sleep", "mood"]), score: 2, weeks: dice.int(3, 5) };
    case "missed":
      return { reason: "72 時間 回答がありません", weeks: dice.int(1, 3) };
    case "unfollow":
      return { reason: "LINE でブロックされました" };
    case "employer":
      return { reporter: "職場の担当者", text: dice.pick(quotes), urgency: "today", category };
    case "message":
    case "staff":
      return { quote: dice.pick(quotes) };
  }
}
