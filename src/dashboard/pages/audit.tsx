// Supervisors' audit page: who saw or changed what, newest first, one page at a time, filtered by
// staff member, action or person, and exported as CSV.
import type { Context } from "hono";
import { AppError } from "../../core/errors";
import type { AuditFilter } from "../../store/audit";
import { auditCsv, auditFilterOf, auditQuery } from "../audit-trail";
import type { StaffEnv } from "../staff-env";
import { auditActionLabels, label, subjectLabels } from "./labels";
import { Layout, PageHead } from "./layout";
import { render } from "./render";
import { formatDateTime, isoTime } from "../../time/format";
import { auditPage } from "../audit-trail";
import { registrantName } from "../registrants";
import { listStaff } from "../staff-admin";

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
function pageLink(before: number | undefined, trail: number[], filter: AuditFilter): string {
  const query = auditQuery(filter);
  if (before !== undefined) query.set("before", String(before));
  if (trail.length > 0) query.set("trail", trail.join("."));
  const search = query.toString();
  return search === "" ? "/dashboard/audit" : `/dashboard/audit?${search}`;
}

const subjectPages: Record<string, string> = {
  registrant: "/dashboard/registrants/",
  escalation: "/dashboard/escalations/",
};

/**
 * What an entry was about: a registrant or staff member by name (an erased person by id only);
 * a registrant or an escalation links to its page (itself audited).
 */
function Subject(props: { type: string; id: string | null; name: string | null }) {
  const name = label(subjectLabels, props.type);
  if (props.id === null) return <span>{name}</span>;
  const short =
    props.name === null ? (
      <code class="id small">{props.id.slice(0, 8)}</code>
    ) : (
      <span data-testid="audit-subject-name">{props.name}</span>
    );
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

/** The filter form: whose entries, which action, about whom. */
function Filters(props: {
  filter: AuditFilter;
  staff: { id: string; displayName: string }[];
  actions: string[];
  /** The person filtered on, by name (null: not one of this center's people, or erased). */
  personName: string | null;
}) {
  const { filter } = props;
  const csv = auditQuery(filter).toString();
  return (
    <form method="get" action="/dashboard/audit" class="card filters" data-testid="audit-filters">
      <label class="field">
        <span class="field-label">職員</span>
        <select name="actor" data-testid="audit-actor">
          <option value="">すべて</option>
          <option value="system" selected={filter.actorId === "system"}>
            システム（自動の処理）
          </option>
          {props.staff.map((member) => (
            <option value={member.id} selected={filter.actorId === member.id}>
              {member.displayName}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">操作</span>
        <select name="action" data-testid="audit-action">
          <option value="">すべて</option>
          {props.actions.map((action) => (
            <option value={action} selected={filter.action === action}>
              {label(auditActionLabels, action)}
            </option>
          ))}
        </select>
      </label>
      {filter.registrantId ? (
        <p class="field" data-testid="audit-person">
          <span class="field-label">登録者（その人のデータを見た・変えた記録）</span>
          <input type="hidden" name="person" value={filter.registrantId} />
          <span>{props.personName ?? `消去された人 ${filter.registrantId.slice(0, 8)}`}</span>{" "}
          <a
            href={`/dashboard/audit?${auditQuery({ ...filter, registrantId: undefined }).toString()}`}
          >
            解除
          </a>
        </p>
      ) : (
        <p class="muted small">
          登録者で絞り込むには、表の名前の横の「この人の記録」か、その人の「個人データ」のページから。
        </p>
      )}
      <p class="row-actions">
        <button type="submit" class="button">
          絞り込む
        </button>
        <a
          class="button button-quiet"
          href={csv === "" ? "/dashboard/audit.csv" : `/dashboard/audit.csv?${csv}`}
          data-testid="audit-csv"
        >
          CSV でダウンロード
        </a>
      </p>
    </form>
  );
}

/** The selected entries as a CSV file. */
export async function downloadAudit(c: Context<StaffEnv>) {
  const filter = auditFilterOf((name) => c.req.query(name));
  const body = await auditCsv(c.var.scope, filter, (action) => label(auditActionLabels, action));
  return c.body(body, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="audit.csv"',
  });
}

export async function showAudit(c: Context<StaffEnv>) {
  const beforeText = c.req.query("before");
  const before = beforeText === undefined ? undefined : Number(beforeText);
  if (before !== undefined && !(Number.isSafeInteger(before) && before > 0)) {
    throw new AppError("bad_request", "before must be a whole number");
  }
  const trail = wholeNumbers(c.req.query("trail"));
  const filter = auditFilterOf((name) => c.req.query(name));
  const { scope, actor } = c.var;
  const [items, staff] = await Promise.all([
    auditPage(scope, { ...filter, before, limit: pageSize }),
    listStaff(scope),
  ]);
  // every action the code writes has a label: the list needs no scan of the trail
  const actions = Object.keys(auditActionLabels).sort();
  // the page names the people its entries are about: those are what it showed
  const shown = items.flatMap((item) =>
    item.subjectType === "registrant" && item.subjectId !== null && item.subjectName !== null
      ? [item.subjectId]
      : [],
  );
  const personName =
    filter.registrantId === undefined
      ? null
      : (items.find(
          (item) => item.subjectType === "registrant" && item.subjectId === filter.registrantId,
        )?.subjectName ?? (await registrantName(scope, filter.registrantId)));
  if (personName !== null && filter.registrantId !== undefined) shown.push(filter.registrantId);
  await scope.recordRead("audit.read", "audit", null, [...new Set(shown)]);
  const last = items.at(-1);
  const older =
    items.length === pageSize && last !== undefined
      ? pageLink(last.id, [...trail, before ?? 0].slice(-maxTrail), filter)
      : null;
  const previous = trail.at(-1);
  const newer =
    before === undefined
      ? null
      : pageLink(
          previous === undefined || previous === 0 ? undefined : previous,
          trail.slice(0, -1),
          filter,
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
      <Filters filter={filter} staff={staff} actions={actions} personName={personName} />
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
              <th scope="col">接続元</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr data-testid="audit-row">
                <td data-label="日時">
                  <time datetime={isoTime(item.at)}>{formatDateTime(item.at)}</time>
                </td>
                <td data-label="職員">
                  {item.actorName ??
                    (item.actorStaffId === "system" ? "システム" : "（削除された職員）")}
                </td>
                <td data-label="操作">
                  {label(auditActionLabels, item.action)}
                  {item.people > 1 ? (
                    <span class="muted small">（{item.people}人を表示）</span>
                  ) : null}
                </td>
                <td data-label="対象">
                  <Subject type={item.subjectType} id={item.subjectId} name={item.subjectName} />
                  {item.subjectType === "registrant" &&
                  item.subjectId !== null &&
                  filter.registrantId !== item.subjectId ? (
                    <>
                      {" "}
                      <a
                        class="small"
                        href={`/dashboard/audit?${auditQuery({ ...filter, registrantId: item.subjectId }).toString()}`}
                        data-testid="audit-person-filter"
                      >
                        この人の記録
                      </a>
                    </>
                  ) : null}
                </td>
                <td data-label="接続元" class="muted small">
                  {item.client ?? ""}
                  {item.sessionTag ? <code class="id"> {item.sessionTag.slice(0, 6)}</code> : null}
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
