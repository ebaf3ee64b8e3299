// The support period card on a registrant's page: the program, the hiring date, the start and the
// end, the days left (in the warning colour from 90 days); and its form, checked as the API is.
import type { Context } from "hono";
import * as z from "zod";
import { AppError, type ErrorReason } from "../../core/errors";
import { isDateKey } from "../../time/dates";
import { supportPeriodRules } from "../../time/support-period";
import { supportPrograms } from "../../vocabulary/kinds";
import { updateProfile } from "../profile";
import type { PeriodView } from "../support-period";
import type { StaffEnv } from "../staff-env";
import { parseForm } from "./form";

export const programLabels: Record<string, string> = {
  retention: "就労定着支援",
  center: "センターの支援（期限なし）",
};

/** From this many days left the count turns to the warning colour. */
const soonDays = 90;

const retention = supportPeriodRules.retention;

function DateValue(props: { value: string | null; testId: string }) {
  return <dd data-testid={props.testId}>{props.value ?? <span class="muted">未設定</span>}</dd>;
}

function DaysLeft(props: { daysLeft: number | null }) {
  const { daysLeft } = props;
  if (daysLeft === null) {
    return (
      <p class="muted" data-testid="period-days-left">
        終了日が未設定です。
      </p>
    );
  }
  const soon = daysLeft <= soonDays;
  return (
    <p
      class={soon ? "period-left period-left-soon" : "period-left"}
      data-testid="period-days-left"
      data-soon={soon ? "true" : "false"}
    >
      {daysLeft < 0 ? `終了日を ${-daysLeft} 日 過ぎています` : `あと ${daysLeft} 日`}
    </p>
  );
}

export function PeriodCard(props: { registrantId: string; period: PeriodView }) {
  const { period } = props;
  const base = `/dashboard/registrants/${encodeURIComponent(props.registrantId)}`;
  const soon = period.daysLeft !== null && period.daysLeft >= 0 && period.daysLeft <= soonDays;
  return (
    <section class="card" aria-labelledby="period-title" data-testid="period">
      <h2 id="period-title">支援期間</h2>
      <DaysLeft daysLeft={period.daysLeft} />
      {soon ? (
        <p class="small" data-testid="period-handover-hint">
          終了の 3 か月前までに、本人の同意を得て 次の支援機関へ 必要な情報を伝えてください。
        </p>
      ) : null}
      <dl class="pairs">
        <div class="pair">
          <dt>制度</dt>
          <dd data-testid="period-program">
            {period.program === null ? (
              <span class="muted">未設定</span>
            ) : (
              (programLabels[period.program] ?? period.program)
            )}
          </dd>
        </div>
        <div class="pair">
          <dt>採用日</dt>
          <DateValue value={period.hiredOn} testId="period-hired-on" />
        </div>
        <div class="pair">
          <dt>開始日</dt>
          <DateValue value={period.supportStartsOn} testId="period-starts-on" />
        </div>
        <div class="pair">
          <dt>終了日</dt>
          <DateValue value={period.supportEndsOn} testId="period-ends-on" />
        </div>
      </dl>
      <details>
        <summary data-testid="period-edit">設定する</summary>
        <form
          method="post"
          action={`${base}/period`}
          class="stack period-form"
          data-testid="period-form"
        >
          <label class="field">
            <span class="field-label">制度</span>
            <select name="program">
              <option value="">未設定</option>
              {supportPrograms.map((program) => (
                <option value={program} selected={program === period.program}>
                  {programLabels[program]}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">採用日</span>
            <input type="date" name="hiredOn" value={period.hiredOn ?? ""} />
          </label>
          <label class="field">
            <span class="field-label">開始日</span>
            <input type="date" name="supportStartsOn" value={period.supportStartsOn ?? ""} />
            <span class="field-help">
              就労定着支援で空欄なら、採用日の {retention.startsAfterMonths} か月後。
            </span>
          </label>
          <label class="field">
            <span class="field-label">終了日</span>
            <input type="date" name="supportEndsOn" value={period.supportEndsOn ?? ""} />
            <span class="field-help">
              就労定着支援は最長 {retention.lastsAtMostMonths / 12} 年。空欄なら、開始日から{" "}
              {retention.lastsAtMostMonths / 12} 年後の前日。
            </span>
          </label>
          <button type="submit" class="button button-primary" data-testid="period-save">
            保存する
          </button>
        </form>
      </details>
    </section>
  );
}

/** An empty (or missing) field clears the date. */
const dateField = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || isDateKey(value), {
      message: `${what}は 2026-04-01 のような、ある日付で入力してください。`,
    })
    .transform((value) => value || null);

const periodForm = z.object({
  program: z
    .union([z.literal(""), z.enum(supportPrograms)], { error: "制度を一覧から選んでください。" })
    .optional()
    .transform((value) => value || null),
  hiredOn: dateField("採用日"),
  supportStartsOn: dateField("開始日"),
  supportEndsOn: dateField("終了日"),
});

const refusals: Partial<Record<ErrorReason, string>> = {
  period_end_before_start: "終了日は開始日と同じか、それより後の日にしてください。",
  period_too_long: `就労定着支援の期間は最長 ${retention.lastsAtMostMonths / 12} 年です。終了日を、開始日から ${retention.lastsAtMostMonths / 12} 年後の前日までにしてください。`,
};

/** Saves the form; a problem comes back as a sentence for the page. */
export async function savePeriod(c: Context<StaffEnv>, id: string): Promise<{ error?: string }> {
  const form = await parseForm(c, periodForm);
  if (!form.ok) return { error: form.message };
  try {
    await updateProfile(c.var.scope, id, form.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request") {
      return { error: (error.reason && refusals[error.reason]) ?? "入力を確認してください。" };
    }
    throw error;
  }
  return {};
}
