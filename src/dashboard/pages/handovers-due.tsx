// On the monthly duties page: who needs a handover now (support ends within 3 months, or that
// mark has passed, and no packet given on record), with the days left and how far it got.
import type { HandoverDue } from "../handover";
import { consentLabels } from "./registrant-handover";

function stateOf(item: HandoverDue): string {
  if (!item.recorded) return "未着手";
  const agency = item.agency === "" ? "引き継ぎ先 未定" : `引き継ぎ先 ${item.agency}`;
  const consent = item.consent === null ? "同意 未確認" : (consentLabels[item.consent] ?? "");
  return `${agency}・${consent}・資料 未渡し`;
}

function left(daysLeft: number): string {
  if (daysLeft < 0) return `終了日を ${-daysLeft} 日 過ぎています`;
  return daysLeft === 0 ? "きょう終了" : `あと ${daysLeft} 日`;
}

export function HandoversDue(props: { items: HandoverDue[] }) {
  return (
    <section class="card" aria-labelledby="handovers-due" data-testid="handovers-due">
      <h2 id="handovers-due">引き継ぎが必要な人（終了まで3か月以内・未記録）</h2>
      {props.items.length === 0 ? (
        <p class="muted" data-testid="handovers-due-empty">
          いまはいません。終了の 3 か月前までに、本人の同意を得て次の支援機関へ伝えてください。
        </p>
      ) : (
        <table class="table compact">
          <thead>
            <tr>
              <th scope="col">登録者</th>
              <th scope="col">終了日</th>
              <th scope="col">残り</th>
              <th scope="col">引き継ぎ</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr data-testid="handover-due">
                <td data-label="登録者">
                  <a
                    href={`/dashboard/registrants/${encodeURIComponent(item.registrantId)}#handover`}
                  >
                    {item.displayName}
                  </a>
                </td>
                <td data-label="終了日">{item.supportEndsOn}</td>
                <td data-label="残り" data-testid="handover-due-left">
                  {left(item.daysLeft)}
                </td>
                <td data-label="引き継ぎ" data-testid="handover-due-state">
                  {stateOf(item)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
