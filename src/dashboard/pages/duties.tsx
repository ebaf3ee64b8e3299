// The month's duties (月の実施状況): who has had a face-to-face meeting this month, who has not
// yet, company contacts, by person, by worker and for the center, with the rules and their source.
import type { Context } from "hono";
import { monthDuties } from "../duties";
import { listStaff } from "../staff-admin";
import type { StaffEnv } from "../staff-env";
import { Layout, PageHead } from "./layout";
import { handoversDue } from "../handover";
import { HandoversDue } from "./handovers-due";
import { render } from "./render";

type Duties = Awaited<ReturnType<typeof monthDuties>>;

const statusWords: Record<string, string> = {
  ok: "実施済み",
  due: "未実施",
  overdue: "未実施（期限間近・超過）",
};

/** People per page: a long list is read a page at a time (and only those are shown and audited). */
const pageSize = 200;

const ruleWords: Record<string, string> = {
  face_to_face: "本人との対面の面談",
  company: "企業への訪問・連絡",
  report_shared: "支援レポートの共有",
};

/** The month before or after "2026-11". */
function shift(month: string, by: number): string {
  const [year = 2000, index = 1] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year, index - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

function PersonRow(props: { item: Duties["items"][number]; month: string }) {
  const { item, month } = props;
  return (
    <tr data-testid="duty-row" class={`duty-${item.status}`}>
      <td data-label="登録者">
        <a href={`/dashboard/registrants/${encodeURIComponent(item.registrantId)}#contacts`}>
          {item.displayName}
        </a>
      </td>
      <td data-label="面談" data-testid="duty-face">
        {item.faceToFace} 回
      </td>
      <td data-label="企業との連絡" data-testid="duty-company">
        {item.companyContacts} 回{item.warnings.includes("company") ? "（未）" : ""}
      </td>
      <td data-label="状態" data-testid="duty-status">
        {item.dutiesApply ? (statusWords[item.status] ?? item.status) : "対象外（センターの支援）"}
      </td>
      <td data-label="支援レポート" data-testid="duty-report">
        <a
          href={`/dashboard/registrants/${encodeURIComponent(item.registrantId)}/reports/${month}`}
        >
          {reportWords(item)}
        </a>
      </td>
    </tr>
  );
}

/** The month's report: shared with whom, or still to share. */
function reportWords(item: Duties["items"][number]): string {
  if (item.reportShared) {
    return item.reportSharedWithEmployer ? "共有済み（本人・企業）" : "共有済み（本人）";
  }
  if (item.reportStatus === null) return "作成する";
  return item.reportStatus === "overdue" ? "未共有（月末が近い・過ぎた）" : "未共有";
}

export async function showDuties(c: Context<StaffEnv>) {
  const { scope, actor } = c.var;
  // monthDuties refuses a month that is not one (400) and defaults to this month
  // whose people: a worker's own by default (everyone's when they have none), or ?worker=
  const pageNumber = Math.max(1, Math.min(1_000, Number(c.req.query("page")) || 1));
  const [duties, staff] = await Promise.all([
    monthDuties(scope, c.req.query("month"), c.req.query("worker") || "mine", {
      offset: (pageNumber - 1) * pageSize,
      limit: pageSize,
    }),
    listStaff(scope),
  ]);
  const pages = Math.max(1, Math.ceil(duties.listed / pageSize));
  const { month } = duties;
  const handovers = await handoversDue(scope);
  const names = new Map(staff.map((member) => [member.id, member.displayName]));
  const { totals } = duties;
  return render(
    c,
    <Layout title="月の実施状況" actor={actor} current="duties">
      <PageHead
        title={<span data-testid="duties-title">{`${month} の実施状況`}</span>}
        aside={
          <p class="button-row">
            <a
              class="button button-quiet"
              href={`/dashboard/duties?month=${shift(month, -1)}&worker=${duties.worker}`}
            >
              ← 前の月
            </a>
            <a
              class="button button-quiet"
              href={`/dashboard/duties?month=${shift(month, 1)}&worker=${duties.worker}`}
            >
              次の月 →
            </a>
          </p>
        }
      />
      <section class="card" data-testid="duties-totals">
        <p>
          {totals.people} 人のうち、面談済み {totals.ok} 人・未実施 {totals.due + totals.overdue} 人
          {duties.late && totals.overdue > 0 ? "（月末が近い、または過ぎています）" : ""}
          。企業との連絡がまだの人 {totals.companyWarnings}{" "}
          人（努力義務）。支援レポートを本人と共有済み {totals.reportsShared} 人。
        </p>
        <p class="muted small">
          数えるのは職員が記録した面談・連絡と、支援レポートの共有（LINE または紙）だけです。LINE
          のやりとりは面談に数えません。
        </p>
      </section>
      <form
        method="get"
        action="/dashboard/duties"
        class="button-row"
        data-testid="duties-worker-form"
      >
        <input type="hidden" name="month" value={month} />
        <label class="field field-inline">
          <span class="field-label">担当</span>
          <select name="worker" data-testid="duties-worker">
            <option value="all" selected={duties.worker === "all"}>
              全員
            </option>
            {duties.byWorker.map((row) => (
              <option
                value={row.caseworkerId ?? "none"}
                selected={duties.worker === (row.caseworkerId ?? "none")}
              >
                {row.caseworkerId === null ? "未定" : (names.get(row.caseworkerId) ?? "不明")}（
                {row.people} 人）
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button">
          表示
        </button>
      </form>
      {duties.items.length === 0 ? (
        <section class="card empty">
          <p class="empty-title">この月に支援していた人はいません。</p>
        </section>
      ) : (
        <table class="table" data-testid="duties">
          <thead>
            <tr>
              <th scope="col">登録者</th>
              <th scope="col">面談（対面）</th>
              <th scope="col">企業との連絡</th>
              <th scope="col">状態</th>
              <th scope="col">支援レポート</th>
            </tr>
          </thead>
          <tbody>
            {duties.items.map((item) => (
              <PersonRow item={item} month={month} />
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <p class="button-row" data-testid="duties-pages">
          {pageNumber > 1 ? (
            <a
              class="button button-quiet"
              href={`/dashboard/duties?month=${month}&worker=${duties.worker}&page=${pageNumber - 1}`}
            >
              ← 前の {pageSize} 人
            </a>
          ) : null}
          <span class="muted">
            {duties.listed} 人中 {(pageNumber - 1) * pageSize + 1}〜
            {Math.min(duties.listed, pageNumber * pageSize)} 人目
          </span>
          {pageNumber < pages ? (
            <a
              class="button button-quiet"
              data-testid="duties-next-page"
              href={`/dashboard/duties?month=${month}&worker=${duties.worker}&page=${pageNumber + 1}`}
            >
              次の {pageSize} 人 →
            </a>
          ) : null}
        </p>
      ) : null}
      <HandoversDue items={handovers} />
      <section class="card" aria-labelledby="by-worker">
        <h2 id="by-worker">担当者ごと</h2>
        <table class="table compact" data-testid="duties-by-worker">
          <thead>
            <tr>
              <th scope="col">担当</th>
              <th scope="col">人数</th>
              <th scope="col">面談済み</th>
              <th scope="col">未実施</th>
              <th scope="col">面談の回数</th>
            </tr>
          </thead>
          <tbody>
            {duties.byWorker.map((row) => (
              <tr data-testid="duties-worker">
                <td data-label="担当">
                  {row.caseworkerId === null ? "未定" : (names.get(row.caseworkerId) ?? "不明")}
                </td>
                <td data-label="人数">{row.people} 人</td>
                <td data-label="面談済み">{row.ok} 人</td>
                <td data-label="未実施">{row.due + row.overdue} 人</td>
                <td data-label="面談の回数">{row.faceToFace} 回</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="rules">
        <h2 id="rules">数え方（規則）</h2>
        <ul data-testid="duty-rules">
          {duties.rules.map((rule) => (
            <li>
              {rule.program === "retention" ? "就労定着支援" : "センターの支援"}：
              {ruleWords[rule.key] ?? rule.key} 月 {rule.minPerMonth} 回以上（
              {rule.strength === "duty" ? "義務" : "努力義務"}、{rule.effectiveFrom} から）
              <span class="muted small">出典：{rule.source}</span>
            </li>
          ))}
        </ul>
      </section>
    </Layout>,
  );
}
