// The registrant page's monthly reports (支援レポート): this month's and last month's, one tap
// away, and the months with a stored report with their state.
import { monthKey } from "../../time/calendar";
import type { listReports } from "../reports";

type Months = Awaited<ReturnType<typeof listReports>>["items"];

const monthWords = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

export function ReportsCard(props: {
  registrantId: string;
  months: Months;
  now: number;
  registeredAt: number;
}) {
  const thisMonth = monthKey(props.now);
  const lastMonth = monthKey(Date.parse(`${thisMonth}-01T00:00:00+09:00`) - 86_400_000);
  const stored = new Map(props.months.map((entry) => [entry.month, entry]));
  const offered = [lastMonth, thisMonth].filter(
    (month) =>
      !stored.has(month) &&
      Date.parse(`${month}-01T00:00:00+09:00`) >= monthStart(props.registeredAt),
  );
  const href = (month: string) =>
    `/dashboard/registrants/${encodeURIComponent(props.registrantId)}/reports/${month}`;
  return (
    <section class="card" aria-labelledby="reports-heading" data-testid="reports-card">
      <h2 id="reports-heading">支援レポート</h2>
      <ul class="plain-list">
        {offered.map((month) => (
          <li>
            <a href={href(month)} data-testid={`report-link-${month}`}>
              {monthWords(month)}
            </a>{" "}
            <span class="muted small">記録から下書きを作る</span>
          </li>
        ))}
        {props.months.map((entry) => (
          <li>
            <a href={href(entry.month)} data-testid={`report-link-${entry.month}`}>
              {monthWords(entry.month)}
            </a>{" "}
            <span class="muted small">
              {entry.status === "final"
                ? `確定・第${entry.version}版`
                : `下書き・第${entry.version}版`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The first moment of the Tokyo month a time falls in. */
function monthStart(ms: number): number {
  return Date.parse(`${monthKey(ms)}-01T00:00:00+09:00`);
}
