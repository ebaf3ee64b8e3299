// 就労定着率 (the job-retention rate) for a fiscal year: the figure, the fee band it falls in with
// its source, and everyone behind it with the reason they count or do not. An estimate.
import type { Context } from "hono";
import { firstFiscalYear, type RetentionReason } from "../../month/retention-rate";
import { retentionRate } from "../retention-rate";
import type { StaffEnv } from "../staff-env";
import { Layout, PageHead } from "./layout";
import { render } from "./render";

type Rate = Awaited<ReturnType<typeof retentionRate>>;
type Person = Rate["people"][number];
type Band = Rate["bands"][number];

const verdictWords = { retained: "定着", notRetained: "定着していない", left: "数えない" };

function reasonWords(person: Person, asOf: string): string {
  const on = person.on ?? "";
  const words: Record<RetentionReason, string> = {
    retained: `${asOf} に就労中（入社 ${on}）`,
    hired_after_year_end: `入社日（${on}）が年度末より後`,
    left_job: `離職により支援を終了（${on}）`,
    jobs_ended: `勤務先の記録がすべて年度末までに終了（最後 ${on}）`,
    no_hire_date: "判定できない（入社日が未登録）",
    not_in_window: "支援期間が対象の 3 年度と重ならない",
    not_retention: "就労定着支援の利用者ではない",
  };
  return words[person.reason];
}

/** "90 % 以上 95 % 未満" for a band, given the bands in force (highest first). */
function bandRange(band: Band, bands: Band[]): string {
  const above = bands
    .filter((other) => other.minPercent > band.minPercent)
    .map((other) => other.minPercent);
  const upper = above.length === 0 ? null : Math.min(...above);
  if (upper === null) return `${String(band.minPercent)} % 以上`;
  if (band.minPercent === 0) return `${String(upper)} % 未満`;
  return `${String(band.minPercent)} % 以上 ${String(upper)} % 未満`;
}

const units = (n: number) => `${n.toLocaleString("ja-JP")} 単位／月`;

function YearPicker(props: { rate: Rate }) {
  const years: number[] = [];
  for (let year = props.rate.currentFiscalYear; year >= firstFiscalYear; year--) years.push(year);
  return (
    <form method="get" action="/dashboard/retention" class="inline-form">
      <label class="field">
        <span class="field-label">年度</span>
        <select name="fy" data-testid="retention-fy">
          {years.map((year) => (
            <option value={String(year)} selected={year === props.rate.fiscalYear}>
              {`${String(year)} 年度`}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="button">
        表示
      </button>
    </form>
  );
}

function PersonRow(props: { person: Person; asOf: string }) {
  const { person } = props;
  const verdict = !person.included
    ? verdictWords.left
    : person.retained
      ? verdictWords.retained
      : verdictWords.notRetained;
  return (
    <tr data-testid="retention-row">
      <td data-label="登録者">
        <a href={`/dashboard/registrants/${encodeURIComponent(person.registrantId)}`}>
          {person.displayName}
        </a>
      </td>
      <td data-label="入社日">{person.hiredOn ?? "未登録"}</td>
      <td data-label="支援期間">
        {person.supportFrom === null ? "—" : `${person.supportFrom}〜${person.supportTo ?? ""}`}
      </td>
      <td data-label="判定" data-testid="retention-verdict">
        {verdict}
      </td>
      <td data-label="理由" data-testid="retention-reason">
        {reasonWords(person, props.asOf)}
      </td>
    </tr>
  );
}

export async function showRetentionRate(c: Context<StaffEnv>) {
  const { scope, actor } = c.var;
  // retentionRate refuses a fiscal year that is not one (400) and defaults to this one
  const rate = await retentionRate(scope, c.req.query("fy") || undefined);
  const { window, asOf, band } = rate;
  const counted = rate.people.filter((person) => person.included);
  const others = rate.people.filter((person) => !person.included);
  return render(
    c,
    <Layout title="就労定着率" actor={actor} current="stats">
      <PageHead
        title={
          <span data-testid="retention-title">{`就労定着率（${String(rate.fiscalYear)} 年度）`}</span>
        }
        aside={
          <a class="button button-quiet" href="/dashboard/stats">
            統計へ
          </a>
        }
      />
      <YearPicker rate={rate} />
      <p class="notice notice-info" data-testid="retention-estimate">
        Tsunagi に記録された入社日・支援期間・離職日からの推計です。届出には原簿で確かめてください。
      </p>
      <section class="card" data-testid="retention-summary">
        <h2>
          定着率{" "}
          <span data-testid="retention-rate">
            {rate.rate === null ? "—" : `${rate.rate.toFixed(1)} %`}
          </span>
        </h2>
        <p>
          {rate.users === 0
            ? `${window.from}〜${window.to} に就労定着支援を利用した人が記録にないため、定着率は出せません。`
            : `${window.from}〜${window.to} に就労定着支援を利用した ${String(rate.users)} 人のうち、${asOf} に就労中だった人は ${String(rate.retained)} 人です。`}
        </p>
        {rate.undetermined > 0 ? (
          <p data-testid="retention-undetermined">
            {`入社日が未登録の ${String(rate.undetermined)} 人は判定できないため、分母にも分子にも入れていません。`}
          </p>
        ) : null}
        <p class="muted small">
          小数第 2
          位以下は切り捨てです（区分は切り捨てる前の値で決めます）。支援期間が未登録の人は、入社日の
          6 か月後（入社日もなければ登録日）から 3 年間を支援期間として読みます。
        </p>
      </section>
      <section class="card" aria-labelledby="band" data-testid="retention-band">
        <h2 id="band">報酬区分</h2>
        {band !== null ? (
          <p>
            <strong>{bandRange(band, rate.bands)}</strong>：{units(band.units)}（
            {band.effectiveFrom} から）
          </p>
        ) : rate.bands.length === 0 ? (
          <p>この年度に使う報酬区分が登録されていません。</p>
        ) : (
          <p>定着率が出ないため、区分は決まりません。</p>
        )}
        {rate.bands.length > 0 ? (
          <>
            <table class="table compact">
              <thead>
                <tr>
                  <th scope="col">定着率</th>
                  <th scope="col">基本報酬</th>
                </tr>
              </thead>
              <tbody>
                {rate.bands.map((row) => (
                  <tr
                    aria-current={row.minPercent === band?.minPercent ? "true" : undefined}
                    data-testid={row.minPercent === band?.minPercent ? "band-current" : undefined}
                  >
                    <td data-label="定着率">
                      {bandRange(row, rate.bands)}
                      {row.minPercent === band?.minPercent ? "（この年度）" : ""}
                    </td>
                    <td data-label="基本報酬">{units(row.units)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="muted small">出典：{rate.bands[0]?.source}</p>
          </>
        ) : null}
      </section>
      <section class="card" aria-labelledby="people">
        <h2 id="people">数えた人（{counted.length} 人）</h2>
        {counted.length === 0 ? (
          <p class="muted">いません。</p>
        ) : (
          <table class="table" data-testid="retention-people">
            <thead>
              <tr>
                <th scope="col">登録者</th>
                <th scope="col">入社日</th>
                <th scope="col">支援期間</th>
                <th scope="col">判定</th>
                <th scope="col">理由</th>
              </tr>
            </thead>
            <tbody>
              {counted.map((person) => (
                <PersonRow person={person} asOf={asOf} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {others.length > 0 ? (
        <section class="card" aria-labelledby="others">
          <h2 id="others">数えていない人（{others.length} 人）</h2>
          <table class="table" data-testid="retention-others">
            <thead>
              <tr>
                <th scope="col">登録者</th>
                <th scope="col">入社日</th>
                <th scope="col">支援期間</th>
                <th scope="col">判定</th>
                <th scope="col">理由</th>
              </tr>
            </thead>
            <tbody>
              {others.map((person) => (
                <PersonRow person={person} asOf={asOf} />
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Layout>,
  );
}
