// The check-in card on a registrant's page: send now, schedule, pause or resume, end or reopen.
import type { RegistrantDetail } from "../registrants";
import { weekdayNames } from "../../time/calendar";
import { endReasons } from "../../vocabulary/kinds";
import { endReasonLabels, label } from "./labels";
import { formatDateTime, isoTime } from "../../time/format";

type Detail = RegistrantDetail;

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

export interface FormState {
  /** A message, or one worked out from the registrant as they are now (after a refusal). */
  error?: string | ((registrant: Detail) => string) | undefined;
  weekday?: string | undefined;
  time?: string | undefined;
}

export function Actions(props: { registrant: Detail; form: FormState; supervisor: boolean }) {
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
            止めると、再開するまで本人に届きません。本人も LINE で「おやすみする」「また
            はじめる」と送れます。
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
