// The audit trail for supervisors: the filters (who, what, about whom) read from a query string,
// and the CSV export of what they select. The page and the JSON API both use these.
import { AppError } from "../core/errors";
import { pageAudit, type AuditFilter } from "../store/audit";
import { csvCell } from "./csv";
import type { CenterScope } from "./scope";

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const actionPattern = /^[a-z_.]{1,64}$/;

/** The filters in a request's query; an empty value means "any". Bad values answer 400. */
export function auditFilterOf(query: (name: string) => string | undefined): AuditFilter {
  const read = (name: string, pattern: RegExp) => {
    const value = query(name)?.trim() ?? "";
    if (value === "") return undefined;
    if (!pattern.test(value)) throw new AppError("bad_request", `${name} is not valid`);
    return value;
  };
  return {
    actorId: read("actor", idPattern),
    action: read("action", actionPattern),
    registrantId: read("person", idPattern),
  };
}

/** The filters as a query string (empty ones left out), for links that keep them. */
export function auditQuery(filter: AuditFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.actorId) query.set("actor", filter.actorId);
  if (filter.action) query.set("action", filter.action);
  if (filter.registrantId) query.set("person", filter.registrantId);
  return query;
}

/** Rows one export holds at most; a bigger trail is exported in narrower pieces (filters). */
export const maxExportRows = 50_000;
const exportPage = 1_000;

/**
 * The selected entries as CSV (UTF-8 with a byte-order mark, so Excel reads the Japanese),
 * newest first; the export itself is recorded.
 */
export async function auditCsv(
  scope: CenterScope,
  filter: AuditFilter,
  labels: (action: string) => string,
): Promise<string> {
  const lines = [
    [
      "日時",
      "職員",
      "操作",
      "操作の記号",
      "対象の種類",
      "対象ID",
      "対象の名前",
      "接続元",
      "セッション",
      "表示した人数",
    ]
      .map(csvCell)
      .join(","),
  ];
  let before: number | undefined;
  const shown = new Set<string>();
  for (let read = 0; read < maxExportRows; read += exportPage) {
    const rows = await auditPage(scope, { ...filter, before, limit: exportPage });
    for (const row of rows) {
      if (row.subjectType === "registrant" && row.subjectId !== null && row.subjectName !== null) {
        shown.add(row.subjectId);
      }
      lines.push(
        [
          new Date(row.at).toISOString(),
          row.actorName ?? (row.actorStaffId === "system" ? "システム" : row.actorStaffId),
          labels(row.action),
          row.action,
          row.subjectType,
          row.subjectId,
          row.subjectName,
          row.client,
          row.sessionTag,
          row.people,
        ]
          .map(csvCell)
          .join(","),
      );
    }
    if (rows.length < exportPage) break;
    before = rows.at(-1)?.id;
  }
  // the file names the people its entries are about
  await scope.recordRead("audit.export", "audit", null, [...shown]);
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** A page of the audit trail; the caller records the read (one entry for a page or an export). */
export function auditPage(
  scope: CenterScope,
  options: AuditFilter & { before?: number | undefined; limit: number },
) {
  return pageAudit(scope.store.db, scope.centerId, options);
}
