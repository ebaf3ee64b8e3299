// Small labelled markers shared by the pages: severity, status, deadline, yes or no.
import { label, severityLabels, statusLabels } from "./labels";
import { formatNear, isoTime } from "../../time/format";

export function SeverityBadge(props: { severity: string; testId?: string }) {
  return (
    <span class={`badge sev sev-${props.severity}`} data-testid={props.testId ?? "severity"}>
      {label(severityLabels, props.severity)}
    </span>
  );
}

export function StatusBadge(props: { status: string; testId?: string }) {
  return (
    <span class={`badge status status-${props.status}`} data-testid={props.testId ?? "status"}>
      {label(statusLabels, props.status)}
    </span>
  );
}

/** The acknowledge-by time; overdue says so in words too, not in colour alone. */
export function Deadline(props: {
  ackDueAt: string;
  status: string;
  now: number;
  /** How many times it was raised to the supervisors for want of an acknowledgement. */
  level?: number;
}) {
  if (props.status === "resolved") return <span class="muted">—</span>;
  const overdue = props.status === "open" && Date.parse(props.ackDueAt) <= props.now;
  return (
    <span
      class={overdue ? "deadline overdue" : props.status === "open" ? "deadline" : "deadline muted"}
    >
      <time datetime={isoTime(props.ackDueAt)}>{formatNear(props.ackDueAt, props.now)}</time>
      {overdue ? (
        <strong class="overdue-tag" data-testid="overdue">
          期限切れ
        </strong>
      ) : null}
      {(props.level ?? 0) > 0 && props.status !== "resolved" ? (
        <span class="overdue-tag" data-testid="level">
          管理者へ再通知 {props.level}回
        </span>
      ) : null}
    </span>
  );
}

/** A yes-or-no fact in words, styled by which it is (linked, consented…). */
export function YesNo(props: { value: boolean; yes: string; no: string }) {
  return props.value ? <span class="yes">{props.yes}</span> : <span class="no">{props.no}</span>;
}
