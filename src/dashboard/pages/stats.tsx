// The center's statistics by month: small bar charts and the table behind them, with the CSV.
import type { Context } from "hono";
import { statsFor } from "../stats";
import type { StaffEnv } from "../staff-env";
import { contactKinds } from "../../vocabulary/kinds";
import { severities } from "../../vocabulary/categories";
import { contactKindLabels, label, severityLabels } from "./labels";
import { Layout, PageHead } from "./layout";
import { render } from "./render";

type Stats = Awaited<ReturnType<typeof statsFor>>;
type Month = Stats["months"][number];

/** A small bar chart of one figure by month: an SVG with its numbers in the title of each bar. */
function Bars(props: {
  title: string;
  testId: string;
  months: Month[];
  value: (month: Month) => number;
}) {
  const values = props.months.map(props.value);
  const max = Math.max(1, ...values);
  const width = 24;
  const gap = 8;
  const height = 80;
  return (
    <figure class="card stats-chart" data-testid={props.testId}>
      <figcaption class="field-label">{props.title}</figcaption>
      <svg
        role="img"
        aria-label={`${props.title}：${props.months.map((month, i) => `${month.month} ${values[i] ?? 0}`).join("、")}`}
        viewBox={`0 0 ${props.months.length * (width + gap)} ${height + 16}`}
        width="100%"
        height={height + 16}
      >
        {props.months.map((month, i) => {
          const value = values[i] ?? 0;
          const barHeight = Math.round((value / max) * height);
          return (
            <g>
              <rect
                x={i * (width + gap)}
                y={height - barHeight}
                width={width}
                height={barHeight}
                class="stats-bar"
              >
                <title>{`${month.month}: ${value}`}</title>
              </rect>
              <text
                x={i * (width + gap) + width / 2}
                y={height + 12}
                text-anchor="middle"
                class="stats-label"
              >
                {month.month.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export async function showStats(c: Context<StaffEnv>) {
  const { scope, actor } = c.var;
  const from = c.req.query("from") || undefined;
  const to = c.req.query("to") || undefined;
  const stats = await statsFor(scope, from, to);
  const first = stats.months[0]?.month ?? "";
  const last = stats.months.at(-1)?.month ?? "";
  const csv = `/api/stats.csv?from=${first}&to=${last}`;
  return render(
    c,
    <Layout title="統計" actor={actor} current="stats">
      <PageHead
        title={<span data-testid="stats-title">{`統計（${first}〜${last}）`}</span>}
        aside={
          <a class="button" href={csv} data-testid="stats-csv">
            CSV をダウンロード
          </a>
        }
      />
      <form method="get" action="/dashboard/stats" class="inline-form">
        <label class="field">
          <span class="field-label">から</span>
          <input type="month" name="from" value={first} />
        </label>
        <label class="field">
          <span class="field-label">まで</span>
          <input type="month" name="to" value={last} />
        </label>
        <button type="submit" class="button">
          表示
        </button>
      </form>
      <p>
        <a href="/dashboard/retention" data-testid="stats-retention">
          就労定着率と報酬区分（年度ごと）
        </a>
      </p>
      <div class="stats-charts">
        <Bars
          title="支援中の人数"
          testId="chart-active"
          months={stats.months}
          value={(m) => m.activeRegistrants}
        />
        <Bars
          title="チェックインの回答"
          testId="chart-completed"
          months={stats.months}
          value={(m) => m.checkins.completed}
        />
        <Bars
          title="案件（発生）"
          testId="chart-escalations"
          months={stats.months}
          value={(m) => Object.values(m.escalations.bySeverity).reduce((sum, n) => sum + n, 0)}
        />
        <Bars
          title="支援記録"
          testId="chart-contacts"
          months={stats.months}
          value={(m) => Object.values(m.contacts).reduce((sum, n) => sum + n, 0)}
        />
      </div>
      <section class="card">
        <table class="table compact" data-testid="stats-table">
          <thead>
            <tr>
              <th scope="col">月</th>
              <th scope="col">支援中</th>
              <th scope="col">チェックイン 送信・回答・未回答</th>
              {severities.map((severity) => (
                <th scope="col">案件（{label(severityLabels, severity)}）・確認までの中央値</th>
              ))}
              {contactKinds.map((kind) => (
                <th scope="col">{label(contactKindLabels, kind)}</th>
              ))}
              <th scope="col">支援レポート共有</th>
              <th scope="col">引き継ぎ</th>
            </tr>
          </thead>
          <tbody>
            {stats.months.map((month) => (
              <tr data-testid="stats-row">
                <td data-label="月">{month.month}</td>
                <td data-label="支援中">{month.activeRegistrants}</td>
                <td data-label="チェックイン 送信・回答・未回答">
                  {month.checkins.sent}・{month.checkins.completed}・{month.checkins.missed}
                </td>
                {severities.map((severity) => (
                  <td data-label={`案件（${label(severityLabels, severity)}）`}>
                    {month.escalations.bySeverity[severity] ?? 0}
                    {month.medianAckMinutes[severity] === null
                      ? ""
                      : `・${String(month.medianAckMinutes[severity])}分`}
                  </td>
                ))}
                {contactKinds.map((kind) => (
                  <td data-label={label(contactKindLabels, kind)}>{month.contacts[kind] ?? 0}</td>
                ))}
                <td data-label="支援レポート共有" data-testid="stats-reports">
                  {month.reportsShared}
                </td>
                <td data-label="引き継ぎ">{month.handovers}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted small">
          Tsunagi
          の記録から数えています。支援レポート共有は、その月のレポートを本人と共有した人数（LINE
          または紙）、引き継ぎは次の機関に資料を渡した記録の数です。
        </p>
      </section>
    </Layout>,
  );
}
