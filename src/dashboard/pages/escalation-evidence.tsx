// What an escalation rests on and what happened since: its evidence in plain words, its timeline.
import type { getEscalation } from "../escalations";
import { contactKindLabels, eventLabels, label, severityLabels, sourceLabels } from "./labels";
import { formatDateTime, isoTime } from "../../time/format";

type Detail = Awaited<ReturnType<typeof getEscalation>>;

/** Evidence fields that hold someone's own words: shown as a quotation, exactly as stored. */
const quoteKeys = ["quote", "text", "message", "words"] as const;
/** Internal references: useful to the code, meaningless to a case worker. */
const hiddenKeys = new Set(["at", "checkinId", "rule", "raisedFrom", "category"]);

/** "2026-W47" as the Monday it starts on, 「11月16日（月）の週」. */
export function weekLabel(key: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) return key;
  const year = Number(match[1]);
  const week = Number(match[2]);
  // ISO week 1 holds January 4th; its Monday is the start
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  const monday = new Date(jan4 - jan4Weekday * 86_400_000 + (week - 1) * 7 * 86_400_000);
  return `${monday.getUTCMonth() + 1}月${monday.getUTCDate()}日（月）の週`;
}

/** One evidence entry as plain lines: what was said or answered, why, and who flagged it. */
export function evidenceLines(item: Record<string, unknown>): { label: string; text: string }[] {
  const lines: { label: string; text: string }[] = [];
  const str = (key: string) => (typeof item[key] === "string" ? item[key] : null);
  if (str("source"))
    lines.push({ label: "発生元", text: label(sourceLabels, str("source") ?? "") });
  if (str("severity")) {
    lines.push({ label: "このときの重要度", text: label(severityLabels, str("severity") ?? "") });
  }
  if (str("reason")) lines.push({ label: "理由", text: str("reason") ?? "" });
  if (str("question") && str("answer")) {
    lines.push({ label: "回答", text: `${str("question") ?? ""}：${str("answer") ?? ""}` });
  } else if (str("answer")) {
    lines.push({ label: "回答", text: str("answer") ?? "" });
  }
  if (Array.isArray(item.weeks)) {
    const weeks = item.weeks.flatMap((week: unknown) => {
      if (typeof week !== "object" || week === null) return [];
      const { week: key, answer } = week as { week?: unknown; answer?: unknown };
      return typeof key === "string" && typeof answer === "string"
        ? [`${weekLabel(key)}：${answer}`]
        : [];
    });
    if (weeks.length > 0) lines.push({ label: "週ごとの回答", text: weeks.join("\n") });
  }
  if (str("weekKey")) lines.push({ label: "週", text: weekLabel(str("weekKey") ?? "") });
  if (str("urgency")) lines.push({ label: "緊急度", text: str("urgency") ?? "" });
  if (str("reporter")) lines.push({ label: "報告者", text: str("reporter") ?? "" });
  if (Array.isArray(item.phrases) && item.phrases.length > 0) {
    lines.push({
      label: "見つけたしくみ",
      text: `言葉のルール：${item.phrases.map((phrase) => `「${String(phrase)}」`).join(" ")}`,
    });
  }
  if (typeof item.model === "number") {
    lines.push({
      label: "見つけたしくみ",
      text: `学習モデル：確からしさ ${Math.round(item.model * 100)}%`,
    });
  }
  // anything newer that is plain text still shows, under a neutral label; structures never do
  const known = new Set([
    ...quoteKeys,
    ...hiddenKeys,
    "source",
    "severity",
    "reason",
    "question",
    "answer",
    "weeks",
    "weekKey",
    "urgency",
    "reporter",
    "phrases",
    "model",
  ]);
  for (const [key, value] of Object.entries(item)) {
    if (!known.has(key) && (typeof value === "string" || typeof value === "number")) {
      lines.push({ label: "補足", text: String(value) });
    }
  }
  return lines;
}

export function Evidence(props: { items: Detail["evidence"] }) {
  if (props.items.length === 0) return <p class="muted">記録された根拠はありません。</p>;
  return (
    <ol class="evidence" data-testid="evidence">
      {props.items.map((item) => (
        <li class="evidence-item">
          <p class="evidence-at muted small">
            <time datetime={isoTime(item.at)}>{formatDateTime(item.at)}</time>
          </p>
          {quoteKeys
            .map((key) => (item as Record<string, unknown>)[key])
            .filter((value): value is string => typeof value === "string")
            .map((value) => (
              <blockquote class="quote" data-testid="evidence-quote">
                {value}
              </blockquote>
            ))}
          {quoteKeys.some((key) => (item as Record<string, unknown>)[key] === null) ? (
            <p class="muted small" data-testid="evidence-expired">
              （保存期間を過ぎたため引用を削除しました）
            </p>
          ) : null}
          <dl class="pairs">
            {evidenceLines(item).map((line) => (
              <div class="pair">
                <dt>{line.label}</dt>
                <dd class="prewrap" data-testid="evidence-line">
                  {line.text}
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}

function eventDetail(event: Detail["timeline"][number]): string | null {
  const detail = event.detail;
  const field = (key: string) => (typeof detail[key] === "string" ? detail[key] : null);
  switch (event.kind) {
    case "opened":
      return field("source") === null
        ? null
        : `発生元: ${label(sourceLabels, field("source") ?? "")}`;
    case "assigned":
      return field("staffName") === null ? null : `担当: ${field("staffName") ?? ""}`;
    case "note":
      return field("text");
    case "resolved":
      return field("note");
    case "signal":
      return field("quote");
    case "reescalated":
      return typeof detail.level === "number" ? `${detail.level}回目` : null;
    case "alerted":
      return Array.isArray(detail.staff) ? `通知先: ${detail.staff.join("、")}` : null;
    case "contact":
      return field("contactKind") === null
        ? null
        : label(contactKindLabels, field("contactKind") ?? "") +
            (typeof detail.minutes === "number" ? `（${detail.minutes}分）` : "");
    default:
      return null;
  }
}

export function Timeline(props: { events: Detail["timeline"] }) {
  return (
    <ol class="timeline" data-testid="timeline">
      {props.events.map((event) => {
        const detail = eventDetail(event);
        return (
          <li class={`timeline-item kind-${event.kind}`}>
            <div class="timeline-head">
              <strong>{label(eventLabels, event.kind)}</strong>
              <span class="muted">{event.actorName ?? "システム"}</span>
              <time class="muted small" datetime={isoTime(event.at)}>
                {formatDateTime(event.at)}
              </time>
            </div>
            {detail === null ? null : <p class="timeline-detail prewrap">{detail}</p>}
          </li>
        );
      })}
    </ol>
  );
}
