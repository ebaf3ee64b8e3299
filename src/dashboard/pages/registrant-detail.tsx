// One registrant's page and its handlers: the forms post here, and a refused change shows why.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { AppError, type ErrorReason } from "../../core/errors";
import { recentWeeks } from "../../store/history";
import { endSupport, reopenSupport } from "../person-data";
import { minuteOfTime } from "../../time/calendar";
import { timePattern } from "../../time/calendar";
import type { StaffEnv } from "../staff-env";
import { ChartLegend, chartWeeks, TrendChart } from "./checkin-chart";
import { parseForm } from "./form";
import { endReasons } from "../../vocabulary/kinds";
import { label, registrantStatusLabels } from "./labels";
import { Layout, Notice, PageHead } from "./layout";
import { Actions, type FormState } from "./registrant-actions";
import { EmployerReports, Workplaces } from "./registrant-employers";
import { ConsentHistory, HistoryTable } from "./registrant-history";
import { BlockedBanner, Overview } from "./registrant-overview";
import { render } from "./render";
import { ContactsCard, submitContact } from "./registrant-contacts";
import { monthOfContacts } from "../contacts";
import { listReports } from "../reports";
import { ReportsCard } from "./registrant-reports";
import { ProfileCard, saveProfile } from "./registrant-profile";
import { PeriodCard, savePeriod } from "./registrant-period";
import {
  HandoverCard,
  handoverDone,
  submitHandover,
  type HandoverAction,
} from "./registrant-handover";
import { handoverForPage } from "../handover";
import { endEmployment, linkEmployment, listEmployers } from "../employers";
import {
  changeSchedule,
  getRegistrant,
  pauseCheckins,
  resumeCheckins,
  sendCheckin,
} from "../registrants";
import { listStaff } from "../staff-admin";

const done: Record<string, string> = {
  ...handoverDone,
  checkin: "チェックインを送りました。本人の LINE に届きます。",
  schedule: "チェックインの曜日と時刻を変えました。",
  paused: "チェックインを一時停止しました。",
  resumed: "チェックインを再開しました。",
  employment: "勤務先を登録しました。",
  profile: "連絡先とプロフィールを保存しました。",
  period: "支援期間を保存しました。",
  employment_end: "勤務の終了を登録しました。",
  contact: "支援記録を保存しました。",
  ended: "支援を終了しました。本人には LINE でお礼とこれからの連絡先を伝えます。",
  reopened: "支援を再開しました。次の予定の日からチェックインが届きます。",
};

const schemas = {
  schedule: z.object({
    weekday: z
      .string({ error: "曜日を選んでください。" })
      .regex(/^[0-6]$/, { error: "曜日を一覧から選んでください。" })
      .transform(Number),
    time: z
      .string({ error: "時刻を入力してください。" })
      .regex(timePattern, { error: "時刻は 00:00〜23:59 の形（例 18:00）で入力してください。" }),
  }),
  end: z.object({
    reason: z.enum(endReasons, { error: "終了の理由を選んでください。" }),
  }),
  employment: z.object({
    employerId: z
      .string({ error: "勤務先を選んでください。" })
      .min(1, { error: "勤務先を選んでください。" })
      .max(64, { error: "勤務先を一覧から選んでください。" }),
  }),
};

/** Why a check-in could not go, by the reason checkins/send.ts gave (read inside its write). */
const checkinRefusals: Partial<Record<ErrorReason, string>> = {
  support_ended: "支援が終了しているため、チェックインは送れません。",
  not_linked: "まだ LINE と連携していないため、チェックインは送れません。",
  unreachable: "LINE でブロックされているため、チェックインは送れません。",
  not_consented: "チェックインへの同意がないため、送れません。",
  paused: "一時停止中のため、チェックインは送れません。再開すると送れます。",
  // the one refusal the page cannot foresee: the conversation state lives with the bot
  checkin_in_progress:
    "回答中のチェックインがあるため、新しく送れません。終わるか、期限（72時間）が切れてから送ってください。",
};

const changeRefusals: Partial<Record<ErrorReason, string>> = {
  support_ended: "支援が終了しているため、変更できません。",
};

async function showDetail(c: Context<StaffEnv>, form: FormState, status: ContentfulStatusCode) {
  const { scope, actor } = c.var;
  const registrant = await getRegistrant(scope, c.req.param("id") ?? "");
  const [employers, staff, contacts, reports] = await Promise.all([
    listEmployers(scope),
    listStaff(scope),
    monthOfContacts(scope, registrant.id),
    listReports(scope, registrant.id),
  ]);
  const handover = await handoverForPage(scope, registrant.id);
  const now = c.var.deps.clock();
  const weeks = chartWeeks(recentWeeks(now), registrant.checkins);
  const error = typeof form.error === "function" ? form.error(registrant) : form.error;
  const flash = error === undefined ? done[c.req.query("done") ?? ""] : undefined;
  const hasTrend = weeks.some(
    (week) => week.missed || Object.values(week.scores).some((score) => score !== null),
  );
  return render(
    c,
    <Layout title={registrant.displayName} actor={actor} current="registrants">
      <p class="crumbs">
        <a href="/dashboard/registrants">← 登録者の一覧へ</a>
      </p>
      <Notice kind="error" message={error} />
      <Notice kind="success" message={flash} />
      {registrant.linked && !registrant.reachable ? (
        <BlockedBanner registrant={registrant} />
      ) : null}
      <PageHead
        title={<span data-testid="registrant-title">{registrant.displayName}</span>}
        aside={
          <span class={`chip status-chip status-${registrant.status}`}>
            {label(registrantStatusLabels, registrant.status)}
          </span>
        }
      />
      <div class="detail">
        <div class="detail-main">
          <Overview registrant={registrant} />
          <ContactsCard registrantId={registrant.id} contacts={contacts} now={now} />
          <ReportsCard
            registrantId={registrant.id}
            months={reports.items}
            now={now}
            registeredAt={Date.parse(registrant.createdAt)}
          />
          <section class="card" aria-labelledby="trend-heading">
            <h2 id="trend-heading">直近{weeks.length}週の推移</h2>
            {hasTrend ? (
              <figure class="chart-figure">
                <ChartLegend />
                <TrendChart weeks={weeks} layout="wide" />
                <TrendChart weeks={weeks} layout="narrow" />
                <figcaption class="muted small">
                  {"点数は 4＝よい 〜 1＝わるい。横軸は週のはじめ（月曜）の日付。"}
                  {"同じ内容を下の「チェックインの記録」に表で載せています。"}
                </figcaption>
              </figure>
            ) : (
              <p class="muted" data-testid="trend-empty">
                まだ回答がありません。回答が届くと、体調・睡眠・気分の推移がここに出ます。
              </p>
            )}
          </section>
        </div>
        <div class="detail-side">
          <ProfileCard
            registrantId={registrant.id}
            profile={registrant.profile}
            unread={registrant.unread}
            staff={staff}
          />
          <PeriodCard registrantId={registrant.id} period={registrant.period} />
          <HandoverCard person={registrant} handover={handover} />
          <Actions registrant={registrant} form={form} supervisor={actor.role === "supervisor"} />
          <ConsentHistory items={registrant.consentHistory} />
          <Workplaces registrant={registrant} choices={employers} />
        </div>
      </div>
      <EmployerReports reports={registrant.employerReports} />
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">チェックインの記録</h2>
        <HistoryTable checkins={registrant.checkins} weeks={weeks} now={now} />
      </section>
    </Layout>,
    status,
  );
}

export function showRegistrant(c: Context<StaffEnv>) {
  return showDetail(c, {}, 200);
}

export function recordRegistrantContact(c: Context<StaffEnv>) {
  return submitContact(c, (error, status) => showDetail(c, { error }, status));
}

/** Runs one change and goes back to the page (303); a refused change shows the page with why. */
async function act(
  c: Context<StaffEnv>,
  change: (id: string) => Promise<unknown>,
  doneKey: string,
  refusals: Partial<Record<ErrorReason, string>>,
  form: FormState = {},
) {
  const id = c.req.param("id") ?? "";
  try {
    await change(id);
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "not_found") throw error;
    const message =
      error.code === "conflict"
        ? ((error.reason && refusals[error.reason]) ?? "この操作はできません。")
        : "入力を確認してください。";
    return showDetail(c, { ...form, error: message }, error.status);
  }
  return c.redirect(`/dashboard/registrants/${encodeURIComponent(id)}?done=${doneKey}`, 303);
}

export function sendRegistrantCheckin(c: Context<StaffEnv>) {
  return act(c, (id) => sendCheckin(c.var.scope, id), "checkin", checkinRefusals);
}

export async function changeRegistrantSchedule(c: Context<StaffEnv>) {
  const form = await parseForm(c, schemas.schedule);
  if (!form.ok) {
    return showDetail(
      c,
      { error: form.message, weekday: form.fields.weekday, time: form.fields.time },
      400,
    );
  }
  const { weekday, time } = form.data;
  return act(
    c,
    (id) => changeSchedule(c.var.scope, id, weekday, minuteOfTime(time)),
    "schedule",
    changeRefusals,
    { weekday: String(weekday), time },
  );
}

export function pauseRegistrant(c: Context<StaffEnv>) {
  return act(c, (id) => pauseCheckins(c.var.scope, id), "paused", changeRefusals);
}

export function resumeRegistrant(c: Context<StaffEnv>) {
  return act(c, (id) => resumeCheckins(c.var.scope, id), "resumed", changeRefusals);
}

/** Links the registrant to one of the center's employers; another center's is not on the list. */
export async function linkRegistrantEmployment(c: Context<StaffEnv>) {
  const form = await parseForm(c, schemas.employment);
  if (!form.ok) return showDetail(c, { error: form.message }, 400);
  const id = c.req.param("id") ?? "";
  try {
    await linkEmployment(c.var.scope, id, form.data.employerId);
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request") {
      return showDetail(c, { error: "勤務先を一覧から選んでください。" }, 400);
    }
    throw error;
  }
  return c.redirect(`/dashboard/registrants/${encodeURIComponent(id)}?done=employment`, 303);
}

export async function saveRegistrantProfile(c: Context<StaffEnv>) {
  const id = c.req.param("id") ?? "";
  const saved = await saveProfile(c, id);
  if (saved.error !== undefined) return showDetail(c, { error: saved.error }, 400);
  return c.redirect(`/dashboard/registrants/${encodeURIComponent(id)}?done=profile`, 303);
}

/** The handover card's forms (registrant-handover.tsx): a refusal shows this page with why. */
export function submitRegistrantHandover(action: HandoverAction) {
  return (c: Context<StaffEnv>) =>
    submitHandover(c, action, (error, status) => showDetail(c, { error }, status));
}

export async function saveRegistrantPeriod(c: Context<StaffEnv>) {
  const id = c.req.param("id") ?? "";
  const saved = await savePeriod(c, id);
  if (saved.error !== undefined) return showDetail(c, { error: saved.error }, 400);
  return c.redirect(`/dashboard/registrants/${encodeURIComponent(id)}?done=period`, 303);
}

/** The last day of a job: after it the employer can no longer report on the person. */
export async function endRegistrantEmployment(c: Context<StaffEnv>) {
  const form = await parseForm(
    c,
    z.object({
      employerId: z.string().min(1).max(64),
      endedOn: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "最終勤務日を日付で入力してください。" }),
    }),
  );
  if (!form.ok) return showDetail(c, { error: "最終勤務日を日付で入力してください。" }, 400);
  const id = c.req.param("id") ?? "";
  await endEmployment(c.var.scope, id, form.data.employerId, form.data.endedOn);
  return c.redirect(`/dashboard/registrants/${encodeURIComponent(id)}?done=employment_end`, 303);
}

export async function endRegistrantSupport(c: Context<StaffEnv>) {
  const form = await parseForm(c, schemas.end);
  if (!form.ok) return showDetail(c, { error: form.message }, 400);
  const { reason } = form.data;
  return act(c, (id) => endSupport(c.var.scope, id, reason), "ended", {
    support_ended: "支援はもう終了しています。",
  });
}

export function reopenRegistrantSupport(c: Context<StaffEnv>) {
  return act(c, (id) => reopenSupport(c.var.scope, id), "reopened", {
    support_not_ended: "支援は終了していません。",
  });
}
