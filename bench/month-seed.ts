// Seeds "the center's month" on top of the dashboard seed: support periods and caseworkers on every
// registrant, a year of staff contacts, the employers' reports behind employer escalations, and
// final monthly reports with their shares.
import { createClient, type Client, type InValue } from "@libsql/client";
import { seededRandom } from "../scripts/seeded-random";
import type { PersonSummary, StoredReportSection } from "../src/store/schema";
import { monthKey, monthSpan } from "../src/time/calendar";
import {
  contactKinds,
  employerReportKinds,
  employerReportUrgencies,
  reportSectionKeys,
  type ContactKind,
  type ContactParty,
} from "../src/vocabulary/kinds";
import { seedDashboardData, type CenterSpec, type SeededCenter } from "./dashboard-seed";

export interface MonthCenterSpec {
  name: string;
  tag: string;
  /** ~40 people each (就労定着支援員 40 : 1). */
  caseworkers: number;
  registrants: number;
  /** Completed weekly check-ins per registrant (five answers each): 52 is a year. */
  weeks: number;
  /** Staff contacts (支援記録), spread over the last 365 days. */
  contacts: number;
  /** Escalations over two years, `unresolved` of them open or acknowledged. */
  escalations: number;
  unresolved: number;
  /** Of the people in a past month, the share whose final report was shared with them. */
  sharedPerMonth: number;
}

export interface MonthCenter extends SeededCenter {
  /** People of the center with no final report of `reportMonth`: reading theirs drafts it. */
  draftable: string[];
}

export interface MonthSeed {
  centers: MonthCenter[];
  /** Rows written per table. */
  rows: Record<string, number>;
  /** The month the drafts are read for (the last complete one). */
  reportMonth: string;
}

const hour = 3_600_000;
const day = 24 * hour;

/** Relative frequency of each contact kind in a center's records. */
const kindWeights: Record<ContactKind, number> = {
  face_to_face: 40,
  online: 6,
  phone: 20,
  company_visit: 12,
  company_contact: 12,
  agency_contact: 6,
  accompany: 4,
};

const notes = [
  "職場での様子を確認。体調は安定している。",
  "睡眠が短くなっているとのこと。受診をすすめた。",
  "上司と面談。作業量の調整をお願いした。",
  "通院に同行。服薬の変更なし。",
  "来月の目標を一緒に確認した。",
  "",
];

/** Bound variables per statement (as the dashboard seed): well under SQLite's 32,766. */
const variablesPerStatement = 6_000;

/** Multi-row INSERTs in one write transaction, rows from a generator (as the dashboard seed). */
async function insertRows(
  client: Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<InValue[]>,
): Promise<number> {
  const perStatement = Math.max(1, Math.floor(variablesPerStatement / columns.length));
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const tx = await client.transaction("write");
  let written = 0;
  try {
    let args: InValue[] = [];
    let pending = 0;
    const flush = async () => {
      await tx.execute({ sql: head + Array(pending).fill(tuple).join(", "), args });
      written += pending;
      args = [];
      pending = 0;
    };
    for (const row of rows) {
      args.push(...row);
      if (++pending === perStatement) await flush();
    }
    if (pending > 0) await flush();
    await tx.commit();
  } finally {
    tx.close();
  }
  return written;
}

/** A text column of a raw row. */
function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A Tokyo date ("2026-11-30") of an instant. */
function tokyoDate(ms: number): string {
  return new Date(ms + 9 * hour).toISOString().slice(0, 10);
}

/** The Tokyo date `years` years and `days` days after a Tokyo date. */
function shiftDate(date: string, years: number, days: number): string {
  const [y = 2000, m = 1, d = 1] = date.split("-").map(Number);
  return new Date(Date.UTC(y + years, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The `count` months up to and including `last` ("2026-11"), oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  const start = monthSpan(last)?.from ?? 0;
  const months = [last];
  let at = start;
  while (months.length < count) {
    at = monthSpan(monthKey(at - day))?.from ?? 0;
    months.unshift(monthKey(at));
  }
  return months;
}

interface Person {
  id: string;
  program: "retention" | "center";
  caseworkerId: string;
  startsOn: string;
  endsOn: string | null;
  createdAt: number;
}

/** Fills the migrated database at `url`: the dashboard seed first, then the month's records. */
export async function seedMonthData(
  url: string,
  specs: MonthCenterSpec[],
  now: number,
): Promise<MonthSeed> {
  const dashboardSpecs: CenterSpec[] = specs.map((spec) => ({
    name: spec.name,
    tag: spec.tag,
    caseworkers: spec.caseworkers,
    registrants: spec.registrants,
    completedCheckins: spec.weeks,
    escalations: spec.escalations,
    unresolved: spec.unresolved,
    auditRows: spec.registrants * 2,
    messages: spec.registrants,
    unreadPeople: Math.max(1, Math.round(spec.registrants / 100)),
  }));
  const base = await seedDashboardData(url, dashboardSpecs, now);
  const rows: Record<string, number> = { ...base.rows };
  const count = async (table: string, written: Promise<number> | number) => {
    rows[table] = (rows[table] ?? 0) + (await written);
  };
  const random = seededRandom(20_261_201);
  const chance = (p: number) => random() < p;
  const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  const kindTotal = contactKinds.reduce((sum, kind) => sum + kindWeights[kind], 0);
  const pickKind = (): ContactKind => {
    let roll = random() * kindTotal;
    for (const kind of contactKinds) {
      roll -= kindWeights[kind];
      if (roll < 0) return kind;
    }
    return "face_to_face";
  };

  const reportMonth = monthKey((monthSpan(monthKey(now))?.from ?? now) - day);
  const pastMonths = monthsUpTo(reportMonth, 12);
  const client = createClient({ url });
  const centers: MonthCenter[] = [];
  try {
    for (const [c, spec] of specs.entries()) {
      const center = base.centers[c];
      if (!center) throw new Error("the dashboard seed made fewer centers than asked");
      const workers = center.staff.filter((member) => member.role === "caseworker");

      // Support periods: 就労定着支援 for most (starting six months after hiring, three years
      // long), the center's own support for the rest; a few ended in the last year, a few paused.
      const people: Person[] = [];
      const updates: { sql: string; args: InValue[] }[] = [];
      for (const [i, id] of center.registrantIds.entries()) {
        const program = chance(0.88) ? "retention" : "center";
        const caseworkerId = workers[i % workers.length]?.id ?? "";
        let startsMs = now - int(30, (program === "retention" ? 35 : 60) * 30) * day;
        const ended = chance(0.03);
        const endedAt = ended ? now - int(1, 330) * day : null;
        if (endedAt !== null && startsMs > endedAt - 60 * day) startsMs = endedAt - 400 * day;
        const startsOn = tokyoDate(startsMs);
        const endsOn =
          endedAt !== null
            ? tokyoDate(endedAt)
            : program === "retention"
              ? shiftDate(startsOn, 3, -1)
              : null;
        const hiredOn = shiftDate(startsOn, 0, program === "retention" ? -183 : -int(0, 90));
        const createdAt = Math.min(startsMs - 30 * day, now - 54 * 7 * day);
        const status = ended ? "ended" : chance(0.02) ? "paused" : "active";
        people.push({ id, program, caseworkerId, startsOn, endsOn, createdAt });
        updates.push({
          sql:
            "UPDATE registrants SET program = ?, hired_on = ?, support_starts_on = ?, " +
            "support_ends_on = ?, caseworker_id = ?, created_at = ?, status = ?, ended_at = ?, " +
            "ended_reason = ? WHERE id = ?",
          args: [
            program,
            hiredOn,
            startsOn,
            endsOn,
            caseworkerId,
            createdAt,
            status,
            endedAt,
            ended ? "period_end" : null,
            id,
          ],
        });
      }
      await client.batch(updates, "write");
      await count("registrants (support period set)", updates.length);

      const employments = new Map<string, string>();
      for (const row of (
        await client.execute({
          sql:
            "SELECT registrant_id, employer_id FROM employments WHERE employer_id IN " +
            "(SELECT id FROM employers WHERE center_id = ?)",
          args: [center.id],
        })
      ).rows) {
        employments.set(textOf(row.registrant_id), textOf(row.employer_id));
      }

      // A year of contacts, each by the person's caseworker.
      await count(
        "support_contacts",
        insertRows(
          client,
          "support_contacts",
          [
            "id",
            "center_id",
            "registrant_id",
            "kind",
            "parties",
            "at",
            "minutes",
            "note",
            "author_staff_id",
            "created_at",
            "updated_at",
          ],
          (function* () {
            for (let i = 0; i < spec.contacts; i++) {
              const person = pick(people);
              const kind = pickKind();
              const parties: ContactParty[] =
                kind === "company_visit" || kind === "company_contact"
                  ? chance(0.3)
                    ? ["person", "employer"]
                    : ["employer"]
                  : kind === "agency_contact"
                    ? [chance(0.5) ? "agency" : "clinic"]
                    : kind === "phone" && chance(0.15)
                      ? ["family"]
                      : ["person"];
              const at = now - Math.floor(random() * 365 * day);
              const written = at + int(5, 600) * 60_000;
              yield [
                crypto.randomUUID(),
                center.id,
                person.id,
                kind,
                JSON.stringify(parties),
                at,
                int(2, 18) * 5,
                pick(notes),
                person.caseworkerId,
                written,
                written,
              ];
            }
          })(),
        ),
      );

      // The employers' reports behind the last year's employer escalations (same person, same time).
      const employerIds = [...new Set(employments.values())];
      const contactOf = new Map(employerIds.map((id) => [id, crypto.randomUUID()]));
      await count(
        "employer_contacts",
        insertRows(
          client,
          "employer_contacts",
          ["id", "center_id", "employer_id", "display_name", "created_at"],
          employerIds.map((id) => [
            contactOf.get(id) ?? "",
            center.id,
            id,
            "人事 担当者",
            now - 400 * day,
          ]),
        ),
      );
      const employerEscalations = (
        await client.execute({
          sql:
            "SELECT id, registrant_id, opened_at FROM escalations WHERE center_id = ? " +
            "AND source = 'employer' AND opened_at >= ?",
          args: [center.id, now - 365 * day],
        })
      ).rows;
      await count(
        "employer_reports",
        insertRows(
          client,
          "employer_reports",
          [
            "id",
            "center_id",
            "employer_id",
            "contact_id",
            "registrant_id",
            "kind",
            "urgency",
            "words",
            "via",
            "escalation_id",
            "created_at",
          ],
          (function* () {
            for (const row of employerEscalations) {
              const employerId = employments.get(textOf(row.registrant_id));
              if (employerId === undefined) continue;
              yield [
                crypto.randomUUID(),
                center.id,
                employerId,
                contactOf.get(employerId) ?? "",
                textOf(row.registrant_id),
                pick(employerReportKinds),
                pick(employerReportUrgencies),
                chance(0.4) ? "最近 遅刻が続いています。" : null,
                "buttons",
                textOf(row.id),
                Number(row.opened_at),
              ];
            }
          })(),
        ),
      );

      // Final reports of past months and their shares: with the person (on LINE or on paper),
      // and half of them with the employer too; a few drafts with a staff-written section.
      const finalThisMonth = new Set<string>();
      const reports: InValue[][] = [];
      const shares: InValue[][] = [];
      for (const month of pastMonths) {
        const span = monthSpan(month);
        if (!span) continue;
        const lastDay = tokyoDate(span.to - day);
        for (const person of people) {
          if (person.program !== "retention" || person.startsOn > lastDay) continue;
          if (person.endsOn !== null && person.endsOn < `${month}-01`) continue;
          const final = chance(spec.sharedPerMonth);
          if (!final && !(month === reportMonth && chance(0.02))) continue;
          const id = crypto.randomUUID();
          const finalizedAt = span.to - int(1, 72) * hour;
          if (final && month === reportMonth) finalThisMonth.add(person.id);
          reports.push([
            id,
            center.id,
            person.id,
            month,
            1,
            final ? "final" : "draft",
            JSON.stringify(final ? finalSections(month) : [draftEdit()]),
            final ? JSON.stringify(personSummary) : null,
            person.caseworkerId,
            finalizedAt - 2 * day,
            person.caseworkerId,
            finalizedAt,
            final ? person.caseworkerId : null,
            final ? finalizedAt : null,
          ]);
          if (!final) continue;
          const channel = chance(0.7) ? "line" : "paper";
          const share = (audience: string, employerId: string) =>
            shares.push([
              id,
              center.id,
              person.id,
              month,
              audience,
              channel,
              employerId,
              channel === "line" ? 1 : 0,
              person.caseworkerId,
              finalizedAt + hour,
            ]);
          share("person", "");
          const employerId = employments.get(person.id);
          if (employerId !== undefined && chance(0.5)) share("employer", employerId);
        }
      }
      await count(
        "support_reports",
        insertRows(
          client,
          "support_reports",
          [
            "id",
            "center_id",
            "registrant_id",
            "month",
            "version",
            "status",
            "sections",
            "person_summary",
            "created_by",
            "created_at",
            "updated_by",
            "updated_at",
            "finalized_by",
            "finalized_at",
          ],
          reports,
        ),
      );
      await count(
        "report_shares",
        insertRows(
          client,
          "report_shares",
          [
            "report_id",
            "center_id",
            "registrant_id",
            "month",
            "audience",
            "channel",
            "employer_id",
            "recipients",
            "staff_id",
            "at",
          ],
          shares,
        ),
      );
      centers.push({
        ...center,
        draftable: center.registrantIds.filter((id) => !finalThisMonth.has(id)),
      });
    }
    await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    client.close();
  }
  return { centers, rows, reportMonth };
}

const personSummary: PersonSummary = {
  wentWell: "まいにち しごとに いけました。",
  nextMonth: "よる はやく ねるように します。",
};

/** A locked report's sections, about as long as a real one. */
function finalSections(month: string): StoredReportSection[] {
  const texts: Record<(typeof reportSectionKeys)[number], string> = {
    goal: "生活リズムを整え、遅刻をしないで通勤する。",
    situation: `${month} は 4 回のチェックインに回答。体調・睡眠は安定、気分は月の後半にやや低下。`,
    support: "月初に面談。職場訪問で上司と作業量を確認し、休憩の取り方を相談した。",
    next: "睡眠の記録をつけ、次回面談で振り返る。",
    others: "職場では新しい作業を任され、本人も意欲的に取り組んでいる。",
    share: "職場の方へ：休憩の声かけを引き続きお願いします。",
  };
  return reportSectionKeys.map((key) => ({
    key,
    text: texts[key],
    sources: [{ kind: "contact", id: crypto.randomUUID(), label: "11/05 面談・対面" }],
    sentences: [
      {
        text: texts[key],
        sources: [{ kind: "contact", id: crypto.randomUUID(), label: "11/05 面談・対面" }],
      },
    ],
    forEmployer: key === "share" || key === "support",
    edited: key === "goal" || key === "next",
  }));
}

/** A draft keeps only what staff changed: here the goal. */
function draftEdit(): StoredReportSection {
  return {
    key: "goal",
    text: "遅刻をしないで通勤する。",
    sources: [],
    forEmployer: false,
    edited: true,
  };
}
