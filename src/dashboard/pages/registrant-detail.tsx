// One registrant's page: reachability, consent, the weekly schedule and its forms, the history.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { AppError, type ErrorReason } from "../../core/errors";
import { questions, type Question } from "../../words/checkin-questions";
import { weekdayNames } from "../../time/calendar";
import { recentWeeks } from "../../store/history";
import { endSupport, reopenSupport } from "../person-data";
import { minuteOfTime } from "../../time/calendar";
import { timePattern } from "../../time/calendar";
import type { RegistrantDetail } from "../registrants";
import type { StaffEnv } from "../staff-env";
import { ChartLegend, chartWeeks, TrendChart, type ChartWeek } from "./checkin-chart";
import { parseForm } from "./form";
import { endReasons } from "../../vocabulary/kinds";
import { checkinStatusLabels, endReasonLabels, label, registrantStatusLabels } from "./labels";
import { Layout, Notice, PageHead } from "./layout";
import { EmployerReports, Workplaces } from "./registrant-employers";
import { render } from "./render";
import { ProfileCard, saveProfile } from "./registrant-profile";
import { formatDateTime, formatNear, isoTime } from "../../time/format";
import { endEmployment, linkEmployment, listEmployers } from "../employers";
import {
  changeSchedule,
  getRegistrant,
  pauseCheckins,
  resumeCheckins,
  sendCheckin,
} from "../registrants";
import { listStaff } from "../staff-admin";

type Detail = RegistrantDetail;
type HistoryCheckin = Detail["checkins"][number];

const done: Record<string, string> = {
  checkin: "チェックインを送りました。本人の LINE に届きます。",
  schedule: "チェックインの曜日と時刻を変えました。",
  paused: "チェックインを一時停止しました。",
  resumed: "チェックインを再開しました。",
  employment: "勤務先を登録しました。",
  profile: "連絡先とプロフィールを保存しました。",
  employment_end: "勤務の終了を登録しました。",
  ended: "支援を終了しました。本人には LINE でお礼とこれからの連絡先を伝えます。",
  reopened: "支援を再開しました。次の予定の日からチェックインが届きます。",
};

const originLabels: Record<string, string> = {
  scheduled: "毎週の定期送信",
  self: "本人から開始",
  staff: "職員が送信",
};

const consentLabels: Record<string, string> = {
  given: "同意した",
  declined: "同意しなかった",
  withdrawn: "同意をやめた",
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

/** Why a check-in cannot go out now, as far as the page can tell; null when nothing stops it. */
function checkinBlocker(registrant: Detail): string | null {
  if (registrant.status === "ended") return "支援が終了しているため、チェックインは送れません。";
  if (!registrant.linked) return "まだ LINE と連携していないため、チェックインは送れません。";
  if (!registrant.reachable) return "LINE でブロックされているため、チェックインは送れません。";
  if (!registrant.consented) return "チェックインへの同意がないため、送れません。";
  if (registrant.status === "paused") {
    return "一時停止中のため、チェックインは送れません。再開すると送れます。";
  }
  return null;
}

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

function noNextReason(registrant: Detail): string {
  if (registrant.status === "ended") return "支援が終了しています";
  if (!registrant.linked) return "LINE と連携すると決まります";
  if (!registrant.reachable) return "LINE でブロックされています";
  if (!registrant.consented) return "チェックインへの同意がありません";
  if (registrant.status === "paused") return "一時停止中です";
  return "まだ決まっていません";
}

function weekdayName(weekday: number): string {
  return `${weekdayNames[weekday] ?? "?"}曜日`;
}

interface FormState {
  /** A message, or one worked out from the registrant as they are now (after a refusal). */
  error?: string | ((registrant: Detail) => string) | undefined;
  weekday?: string | undefined;
  time?: string | undefined;
}

export function YesNo(props: { value: boolean; yes: string; no: string }) {
  return props.value ? <span class="yes">{props.yes}</span> : <span class="no">{props.no}</span>;
}

function BlockedBanner(props: { registrant: Detail }) {
  const since = props.registrant.unfollowedAt;
  return (
    <div class="alert-banner" data-testid="registrant-blocked">
      <p class="alert-banner-title">LINEでブロック中（連絡がとれません）</p>
      <p>
        {since === null ? null : `${formatDateTime(since)} から ブロックされています。`}
        チェックインもお知らせも届きません。電話や面談など、別の方法で様子を確かめてください。
      </p>
    </div>
  );
}

function Overview(props: { registrant: Detail }) {
  const { registrant } = props;
  const checkin = registrant.latestCheckin;
  return (
    <section class="card">
      <dl class="pairs pairs-grid">
        <div class="pair">
          <dt>状態</dt>
          <dd data-testid="registrant-status">
            {label(registrantStatusLabels, registrant.status)}
          </dd>
        </div>
        <div class="pair">
          <dt>LINE 連携</dt>
          <dd data-testid="registrant-linked">
            <YesNo value={registrant.linked} yes="連携済み" no="未連携" />
            {registrant.linkedAt === null ? null : (
              <span class="muted small"> （{formatDateTime(registrant.linkedAt)}）</span>
            )}
            <form
              method="post"
              action={`/dashboard/registrants/${encodeURIComponent(registrant.id)}/link-code`}
              class="reissue"
            >
              <button
                type="submit"
                class="button button-quiet button-small"
                data-testid="reissue-code"
              >
                {registrant.linked ? "新しい連携コード（機種変更など）" : "連携コードを再発行"}
              </button>
            </form>
          </dd>
        </div>
        <div class="pair">
          <dt>LINE で連絡</dt>
          <dd data-testid="registrant-reachable">
            {!registrant.linked ? (
              <span class="no">—（未連携）</span>
            ) : registrant.reachable ? (
              <span class="yes">とれます</span>
            ) : (
              <strong class="danger-text">ブロック中（連絡がとれません）</strong>
            )}
          </dd>
        </div>
        <div class="pair">
          <dt>同意</dt>
          <dd data-testid="registrant-consented">
            <YesNo value={registrant.consented} yes="同意あり" no="同意なし" />
            {registrant.consentedAt === null ? null : (
              <span class="muted small"> （{formatDateTime(registrant.consentedAt)}）</span>
            )}
          </dd>
        </div>
        <div class="pair">
          <dt>最新のチェックイン</dt>
          <dd data-testid="registrant-checkin">
            {checkin === null
              ? "まだありません"
              : `${label(checkinStatusLabels, checkin.status)}（送信 ${formatDateTime(checkin.sentAt)}${
                  checkin.completedAt === null
                    ? ""
                    : `・回答 ${formatDateTime(checkin.completedAt)}`
                }）`}
          </dd>
        </div>
        <div class="pair">
          <dt>勤務先</dt>
          <dd data-testid="registrant-employers">
            {registrant.employers.length === 0
              ? "未登録"
              : registrant.employers.map((employer) => employer.name).join("、")}
          </dd>
        </div>
        <div class="pair">
          <dt>登録日</dt>
          <dd>{formatDateTime(registrant.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Actions(props: { registrant: Detail; form: FormState; supervisor: boolean }) {
  const { registrant, form } = props;
  const base = `/dashboard/registrants/${encodeURIComponent(registrant.id)}`;
  const blocker = checkinBlocker(registrant);
  const open =
    registrant.latestCheckin !== null &&
    (registrant.latestCheckin.status === "sent" ||
      registrant.latestCheckin.status === "in_progress");
  const { schedule } = registrant;
  const weekday = form.weekday ?? String(schedule.weekday);
  return (
    <section class="card actions" aria-labelledby="checkin-actions-title" data-testid="actions">
      <h2 id="checkin-actions-title">チェックイン</h2>
      <form method="post" action={`${base}/checkin`} class="action">
        <p class="muted small" id="checkin-now-help">
          {blocker ??
            (open
              ? "回答待ちのチェックインがあります。終わるまで、新しくは送れません。"
              : "毎週の予定を待たずに、いま本人の LINE に送ります（有料のメッセージを1通使います）。")}
        </p>
        <button
          type="submit"
          class="button button-primary"
          disabled={blocker !== null}
          aria-describedby="checkin-now-help"
          data-testid="checkin-now"
        >
          いまチェックインを送る
        </button>
      </form>
      <form method="post" action={`${base}/schedule`} class="action" data-testid="schedule-form">
        <p class="field-label">毎週の曜日と時刻（日本時間）</p>
        <p data-testid="schedule-current">
          毎週 {weekdayName(schedule.weekday)} {schedule.time}
          <br />
          <span class="muted small" data-testid="schedule-next">
            {schedule.nextCheckinAt === null ? (
              `次回の予定はありません（${noNextReason(registrant)}）`
            ) : (
              <>
                次回{" "}
                <time datetime={isoTime(schedule.nextCheckinAt)}>
                  {formatDateTime(schedule.nextCheckinAt)}
                </time>
              </>
            )}
          </span>
        </p>
        <div class="schedule-fields">
          <label class="field">
            <span class="field-label">曜日</span>
            <select name="weekday" required data-testid="schedule-weekday">
              {weekdayNames.map((_, day) => (
                <option value={String(day)} selected={String(day) === weekday}>
                  {weekdayName(day)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">時刻</span>
            <input
              type="time"
              name="time"
              value={form.time ?? schedule.time}
              step={60}
              required
              data-testid="schedule-time"
            />
          </label>
          <button type="submit" class="button" data-testid="schedule-save">
            変更する
          </button>
        </div>
      </form>
      {registrant.status === "ended" ? (
        <div class="action">
          <p class="muted" data-testid="support-ended">
            支援は終了しています
            {registrant.endedAt ? `（${formatDateTime(registrant.endedAt)}、` : "（"}
            理由：{label(endReasonLabels, registrant.endedReason ?? "other")}）。
          </p>
          {props.supervisor ? (
            <form method="post" action={`${base}/reopen`}>
              <button type="submit" class="button" data-testid="reopen-support">
                支援を再開する（終了を取り消す）
              </button>
            </form>
          ) : null}
        </div>
      ) : registrant.status === "paused" ? (
        <form method="post" action={`${base}/resume`} class="action">
          <p class="muted small">一時停止中です。再開すると、次の予定の日からまた届きます。</p>
          <button type="submit" class="button button-primary" data-testid="resume">
            チェックインを再開する
          </button>
        </form>
      ) : (
        <form method="post" action={`${base}/pause`} class="action">
          <p class="muted small">
            止めると、再開するまで本人に届きません。本人も LINE で「停止」「再開」と送れます。
          </p>
          <button type="submit" class="button button-danger" data-testid="pause">
            チェックインを一時停止する
          </button>
        </form>
      )}
      {registrant.status === "ended" ? null : (
        <form method="post" action={`${base}/end`} class="action" data-testid="end-support-form">
          <label class="field">
            <span class="field-label">支援を終了する</span>
            <select name="reason" required data-testid="end-reason">
              <option value="">理由を選ぶ</option>
              {endReasons.map((reason) => (
                <option value={reason}>{label(endReasonLabels, reason)}</option>
              ))}
            </select>
          </label>
          <p class="muted small">
            チェックインは止まり、本人には LINE
            でお礼とこれからの連絡先を伝えます。記録は保存期間のあいだ残ります。
          </p>
          <button type="submit" class="button button-danger" data-testid="end-support">
            支援を終了する
          </button>
        </form>
      )}
      {props.supervisor ? (
        <p class="action">
          <a href={`${base}/data`} data-testid="person-data-link">
            個人データ（開示・消去）
          </a>
        </p>
      ) : null}
    </section>
  );
}

function ConsentHistory(props: { items: Detail["consentHistory"] }) {
  return (
    <section class="card" aria-labelledby="consent-title">
      <h2 id="consent-title">同意の記録</h2>
      {props.items.length === 0 ? (
        <p class="muted">まだ記録はありません。</p>
      ) : (
        <ol class="consent-history" data-testid="consent-history">
          {props.items.map((item) => (
            <li class={`consent-${item.decision}`}>
              <strong>{label(consentLabels, item.decision)}</strong>
              <span class="muted small">説明文 第{item.textVersion}版</span>
              <time class="muted small" datetime={isoTime(item.at)}>
                {formatDateTime(item.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AnswerCell(props: { checkin: HistoryCheckin; question: Question }) {
  const answer = props.checkin.answers.find((a) => a.question === props.question.key);
  const name = props.question.staffLabel;
  if (!answer) {
    return (
      <td data-label={name} class="muted">
        —
      </td>
    );
  }
  return (
    <td data-label={name} class={props.question.key === "message" ? "answer prewrap" : "answer"}>
      {/* one child: on a phone the cell is a grid of its label and this */}
      <span>
        {answer.score === null ? null : (
          <span class={`score score-${answer.score}`}>{answer.score}</span>
        )}
        {answer.label}
      </span>
    </td>
  );
}

function HistoryTable(props: { checkins: HistoryCheckin[]; weeks: ChartWeek[]; now: number }) {
  const ranges = new Map(props.weeks.map((week) => [week.key, week.range]));
  if (props.checkins.length === 0) {
    return <p class="muted">直近{props.weeks.length}週のチェックインはありません。</p>;
  }
  return (
    <div class="table-scroll">
      <table class="table history" data-testid="checkin-history">
        <caption class="visually-hidden">
          直近{props.weeks.length}週のチェックインと回答（新しい順）
        </caption>
        <thead>
          <tr>
            <th scope="col">週</th>
            <th scope="col">状態</th>
            {questions.map((question) => (
              <th scope="col">{question.staffLabel}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.checkins.map((checkin) => (
            <tr
              class={checkin.status === "missed" ? "history-row row-missed" : "history-row"}
              data-week={checkin.weekKey}
              data-status={checkin.status}
            >
              <th scope="row" data-label="週" class="history-week">
                {ranges.get(checkin.weekKey) ?? checkin.weekKey}
                <span class="muted small history-sent">
                  送信 {formatNear(checkin.sentAt, props.now)}
                </span>
              </th>
              <td data-label="状態">
                <span>
                  {checkin.status === "missed" ? (
                    <span class="missed-tag">未回答</span>
                  ) : (
                    label(checkinStatusLabels, checkin.status)
                  )}
                  <span class="muted small history-origin">
                    {checkin.status === "missed" ? "（期限切れ）・" : ""}
                    {label(originLabels, checkin.origin)}
                  </span>
                </span>
              </td>
              {questions.map((question) => (
                <AnswerCell checkin={checkin} question={question} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function showDetail(c: Context<StaffEnv>, form: FormState, status: ContentfulStatusCode) {
  const { scope, actor } = c.var;
  const registrant = await getRegistrant(scope, c.req.param("id") ?? "");
  const [employers, staff] = await Promise.all([listEmployers(scope), listStaff(scope)]);
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
