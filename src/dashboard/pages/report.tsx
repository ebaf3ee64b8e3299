// The monthly support report (支援レポート) page: the draft drafted from the month's records, each
// sentence with the records behind it, edited and finalised by staff; a final version shared with
// the person (a short plain version on LINE) and the employer (only the marked sections), or
// recorded as handed over on paper. Prints on A4 (the print style hides everything but the report).
import type { Context } from "hono";
import * as z from "zod";
import { AppError, type ErrorReason } from "../../core/errors";
import { sendFresh } from "../../outbox/delivery";
import { recentWeeks } from "../../store/history";
import { monthSpan, weekKey } from "../../time/calendar";
import { formatDateTime } from "../../time/format";
import { reportSectionKeys } from "../../vocabulary/kinds";
import {
  editReport,
  finalizeReport,
  getReport,
  reviseReport,
  shareReport,
  type ReportEdit,
} from "../reports";
import type { StaffEnv } from "../staff-env";
import { ChartLegend, chartWeeks, TrendChart } from "./checkin-chart";
import { readForm } from "./form";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";

type Report = Awaited<ReturnType<typeof getReport>>;

const done: Record<string, string> = {
  saved: "下書きを保存しました。",
  final: "確定しました。この版はもう変わりません。",
  version: "新しい版（下書き）を作りました。確定した版は残っています。",
  shared: "共有を記録しました。",
};

/** Why an action was refused, in words for the page. */
const refusals: Partial<Record<ErrorReason, string>> = {
  report_final: "確定したレポートは変えられません。「訂正する」で新しい版を作ってください。",
  report_not_final: "共有する前に、レポートを確定してください。",
  summary_missing:
    "本人向けの「よかった こと」と「らいげつ の こと」を書いて、新しい版で確定してから送ってください。",
  not_linked:
    "この人は LINE とつながっていません。紙で渡した場合は「紙で渡した」を押してください。",
  unreachable: "この人には LINE で届きません（ブロック中）。紙で渡した場合は記録してください。",
  not_consented:
    "本人の同意が企業とのやりとりを含んでいないため、企業には共有できません（何も送っていません）。",
  nothing_for_employer:
    "企業に渡す項目が選ばれていません。新しい版で「企業に渡す」を選んでください。",
  no_employer: "いま勤めている企業が登録されていません。",
  no_employer_contact:
    "企業の担当者が LINE とつながっていません。紙で渡した場合は「紙で渡した」を押してください。",
  push_budget: "今月の LINE 送信数の上限に達したため、送れません。紙で渡してください。",
  not_for_employer: "「就労・生活の状況」は本人の回答を含むため、企業には渡せません。",
};

const monthWords = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** The month before or after "2026-11". */
function shift(month: string, by: number): string {
  const [year = 2000, index = 1] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year, index - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

const base = (id: string, month: string) =>
  `/dashboard/registrants/${encodeURIComponent(id)}/reports/${month}`;

/** The month's weeks on the chart: every Japan week that has a day in the month. */
function monthChart(report: Report) {
  const span = monthSpan(report.month);
  if (!span) return [];
  const weeks = recentWeeks(span.to - 1, 6).filter(
    (week) => week.start + 7 * 86_400_000 > span.from,
  );
  return chartWeeks(
    weeks,
    report.checkins.map((checkin) => ({ ...checkin, weekKey: weekKey(checkin.sentAt) })),
  );
}

function Sources(props: { sources: Report["sections"][number]["sources"] }) {
  if (props.sources.length === 0) return null;
  return (
    <span class="sources muted small" data-testid="report-sources">
      根拠：{props.sources.map((source) => source.label).join("、")}
    </span>
  );
}

/** A section as it reads: each drafted sentence with its records, or staff's own words. */
function SectionBody(props: { section: Report["sections"][number] }) {
  const { section } = props;
  if (section.sentences.length > 0 && !section.edited) {
    return (
      <ul class="report-sentences">
        {section.sentences.map((sentence) => (
          <li data-testid="report-sentence">
            {sentence.text} <Sources sources={sentence.sources} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div>
      <p class="report-text">{section.text === "" ? "（記入なし）" : section.text}</p>
      {section.sources.length > 0 ? (
        <p>
          <Sources sources={section.sources} />
        </p>
      ) : null}
    </div>
  );
}

/** The report as printed and as a final version reads. */
function ReportArticle(props: { report: Report; screen: boolean }) {
  const { report } = props;
  return (
    <article class={props.screen ? "report" : "report print-only"} data-testid="report-article">
      <h2 class="report-title">
        支援レポート {monthWords(report.month)} {report.displayName} さん
      </h2>
      <p class="muted small">
        {report.status === "final"
          ? `第${report.version}版（${report.finalizedAt ? formatDateTime(report.finalizedAt) : ""} 確定）`
          : `下書き（第${report.version}版）`}
      </p>
      {report.sections.map((section) => (
        <section class="report-section" data-testid={`report-section-${section.key}`}>
          <h3>
            {section.title}
            {section.forEmployer ? <span class="badge">企業に渡す</span> : null}
          </h3>
          <SectionBody section={section} />
        </section>
      ))}
    </article>
  );
}

function DraftForm(props: { report: Report }) {
  const { report } = props;
  return (
    <form
      method="post"
      action={base(report.registrantId, report.month)}
      class="card no-print"
      data-testid="report-form"
    >
      {report.sections.map((section) => (
        <fieldset class="report-edit" data-testid={`report-edit-${section.key}`}>
          <legend>{section.title}</legend>
          {section.edited ? (
            <p class="muted small">職員が書き直しています。</p>
          ) : (
            <SectionBody section={section} />
          )}
          <label class="field">
            <span class="field-label">本文（書き直すと、上の下書きの代わりになります）</span>
            <textarea name={`text_${section.key}`} rows={4} maxlength={2000}>
              {section.text}
            </textarea>
          </label>
          <div class="button-row">
            {section.employerAllowed ? (
              <label class="check">
                <input
                  type="checkbox"
                  name={`employer_${section.key}`}
                  value="1"
                  checked={section.forEmployer}
                />{" "}
                企業に渡す
              </label>
            ) : (
              <span class="muted small">本人の回答を含むため、企業には渡しません。</span>
            )}
            {section.edited ? (
              <label class="check">
                <input type="checkbox" name={`reset_${section.key}`} value="1" />{" "}
                記録からの下書きに戻す
              </label>
            ) : null}
          </div>
        </fieldset>
      ))}
      <fieldset class="report-edit">
        <legend>本人に送る短い版（やさしい にほんご）</legend>
        <label class="field">
          <span class="field-label">よかった こと</span>
          <textarea name="wentWell" rows={3} maxlength={500} data-testid="report-went-well">
            {report.personSummary.wentWell}
          </textarea>
        </label>
        <label class="field">
          <span class="field-label">らいげつ の こと（センターが すること）</span>
          <textarea name="nextMonth" rows={3} maxlength={500} data-testid="report-next-month">
            {report.personSummary.nextMonth}
          </textarea>
        </label>
      </fieldset>
      <div class="button-row">
        <button type="submit" name="action" value="save" class="button" data-testid="report-save">
          下書きを保存
        </button>
        <button
          type="submit"
          name="action"
          value="finalize"
          class="button button-primary"
          data-testid="report-finalize"
        >
          保存して確定する
        </button>
      </div>
      <p class="muted small">確定すると、この版は変えられません。直すときは新しい版を作ります。</p>
    </form>
  );
}

function ShareButton(props: {
  report: Report;
  to: "person" | "employer";
  channel: "line" | "paper";
  text: string;
  primary?: boolean;
}) {
  return (
    <form method="post" action={`${base(props.report.registrantId, props.report.month)}/share`}>
      <input type="hidden" name="to" value={props.to} />
      <input type="hidden" name="channel" value={props.channel} />
      <button
        type="submit"
        class={props.primary ? "button button-primary" : "button"}
        data-testid={`report-share-${props.to}-${props.channel}`}
      >
        {props.text}
      </button>
    </form>
  );
}

function SharePanel(props: { report: Report }) {
  const { report } = props;
  const toLabel = (share: Report["shares"][number]) =>
    share.to === "person" ? "本人" : `企業（${share.employerName ?? ""}）`;
  return (
    <section class="card no-print" aria-labelledby="share-title" data-testid="report-share">
      <h2 id="share-title">共有</h2>
      {report.status === "final" ? (
        <div class="button-row">
          <ShareButton
            report={report}
            to="person"
            channel="line"
            text="本人に LINE で送る"
            primary
          />
          <ShareButton report={report} to="employer" channel="line" text="企業に LINE で送る" />
          <ShareButton report={report} to="person" channel="paper" text="本人に紙で渡した" />
          <ShareButton report={report} to="employer" channel="paper" text="企業に紙で渡した" />
        </div>
      ) : (
        <p class="muted">確定すると共有できます。</p>
      )}
      <p class="muted small">
        企業には「企業に渡す」を選んだ項目だけを送ります。チェックインの回答は送りません。本人の同意が企業とのやりとりを含むときだけ送れます。
      </p>
      {report.shares.length > 0 ? (
        <ul data-testid="report-shares">
          {report.shares.map((share) => (
            <li>
              {formatDateTime(share.at)} 第{share.version}版を{toLabel(share)}に
              {share.channel === "line" ? " LINE で送りました" : "紙で渡しました"}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">まだ共有していません。</p>
      )}
    </section>
  );
}

export async function showReport(
  c: Context<StaffEnv>,
  state: { error?: string } = {},
  status: 200 | 400 | 409 = 200,
) {
  const { scope, actor } = c.var;
  const id = c.req.param("id") ?? "";
  const month = c.req.param("month") ?? "";
  const report = await getReport(scope, id, month, c.req.query("version"));
  const weeks = monthChart(report);
  const hasTrend = weeks.some((week) => Object.values(week.scores).some((s) => s !== null));
  const flash = done[c.req.query("done") ?? ""];
  return render(
    c,
    <Layout title={`支援レポート ${monthWords(month)}`} actor={actor} current="registrants" script>
      <PageHead
        title={
          <span data-testid="report-title">
            {report.displayName} さんの支援レポート（{monthWords(month)}）
          </span>
        }
        aside={
          <p class="button-row no-print">
            <a
              class="button button-quiet"
              href={`/dashboard/registrants/${encodeURIComponent(id)}`}
            >
              登録者のページ
            </a>
            <a class="button button-quiet" href={base(id, shift(month, -1))}>
              ← 前の月
            </a>
            <button type="button" class="button" data-print="1" hidden>
              印刷・PDF
            </button>
          </p>
        }
      />
      <Notice kind="error" message={state.error} />
      <Notice kind="success" message={flash} />
      {!report.hasData ? (
        <Notice
          kind="info"
          message="この月の記録（チェックイン・支援記録・企業からの相談・受け付けた件）はありません。各項目は担当者が記入してください。"
        />
      ) : null}
      <p class="muted small no-print" data-testid="report-status">
        {report.status === "final"
          ? `確定済み・第${report.version}版`
          : `下書き・第${report.version}版${report.saved ? "" : "（まだ保存していません。記録から作った下書きです）"}`}
        {report.versions.length > 1
          ? report.versions.map((entry) => (
              <>
                {" "}
                <a href={`${base(id, month)}?version=${entry.version}`}>第{entry.version}版</a>
              </>
            ))
          : null}
      </p>
      {hasTrend ? (
        <figure class="chart-figure card">
          <ChartLegend />
          <TrendChart weeks={weeks} layout="wide" />
          <TrendChart weeks={weeks} layout="narrow" />
          <figcaption class="muted small">
            この月のチェックイン（4＝よい 〜 1＝わるい）。
          </figcaption>
        </figure>
      ) : null}
      {report.status === "final" ? (
        <>
          <ReportArticle report={report} screen />
          <form method="post" action={`${base(id, month)}/versions`} class="no-print">
            <button type="submit" class="button" data-testid="report-revise">
              訂正する（新しい版を作る）
            </button>
          </form>
        </>
      ) : (
        <>
          <ReportArticle report={report} screen={false} />
          <DraftForm report={report} />
        </>
      )}
      <SharePanel report={report} />
    </Layout>,
    status,
  );
}

/** The edit the form posted: a section's text when it differs, its employer mark, a reset. */
function editOf(fields: Record<string, string>, report: Report): ReportEdit {
  return {
    sections: reportSectionKeys.map((key) => {
      const section = report.sections.find((candidate) => candidate.key === key);
      const posted = (fields[`text_${key}`] ?? "").replace(/\r\n/g, "\n").trim();
      const reset = fields[`reset_${key}`] === "1";
      const changed = section !== undefined && posted !== section.text.trim();
      return {
        key,
        ...(reset ? { text: null } : changed ? { text: posted } : {}),
        ...(section?.employerAllowed ? { forEmployer: fields[`employer_${key}`] === "1" } : {}),
      };
    }),
    personSummary: {
      wentWell: (fields.wentWell ?? "").trim(),
      nextMonth: (fields.nextMonth ?? "").trim(),
    },
  };
}

const tooLong = z
  .object({
    wentWell: z.string().max(500).optional(),
    nextMonth: z.string().max(500).optional(),
  })
  .catchall(z.string().max(2000));

async function refused(c: Context<StaffEnv>, error: unknown) {
  if (error instanceof AppError && error.reason && refusals[error.reason]) {
    return showReport(c, { error: refusals[error.reason] }, error.status === 400 ? 400 : 409);
  }
  throw error;
}

export async function saveReport(c: Context<StaffEnv>) {
  const id = c.req.param("id") ?? "";
  const month = c.req.param("month") ?? "";
  const fields = await readForm(c);
  if (!tooLong.safeParse(fields).success) {
    return showReport(c, { error: "各項目は 2000 文字、本人向けは 500 文字までです。" }, 400);
  }
  const { scope } = c.var;
  try {
    const current = await getReport(scope, id, month);
    await editReport(scope, id, month, editOf(fields, current));
    if (fields.action === "finalize") {
      await finalizeReport(scope, id, month);
      return c.redirect(`${base(id, month)}?done=final`, 303);
    }
  } catch (error) {
    return refused(c, error);
  }
  return c.redirect(`${base(id, month)}?done=saved`, 303);
}

export async function reviseReportPage(c: Context<StaffEnv>) {
  const id = c.req.param("id") ?? "";
  const month = c.req.param("month") ?? "";
  try {
    await reviseReport(c.var.scope, id, month);
  } catch (error) {
    return refused(c, error);
  }
  return c.redirect(`${base(id, month)}?done=version`, 303);
}

const shareForm = z.object({
  to: z.enum(["person", "employer"]),
  channel: z.enum(["line", "paper"]),
});

export async function shareReportPage(c: Context<StaffEnv>) {
  const id = c.req.param("id") ?? "";
  const month = c.req.param("month") ?? "";
  const parsed = shareForm.safeParse(await readForm(c));
  if (!parsed.success) return showReport(c, { error: "共有の相手と方法を選んでください。" }, 400);
  const { deps } = c.var;
  try {
    const sent = await shareReport(
      c.var.scope,
      id,
      month,
      { to: [parsed.data.to], channel: parsed.data.channel },
      deps.config.pushBudgetPerMonth,
    );
    if (sent.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, sent.outbox));
  } catch (error) {
    return refused(c, error);
  }
  return c.redirect(`${base(id, month)}?done=shared`, 303);
}
