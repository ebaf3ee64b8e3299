// The records on a registrant's page: their consent decisions and the table of recent check-ins.
import type { RegistrantDetail } from "../registrants";
import { questions, type Question } from "../../words/checkin-questions";
import type { ChartWeek } from "./checkin-chart";
import { checkinStatusLabels, label } from "./labels";
import { formatDateTime, formatNear, isoTime } from "../../time/format";
import type { ConsentDecision } from "../../vocabulary/kinds";

type Detail = RegistrantDetail;
type HistoryCheckin = Detail["checkins"][number];

const originLabels: Record<string, string> = {
  scheduled: "毎週の定期送信",
  self: "本人から開始",
  staff: "職員が送信",
};

const consentLabels: Record<ConsentDecision, string> = {
  given: "同意した",
  declined: "同意しなかった",
  withdrawn: "同意をやめた",
  asked: "新しい同意文を案内した",
};

export function ConsentHistory(props: { items: Detail["consentHistory"] }) {
  return (
    <section class="card" aria-labelledby="consent-title">
      <h2 id="consent-title">同意の記録</h2>
      {props.items.length === 0 ? (
        <p class="muted">まだ記録はありません。</p>
      ) : (
        <ol class="consent-history" data-testid="consent-history">
          {props.items.map((item) => (
            <li class={`consent-${item.decision}`}>
              <strong>{label(consentLabels, item.decision)}</strong>
              <span class="muted small">説明文 第{item.textVersion}版</span>
              <time class="muted small" datetime={isoTime(item.at)}>
                {formatDateTime(item.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AnswerCell(props: { checkin: HistoryCheckin; question: Question }) {
  const answer = props.checkin.answers.find((a) => a.question === props.question.key);
  const name = props.question.staffLabel;
  if (!answer) {
    return (
      <td data-label={name} class="muted">
        —
      </td>
    );
  }
  return (
    <td data-label={name} class={props.question.key === "message" ? "answer prewrap" : "answer"}>
      {/* one child: on a phone the cell is a grid of its label and this */}
      <span>
        {answer.score === null ? null : (
          <span class={`score score-${answer.score}`}>{answer.score}</span>
        )}
        {answer.label}
      </span>
    </td>
  );
}

export function HistoryTable(props: {
  checkins: HistoryCheckin[];
  weeks: ChartWeek[];
  now: number;
}) {
  const ranges = new Map(props.weeks.map((week) => [week.key, week.range]));
  if (props.checkins.length === 0) {
    return <p class="muted">直近{props.weeks.length}週のチェックインはありません。</p>;
  }
  return (
    <div class="table-scroll">
      <table class="table history" data-testid="checkin-history">
        <caption class="visually-hidden">
          直近{props.weeks.length}週のチェックインと回答（新しい順）
        </caption>
        <thead>
          <tr>
            <th scope="col">週</th>
            <th scope="col">状態</th>
            {questions.map((question) => (
              <th scope="col">{question.staffLabel}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.checkins.map((checkin) => (
            <tr
              class={checkin.status === "missed" ? "history-row row-missed" : "history-row"}
              data-week={checkin.weekKey}
              data-status={checkin.status}
            >
              <th scope="row" data-label="週" class="history-week">
                {ranges.get(checkin.weekKey) ?? checkin.weekKey}
                <span class="muted small history-sent">
                  送信 {formatNear(checkin.sentAt, props.now)}
                </span>
              </th>
              <td data-label="状態">
                <span>
                  {checkin.status === "missed" ? (
                    <span class="missed-tag">未回答</span>
                  ) : (
                    label(checkinStatusLabels, checkin.status)
                  )}
                  <span class="muted small history-origin">
                    {checkin.status === "missed" ? "（期限切れ）・" : ""}
                    {label(originLabels, checkin.origin)}
                  </span>
                </span>
              </td>
              {questions.map((question) => (
                <AnswerCell checkin={checkin} question={question} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
