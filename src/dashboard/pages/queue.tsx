// GET /dashboard: the center's queue, most urgent first, with filters in a plain GET form.
import type { Context } from "hono";
import { AppError } from "../../core/errors";
import { categories, categoryKeys } from "../../vocabulary/categories";
import type { EscalationStatus } from "../../vocabulary/kinds";
import type { StaffEnv } from "../staff-env";
import { Deadline, SeverityBadge, StatusBadge } from "./badges";
import { categoryLabel } from "./labels";
import { Layout, PageHead } from "./layout";
import { render } from "./render";
import { FreshBanner } from "./fresh";
import { ago, formatDateTime, isoTime } from "../../time/format";
import { listEscalations } from "../escalations";
import { listStaff } from "../staff-admin";
import { overdueThisMonth } from "../duties";

/** More rows than a person can scan; the filters narrow it down. */
const shown = 200;

const statusChoices: { value: string; text: string; statuses: EscalationStatus[] }[] = [
  { value: "", text: "未対応と確認済み", statuses: ["open", "acknowledged"] },
  { value: "open", text: "未対応", statuses: ["open"] },
  { value: "acknowledged", text: "確認済み", statuses: ["acknowledged"] },
  { value: "resolved", text: "解決済み", statuses: ["resolved"] },
  { value: "all", text: "すべて", statuses: ["open", "acknowledged", "resolved"] },
];

interface QueueQuery {
  status: string;
  category: string;
  assignee: string;
}

function readQuery(c: Context): QueueQuery {
  const query = {
    status: c.req.query("status") ?? "",
    category: c.req.query("category") ?? "",
    assignee: c.req.query("assignee") ?? "",
  };
  if (!statusChoices.some((choice) => choice.value === query.status)) {
    throw new AppError("bad_request", "unknown status");
  }
  if (query.category !== "" && !(categoryKeys as string[]).includes(query.category)) {
    throw new AppError("bad_request", "unknown category");
  }
  if (query.assignee !== "" && query.assignee !== "me") {
    throw new AppError("bad_request", "unknown assignee");
  }
  return query;
}

type QueueItem = Awaited<ReturnType<typeof listEscalations>>[number];

function Filters(props: { query: QueueQuery }) {
  const { query } = props;
  return (
    <form method="get" action="/dashboard" class="filters" data-testid="filters">
      <label class="field field-inline">
        <span class="field-label">状態</span>
        <select name="status">
          {statusChoices.map((choice) => (
            <option value={choice.value} selected={choice.value === query.status}>
              {choice.text}
            </option>
          ))}
        </select>
      </label>
      <label class="field field-inline">
        <span class="field-label">分類</span>
        <select name="category">
          <option value="">すべての分類</option>
          {categoryKeys.map((key) => (
            <option value={key} selected={key === query.category}>
              {categories[key]}
            </option>
          ))}
        </select>
      </label>
      <label class="field field-inline">
        <span class="field-label">担当</span>
        <select name="assignee">
          <option value="">だれでも</option>
          <option value="me" selected={query.assignee === "me"}>
            自分の担当
          </option>
        </select>
      </label>
      <button type="submit" class="button">
        絞り込む
      </button>
    </form>
  );
}

/** One person's open items, in queue order: the first is the most pressing. */
interface PersonGroup {
  registrantId: string;
  registrantName: string;
  items: QueueItem[];
}

/** One row per person, in the order of each person's most pressing item. */
export function groupByPerson(items: QueueItem[]): PersonGroup[] {
  const groups = new Map<string, PersonGroup>();
  for (const item of items) {
    const group = groups.get(item.registrantId);
    if (group) group.items.push(item);
    else {
      groups.set(item.registrantId, {
        registrantId: item.registrantId,
        registrantName: item.registrantName,
        items: [item],
      });
    }
  }
  return [...groups.values()];
}

function ItemLink(props: { item: QueueItem; testId: string }) {
  return (
    <a
      class="row-link"
      href={`/dashboard/escalations/${encodeURIComponent(props.item.id)}`}
      data-testid={props.testId}
    >
      <span class="queue-category">{categoryLabel(props.item.category)}</span>
      <span class="queue-summary">{props.item.summary}</span>
    </a>
  );
}

function QueueTable(props: {
  groups: PersonGroup[];
  staffNames: Map<string, string>;
  now: number;
}) {
  return (
    <table class="table queue" data-testid="queue">
      <thead>
        <tr>
          <th scope="col">重要度</th>
          <th scope="col">内容</th>
          <th scope="col">登録者</th>
          <th scope="col">発生</th>
          <th scope="col">確認期限</th>
          <th scope="col">担当</th>
          <th scope="col">状態</th>
        </tr>
      </thead>
      <tbody>
        {props.groups.map((group) => {
          const [top, ...rest] = group.items;
          if (!top) return null;
          const categoriesOf = [
            ...new Set(group.items.map((item) => categoryLabel(item.category))),
          ];
          return (
            <tr class={`queue-row row-${top.severity}`} data-testid="queue-row">
              <td data-label="重要度" class="q-sev">
                <SeverityBadge severity={top.severity} />
              </td>
              <td data-label="内容" class="q-what">
                <ItemLink item={top} testId="queue-open" />
                {rest.length > 0 ? (
                  <details class="person-more" data-testid="queue-more">
                    <summary class="person-summary">
                      ほか {rest.length} 件（{categoriesOf.join("・")}）
                    </summary>
                    <ul class="person-items">
                      {rest.map((item) => (
                        <li data-testid="queue-item">
                          <SeverityBadge severity={item.severity} testId="item-severity" />{" "}
                          <StatusBadge status={item.status} testId="item-status" />{" "}
                          <ItemLink item={item} testId="queue-item-open" />
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
              <td data-label="登録者" class="q-who">
                <span data-testid="queue-registrant">{group.registrantName}</span>
                <br />
                <a
                  class="small"
                  href={`/dashboard/registrants/${encodeURIComponent(group.registrantId)}/messages`}
                >
                  やりとり
                </a>
              </td>
              <td data-label="発生" class="q-age">
                <time datetime={isoTime(top.openedAt)} title={formatDateTime(top.openedAt)}>
                  {ago(top.openedAt, props.now)}
                </time>
              </td>
              <td data-label="確認期限" class="q-due">
                <Deadline
                  ackDueAt={top.ackDueAt}
                  status={top.status}
                  now={props.now}
                  level={top.level}
                />
              </td>
              <td data-label="担当" class="q-assignee">
                {top.assignedTo === null ? (
                  <span class="muted">未定</span>
                ) : (
                  (props.staffNames.get(top.assignedTo) ?? "（不明な職員）")
                )}
              </td>
              <td data-label="状態" class="q-status">
                <StatusBadge status={top.status} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export async function showQueue(c: Context<StaffEnv>) {
  const query = readQuery(c);
  const { scope, actor, deps } = c.var;
  const statuses = statusChoices.find((choice) => choice.value === query.status)?.statuses ?? [];
  const [found, staff, overdue] = await Promise.all([
    listEscalations(scope, {
      statuses,
      category: query.category || undefined,
      mine: query.assignee === "me" ? actor.staffId : undefined,
      limit: shown + 1,
    }),
    listStaff(scope),
    overdueThisMonth(scope),
  ]);
  const items = found.slice(0, shown);
  const groups = groupByPerson(items);
  const staffNames = new Map(staff.map((member) => [member.id, member.displayName]));
  const filtered = query.status !== "" || query.category !== "" || query.assignee !== "";
  return render(
    c,
    <Layout title="キュー" actor={actor} current="queue" script>
      <PageHead
        title="対応キュー"
        aside={
          <p class="muted" data-testid="queue-count">
            {groups.length}人・{found.length > shown ? `${shown}件以上` : `${items.length}件`}
            ・緊急度の高い順、未確認が先、期限の近い順
          </p>
        }
      />
      <FreshBanner since={deps.clock()} />
      {overdue !== null && overdue > 0 ? (
        <p class="notice notice-info" data-testid="duties-overdue">
          今月まだ対面の面談をしていない人が {overdue} 人います（月末まで 1 週間を切りました）。{" "}
          <a href="/dashboard/duties">今月の実施状況へ</a>
        </p>
      ) : null}
      <Filters query={query} />
      {items.length === 0 ? (
        <section class="card empty" data-testid="queue-empty">
          <p class="empty-title">
            {filtered ? "条件に合う案件はありません。" : "いま対応が必要な案件はありません。"}
          </p>
          <p class="muted">
            {filtered
              ? "絞り込みの条件を変えてみてください。"
              : "新しいサインが届くと、ここに緊急度の高い順で表示されます。"}
          </p>
        </section>
      ) : (
        <QueueTable groups={groups} staffNames={staffNames} now={deps.clock()} />
      )}
      {found.length > shown ? (
        <p class="muted small">
          先頭の {shown} 件を表示しています。絞り込むと、ほかの案件も表示できます。
        </p>
      ) : null}
    </Layout>,
  );
}
