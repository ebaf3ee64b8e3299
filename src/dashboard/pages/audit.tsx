// Supervisors' audit page: who saw or changed what, newest first, one page at a time.
import type { Context } from "hono";
import { AppError } from "../../errors";
import type { StaffEnv } from "../staff-env";
import { auditActionLabels, label, subjectLabels } from "./labels";
import { Layout, PageHead } from "./layout";
import { render } from "./render";
import { formatDateTime, isoTime } from "./time";

const pageSize = 50;
/** How many pages back "newer" can retrace; deeper than this it offers the newest page instead. */
const maxTrail = 100;

function wholeNumbers(text: string | undefined): number[] {
  if (text === undefined || text === "") return [];
  const numbers = text.split(".").map(Number);
  if (numbers.length > maxTrail || !numbers.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new AppError("bad_request", "trail must be whole numbers");
  }
  return numbers;
}

/**
 * The store pages backwards only (`before` an id), so the way back to newer pages travels in the
 * link: `trail` holds the `before` of each page passed on the way here ("0" stands for the first).
 */
function pageLink(before: number | undefined, trail: number[]): string {
  const query = new URLSearchParams();
  if (before !== undefined) query.set("before", String(before));
  if (trail.length > 0) query.set("trail", trail.join("."));
  const search = query.toString();
  return search === "" ? "/dashboard/audit" : `/dashboard/audit?${search}`;
}

const subjectPages: Record<string, string> = {
  registrant: "/dashboard/registrants/",
  escalation: "/dashboard/escalations/",
};

/** What an entry was about; a registrant or an escalation links to its page (itself audited). */
function Subject(props: { type: string; id: string | null }) {
  const name = label(subjectLabels, props.type);
  if (props.id === null) return <span>{name}</span>;
  const short = <code class="id small">{props.id.slice(0, 8)}</code>;
  const page = subjectPages[props.type];
  return page === undefined ? (
    <span>
      {name} {short}
    </span>
  ) : (
    <a href={page + encodeURIComponent(props.id)}>
      {name} {short}
    </a>
  );
}

export async function showAudit(c: Context<StaffEnv>) {
  const beforeText = c.req.query("before");
  const before = beforeText === undefined ? undefined : Number(beforeText);
  if (before !== undefined && !(Number.isSafeInteger(before) && before > 0)) {
    throw new AppError("bad_request", "before must be a whole number");
  }
  const trail = wholeNumbers(c.req.query("trail"));
  const { scope, actor } = c.var;
  const items = await scope.pageAudit({ before, limit: pageSize });
  const last = items.at(-1);
  const older =
    items.length === pageSize && last !== undefined
      ? pageLink(last.id, [...trail, before ?? 0].slice(-maxTrail))
      : null;
  const previous = trail.at(-1);
  const newer =
    before === undefined
      ? null
      : pageLink(
          previous === undefined || previous === 0 ? undefined : previous,
          trail.slice(0, -1),
        );

  const pager = (
    <nav class="pager" aria-label="ページ">
      {newer === null ? (
        <span />
      ) : (
        <a href={newer} class="button button-small" data-testid="audit-newer">
          ← 新しい記録
        </a>
      )}
      {older === null ? (
        <span />
      ) : (
        <a href={older} class="button button-small" data-testid="audit-older">
          古い記録 →
        </a>
      )}
    </nav>
  );
  return render(
    c,
    <Layout title="監査ログ" actor={actor} current="audit">
      <PageHead title="監査ログ" aside={<p class="muted">だれが、いつ、何を見たか・変えたか</p>} />
      {items.length === 0 ? (
        <section class="card empty">
          <p class="empty-title">記録はありません。</p>
        </section>
      ) : (
        <table class="table" data-testid="audit">
          <thead>
            <tr>
              <th scope="col">日時</th>
              <th scope="col">職員</th>
              <th scope="col">操作</th>
              <th scope="col">対象</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr data-testid="audit-row">
                <td data-label="日時">
                  <time datetime={isoTime(item.at)}>{formatDateTime(item.at)}</time>
                </td>
                <td data-label="職員">{item.actorName ?? "（削除された職員）"}</td>
                <td data-label="操作">{label(auditActionLabels, item.action)}</td>
                <td data-label="対象">
                  <Subject type={item.subjectType} id={item.subjectId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pager}
    </Layout>,
  );
}
