// Staff alerts on LINE, through the outbox: urgent at once (day or night), high while the center is
// open, overdue escalations to the supervisors, a daily digest of the rest, and the end of a support
// period coming. An alert names the registrant and how urgent it is (or when support ends), and
// links to the dashboard: never a category, answer or word.
import type { messagingApi } from "@line/bot-sdk";
import { formatMonthDayTime, monthKey } from "../time/calendar";
import {
  insertAlert,
  linkedStaff,
  recordAlert,
  setAlertOutbox,
  type AlertRecipient,
  type AlertTarget,
} from "../store/staff-alert-ledger";
import type { Queryable, Statement, Tx } from "../store/db";
import {
  awaitingAlert,
  claimAlert,
  claimAlertStatements,
  insertEscalationEvent,
  type AlertableEscalation,
} from "../store/escalations";
import { allowedOutbound, queueOutbound } from "../outbox/queue";
import type { Logger } from "../core/log";
import { enqueueStatement, type OutboxRow } from "../store/outbox";
import { countPushes } from "../store/push-budget";
import type { StaffAlertKind } from "../vocabulary/kinds";
import { isOpenAt, type CenterCalendar } from "../time/business-time";
import { severityNames, type Severity } from "../vocabulary/categories";
import { daysLeft } from "../time/support-period";
import { centerCalendar, type Raised } from "./engine";

export interface AlertOptions {
  /** Where the dashboard is (PUBLIC_BASE_URL): alerts link to it. */
  baseUrl: string;
  log: Logger;
  /** Held by the caller until then, so it can send right after its commit (see sendFresh). */
  leaseUntil?: number | undefined;
}

const text = (body: string): messagingApi.TextMessage => ({ type: "text", text: body });

/** Every message a staff alert can be: the only texts this module sends. */
export const alertWords = {
  urgent: (name: string, url: string) =>
    text(
      `【つなぎ・緊急】${name}さんの件で、すぐに確認が必要です。\nダッシュボードを開いてください。\n${url}`,
    ),
  high: (name: string, ackDueAt: number, url: string) =>
    text(
      `【つなぎ】${name}さんの件（優先度：高）が届きました。\n確認期限：${formatMonthDayTime(ackDueAt)}\n${url}`,
    ),
  overdue: (name: string, severity: Severity, level: number, url: string) =>
    text(
      `【つなぎ・期限切れ】${name}さんの件（${severityNames[severity]}）がまだ確認されていません（${level}回目の通知）。\nダッシュボードで確認してください。\n${url}`,
    ),
  digest: (
    counts: Partial<Record<Severity, number>>,
    names: string[],
    url: string,
    /** For supervisors: messages that could not be sent and nobody has dealt with yet. */
    undelivered = 0,
  ) => {
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const bySeverity = (Object.keys(severityNames) as Severity[])
      .map((severity) => `${severityNames[severity]} ${counts[severity] ?? 0}`)
      .join("・");
    const list = names.map((name) => `・${name}さん`).join("\n");
    const more = total > names.length ? `\nほか ${total - names.length}件` : "";
    const waiting =
      total === 0 ? "" : `きょうの未確認：${total}件（${bySeverity}）\n${list}${more}\n`;
    const failed =
      undelivered === 0
        ? ""
        : `届かなかったメッセージ：${undelivered}件（ダッシュボードの「未送信」で対応してください）\n`;
    return text(`【つなぎ】${waiting}${failed}${url}`);
  },

  /**
   * Staff words: the end of a support period is near, time to prepare the handover; from 3 months
   * before the end, a reminder when no handover is on record yet.
   */
  period: (name: string, endsOn: string, left: number, url: string, handoverMissing = false) =>
    text(
      `【つなぎ】${name}さんの支援期間は ${endsOn} に終わります（${
        left === 0 ? "きょうまで" : `あと ${left} 日`
      }）。引き継ぎの準備を。${
        handoverMissing
          ? "\n引き継ぎ（本人の同意と、次の支援機関へ渡した記録）がまだありません。"
          : ""
      }\n${url}`,
    ),
};

function escalationUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/dashboard/escalations/${encodeURIComponent(id)}`;
}

/**
 * Sends one alert unless the ledger already has it (a second sweep, a retried run): the ledger row
 * first, then the push through the outbox, in the caller's transaction.
 */
export async function pushAlert(
  tx: Tx,
  recipient: AlertRecipient,
  message: messagingApi.TextMessage | null,
  alert: {
    escalationId: string | null;
    kind: StaffAlertKind;
    dedupKey: string;
    /** The registrants the message names. */
    about: string[];
  },
  options: AlertOptions,
  now: number,
): Promise<OutboxRow | null> {
  const ledgerId = await recordAlert(tx, { staffId: recipient.id, ...alert, now });
  if (ledgerId === null || message === null) return null;
  const row = await queueOutbound(
    tx,
    {
      kind: "push",
      recipients: [recipient.lineUserId],
      messages: [message],
      leaseUntil: options.leaseUntil,
      purpose: "alert",
      about: alert.about,
      now,
    },
    options.log,
  );
  if (row === null) return null;
  await setAlertOutbox(tx, ledgerId, row.id);
  await countPushes(tx, monthKey(now), 1);
  return row;
}

/** Whether a staff member wants an alert of this severity at once. */
function wants(recipient: AlertRecipient, severity: Severity): boolean {
  return severity === "urgent" ? recipient.alertUrgent : recipient.alertHigh;
}

/**
 * Alerts the center's linked staff to an urgent or high escalation, once per severity it reaches.
 * A high one waits for opening hours (the sweep comes back to it); urgent goes day or night.
 */
export async function alertEscalation(
  tx: Tx,
  escalation: AlertableEscalation,
  options: AlertOptions,
  now: number,
): Promise<OutboxRow[]> {
  const severity = escalation.severity as Severity;
  if (severity !== "urgent" && severity !== "high") return [];
  const calendar = await centerCalendar(tx, escalation.centerId);
  if (severity === "high" && !isOpenAt(calendar, now)) return [];
  if (!(await claimAlert(tx, escalation.id, escalation.severityRank, now))) return [];

  const message = escalationAlert(escalation, severity, options);
  const recipients = (await linkedStaff(tx, escalation.centerId)).filter((r) => wants(r, severity));
  const rows: OutboxRow[] = [];
  for (const recipient of recipients) {
    const row = await pushAlert(
      tx,
      recipient,
      message,
      {
        escalationId: escalation.id,
        kind: severity,
        dedupKey: `${escalation.id}:${severity}`,
        about: [escalation.registrantId],
      },
      options,
      now,
    );
    if (row) rows.push(row);
  }
  if (rows.length > 0) {
    await insertEscalationEvent(tx, escalation.id, "alerted", now, null, {
      alert: severity,
      staff: recipients.map((r) => r.displayName),
    });
  }
  return rows;
}

function escalationAlert(
  escalation: Pick<AlertableEscalation, "id" | "registrantName" | "ackDueAt">,
  severity: "urgent" | "high",
  options: AlertOptions,
) {
  const url = escalationUrl(options.baseUrl, escalation.id);
  return severity === "urgent"
    ? alertWords.urgent(escalation.registrantName, url)
    : alertWords.high(escalation.registrantName, escalation.ackDueAt, url);
}

/**
 * alertEscalation as statements, for a webhook request that read the escalation (with the
 * severity rank staff were last alerted at), the center's calendar and its linked staff with
 * everything else: the claim (the batch fails if a sweep claimed it since), each staff member's
 * push through the outbox with its ledger row, the month's push count, the timeline entry.
 */
export function alertStatements(
  q: Queryable,
  escalation: Omit<AlertableEscalation, "level"> & { alertedRank: number | null },
  calendar: CenterCalendar,
  staff: readonly AlertTarget[],
  options: AlertOptions,
  now: number,
): { statements: Statement[]; queued: { at: number; row: (result: unknown) => OutboxRow }[] } {
  const none = { statements: [], queued: [] };
  const severity = escalation.severity as Severity;
  if (severity !== "urgent" && severity !== "high") return none;
  if (severity === "high" && !isOpenAt(calendar, now)) return none;
  const rank = escalation.severityRank;
  if (escalation.alertedRank !== null && escalation.alertedRank <= rank) return none;

  const statements: Statement[] = claimAlertStatements(q, escalation.id, rank, now);
  const queued: { at: number; row: (result: unknown) => OutboxRow }[] = [];
  const message = escalationAlert(escalation, severity, options);
  const recipients = staff.filter((r) => wants(r, severity));
  const employers = new Set(
    recipients.filter((r) => r.accountRole === "employer_contact").map((r) => r.lineUserId),
  );
  for (const recipient of recipients) {
    const allowed = allowedOutbound(
      {
        kind: "push",
        recipients: [recipient.lineUserId],
        messages: [message],
        leaseUntil: options.leaseUntil,
        purpose: "alert",
        about: [escalation.registrantId],
        now,
      },
      employers,
      options.log,
    );
    const push = allowed && enqueueStatement(q, allowed);
    if (push) {
      queued.push({ at: statements.length, row: (result) => push.row(result) });
      statements.push(push.statement);
    }
    statements.push(
      insertAlert(q, {
        staffId: recipient.id,
        escalationId: escalation.id,
        kind: severity,
        dedupKey: `${escalation.id}:${severity}`,
        retryKey: push ? push.retryKey : "",
        now,
      }),
    );
  }
  if (queued.length > 0) {
    statements.push(
      countPushes(q, monthKey(now), queued.length),
      insertEscalationEvent(q, escalation.id, "alerted", now, null, {
        alert: severity,
        staff: recipients.map((r) => r.displayName),
      }),
    );
  }
  return { statements, queued };
}

/** Whether a signal just raised calls for an alert now: it opened, or raised, one urgent or high. */
export function needsAlertNow(raised: Raised): boolean {
  const alerted = raised.severity === "urgent" || raised.severity === "high";
  return alerted && (raised.opened || raised.raised);
}

/**
 * Alerts staff to escalations a webhook event has just opened or raised (see needsAlertNow), in
 * the event's transaction: an urgent one reaches staff on LINE in the same moment as the reply.
 */
export async function alertNow(
  tx: Tx,
  escalationIds: string[],
  options: AlertOptions,
  now: number,
): Promise<OutboxRow[]> {
  if (escalationIds.length === 0) return [];
  const rows: OutboxRow[] = [];
  for (const escalation of await awaitingAlert(tx, escalationIds.length, escalationIds)) {
    rows.push(...(await alertEscalation(tx, escalation, options, now)));
  }
  return rows;
}

/** Tells a center's linked supervisors that an escalation went unacknowledged past its deadline. */
export async function alertOverdue(
  tx: Tx,
  escalation: AlertableEscalation,
  level: number,
  options: AlertOptions,
  now: number,
): Promise<OutboxRow[]> {
  const supervisors = (await linkedStaff(tx, escalation.centerId)).filter(
    (r) => r.role === "supervisor",
  );
  const message = alertWords.overdue(
    escalation.registrantName,
    escalation.severity as Severity,
    level,
    escalationUrl(options.baseUrl, escalation.id),
  );
  const rows: OutboxRow[] = [];
  for (const supervisor of supervisors) {
    const row = await pushAlert(
      tx,
      supervisor,
      message,
      {
        escalationId: escalation.id,
        kind: "overdue",
        dedupKey: `overdue:${escalation.id}:${level}`,
        about: [escalation.registrantId],
      },
      options,
      now,
    );
    if (row) rows.push(row);
  }
  return rows;
}

/** Whether a center's digest is due: while it is open (the first sweep of the day sends it). */
export function digestDue(calendar: CenterCalendar, now: number): boolean {
  return isOpenAt(calendar, now);
}

/** A registrant whose support period ends soon, as the period sweep found them. */
export interface PeriodEnding {
  id: string;
  displayName: string;
  supportEndsOn: string;
  /** No handover given on record while one may be needed: the alert reminds of it. */
  handoverMissing?: boolean;
}

/**
 * Tells staff (the sweep chose them: the primary worker and the supervisors) that a support period
 * ends soon, once per staff member, registrant, alert (6 or 3 months ahead) and end date: a new end
 * date is a new period.
 */
export async function alertPeriodEnd(
  tx: Tx,
  registrant: PeriodEnding,
  due: { key: string },
  recipients: AlertRecipient[],
  options: AlertOptions,
  now: number,
): Promise<OutboxRow[]> {
  const left = daysLeft(registrant.supportEndsOn, now) ?? 0;
  const url = `${options.baseUrl}/dashboard/registrants/${encodeURIComponent(registrant.id)}`;
  const message = alertWords.period(
    registrant.displayName,
    registrant.supportEndsOn,
    left,
    url,
    registrant.handoverMissing ?? false,
  );
  const rows: OutboxRow[] = [];
  for (const recipient of recipients) {
    const row = await pushAlert(
      tx,
      recipient,
      message,
      {
        escalationId: null,
        kind: "period",
        dedupKey: periodAlertKey(registrant.id, due.key, registrant.supportEndsOn),
        about: [registrant.id],
      },
      options,
      now,
    );
    if (row) rows.push(row);
  }
  return rows;
}

/** The ledger key of a period alert; it starts with the registrant, so erasure finds it. */
export function periodAlertKey(registrantId: string, due: string, endsOn: string): string {
  return `period:${registrantId}:${due}:${endsOn}`;
}
