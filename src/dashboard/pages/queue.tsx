// GET /dashboard: the center's queue, most urgent first, with filters in a plain GET form.
import type { Context } from "hono";
import { AppError } from "../../errors";
import { categories, categoryKeys } from "../../escalation/categories";
import type { EscalationStatus } from "../../store/schema";
import type { StaffEnv } from "../staff-env";
import { Deadline, SeverityBadge, StatusBadge } from "./badges";
import { categoryLabel } from "./labels";
import { Layout, PageHead } from "./layout";
import { render } from "./render";
import { ago, formatDateTime, isoTime } from "./time";

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

type QueueItem = Awaited<ReturnType<StaffEnv["Variables"]["scope"]["listEscalations"]>>[number];

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
            自分
          </option>
        </select>
      </label>
      <button type="submit" class="button">
        絞り込む
      </button>
    </form>
  );
}

function QueueTable(props: { items: QueueItem[]; staffNames: Map<string, string>; now: number }) {
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
        {props.items.map((item) => (
          <tr class={`queue-row row-${item.severity}`} data-testid="queue-row">
            <td data-label="重要度" class="q-sev">
              <SeverityBadge severity={item.severity} />
            </td>
            <td data-label="内容" class="q-what">
              <a class="row-link" href={`/dashboard/escalations/${encodeURIComponent(item.id)}`}>
                <span class="queue-category">{categoryLabel(item.category)}</span>
                <span class="queue-summary">{item.summary}</span>
              </a>
            </td>
            <td data-label="登録者" class="q-who" data-testid="queue-registrant">
              {item.registrantName}
            </td>
            <td data-label="発生" class="q-age">
              <time datetime={isoTime(item.openedAt)} title={formatDateTime(item.openedAt)}>
                {ago(item.openedAt, props.now)}
              </time>
            </td>
            <td data-label="確認期限" class="q-due">
              <Deadline
                ackDueAt={item.ackDueAt}
                status={item.status}
                now={props.now}
                level={item.level}
              />
            </td>
            <td data-label="担当" class="q-assignee">
              {item.assignedTo === null ? (
                <span class="muted">未定</span>
              ) : (
                (props.staffNames.get(item.assignedTo) ?? "（不明な職員）")
              )}
            </td>
            <td data-label="状態" class="q-status">
              <StatusBadge status={item.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export async function showQueue(c: Context<StaffEnv>) {
  const query = readQuery(c);
  const { scope, actor, deps } = c.var;
  const statuses = statusChoices.find((choice) => choice.value === query.status)?.statuses ?? [];
  const [found, staff] = await Promise.all([
    scope.listEscalations({
      statuses,
      category: query.category || undefined,
      assignedTo: query.assignee === "me" ? actor.staffId : undefined,
      limit: shown + 1,
    }),
    scope.listStaff(),
  ]);
  const items = found.slice(0, shown);
  const staffNames = new Map(staff.map((member) => [member.id, member.displayName]));
  const filtered = query.status !== "" || query.category !== "" || query.assignee !== "";
  return render(
    c,
    <Layout title="キュー" actor={actor} current="queue">
      <PageHead
        title="対応キュー"
        aside={
          <p class="muted" data-testid="queue-count">
            {found.length > shown ? `${shown}件以上` : `${items.length}件`}
            ・緊急度の高い順、期限の近い順
          </p>
        }
      />
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
        <QueueTable items={items} staffNames={staffNames} now={deps.clock()} />
      )}
      {found.length > shown ? (
        <p class="muted small">
          先頭の {shown} 件を表示しています。絞り込むと、ほかの案件も表示できます。
        </p>
      ) : null}
    </Layout>,
  );
}
