// The center's statistics by month (GET /api/stats, the CSV, the statistics page): people in
// support, check-ins sent, completed and missed, escalations by category and severity with the
// median time to acknowledge, contacts by kind, reports shared and handovers. Counts only: no one's data, so nothing to audit.
import { AppError } from "../core/errors";
import { monthFigures } from "../store/stats";
import { monthKey, monthSpan } from "../time/calendar";
import { contactKinds } from "../vocabulary/kinds";
import { severities } from "../vocabulary/categories";
import { csvLine } from "./csv";
import type { CenterScope } from "./scope";

/** At most two years in one request. */
export const maxMonths = 24;

/** The months from `from` to `to` ("2026-01" … "2026-06"), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const [fy = 0, fm = 1] = from.split("-").map(Number);
  const [ty = 0, tm = 1] = to.split("-").map(Number);
  const months: string[] = [];
  for (let i = fy * 12 + fm - 1; i <= ty * 12 + tm - 1; i++) {
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

/** Reads `from` and `to` (default: the last six months up to this one). */
export function statsRange(now: number, from?: string, to?: string): string[] {
  const last = to ?? monthKey(now);
  const first = from ?? monthsBetween("2000-01", last).slice(-6)[0] ?? last;
  if (monthSpan(first) === null || monthSpan(last) === null) {
    throw new AppError("bad_request", "from and to must be months as YYYY-MM");
  }
  if (first > last) throw new AppError("bad_request", "from must not be after to");
  const months = monthsBetween(first, last);
  if (months.length > maxMonths) {
    throw new AppError("bad_request", `at most ${maxMonths} months at once`);
  }
  return months;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value);
}

/** One month's figures for this center. */
export async function monthStats(scope: CenterScope, month: string) {
  const span = monthSpan(month);
  if (!span) throw new AppError("bad_request", "month must be YYYY-MM");
  const figures = await monthFigures(scope.store.db, scope.centerId, month, span.from, span.to);
  const checkinCount = (status: string) =>
    figures.checkins.find((row) => row.status === status)?.n ?? 0;
  const byCategory: Record<string, number> = {};
  const bySeverity: Record<string, number> = {};
  for (const row of figures.escalations) {
    byCategory[row.category] = (byCategory[row.category] ?? 0) + row.n;
    bySeverity[row.severity] = (bySeverity[row.severity] ?? 0) + row.n;
  }
  return {
    month,
    activeRegistrants: figures.activeRegistrants,
    checkins: {
      sent: figures.checkins.reduce((sum, row) => sum + row.n, 0),
      completed: checkinCount("completed"),
      missed: checkinCount("missed"),
    },
    escalations: { byCategory, bySeverity },
    medianAckMinutes: Object.fromEntries(
      severities.map((severity) => [
        severity,
        median(
          figures.acknowledged.filter((row) => row.severity === severity).map((row) => row.minutes),
        ),
      ]),
    ),
    contacts: Object.fromEntries(
      contactKinds.map((kind) => [kind, figures.contacts.find((row) => row.kind === kind)?.n ?? 0]),
    ),
    reportsShared: figures.reportsShared,
    handovers: figures.handovers,
  };
}

export async function statsFor(scope: CenterScope, from?: string, to?: string) {
  const months = statsRange(scope.clock(), from, to);
  return { months: await Promise.all(months.map((month) => monthStats(scope, month))) };
}

type MonthStats = Awaited<ReturnType<typeof monthStats>>;

const header = [
  "月",
  "支援中の人数",
  "チェックイン送信",
  "回答",
  "未回答",
  ...severities.map((severity) => `案件(${severity})`),
  ...severities.map((severity) => `確認までの中央値・分(${severity})`),
  ...contactKinds.map((kind) => `支援記録(${kind})`),
  "支援レポート共有",
  "引き継ぎ",
];

function row(stats: MonthStats): (string | number | null)[] {
  return [
    stats.month,
    stats.activeRegistrants,
    stats.checkins.sent,
    stats.checkins.completed,
    stats.checkins.missed,
    ...severities.map((severity) => stats.escalations.bySeverity[severity] ?? 0),
    ...severities.map((severity) => stats.medianAckMinutes[severity] ?? null),
    ...contactKinds.map((kind) => stats.contacts[kind] ?? 0),
    stats.reportsShared,
    stats.handovers,
  ];
}

/**
 * The months as CSV (UTF-8 with a byte-order mark for Excel), streamed a month at a time so a
 * long range is never held whole.
 */
export function statsCsv(
  scope: CenterScope,
  from?: string,
  to?: string,
): ReadableStream<Uint8Array> {
  const months = statsRange(scope.clock(), from, to);
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
    },
    async pull(controller) {
      const month = months[next++];
      if (month === undefined) {
        controller.close();
        return;
      }
      // The local driver answers synchronously: without a turn of the event loop between months
      // the written chunks would wait until the last month was read. Let each one leave first.
      await new Promise((resolve) => setTimeout(resolve, 0));
      controller.enqueue(encoder.encode(csvLine(row(await monthStats(scope, month)))));
    },
  });
}
