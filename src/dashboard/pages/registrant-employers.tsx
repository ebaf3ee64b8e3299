// A registrant's workplaces on their page: where they work (with a form to add one) and what the
// employers' contacts reported about them.
import type { RegistrantDetail } from "../registrants";
import { label, reportKindLabels, reportUrgencyLabels, reportViaLabels } from "./labels";
import { formatDateTime, isoTime } from "../../time/format";

type Report = RegistrantDetail["employerReports"][number];

export function Workplaces(props: {
  registrant: RegistrantDetail;
  /** The center's employers, to choose from. */
  choices: { id: string; name: string }[];
}) {
  const { registrant } = props;
  const linked = new Set(registrant.employers.map((employer) => employer.id));
  const choices = props.choices.filter((employer) => !linked.has(employer.id));
  return (
    <section class="card" aria-labelledby="workplaces-title" data-testid="workplaces">
      <h2 id="workplaces-title">勤務先</h2>
      {registrant.employers.length === 0 ? (
        <p class="muted">まだ登録されていません。</p>
      ) : (
        <ul data-testid="workplace-list">
          {registrant.employers.map((employer) => (
            <li data-testid="workplace">
              <a href={`/dashboard/employers/${encodeURIComponent(employer.id)}`}>
                {employer.name}
              </a>
              {employer.endedOn === null ? (
                <form
                  method="post"
                  action={`/dashboard/registrants/${encodeURIComponent(registrant.id)}/employment/end`}
                  class="inline-form"
                >
                  <input type="hidden" name="employerId" value={employer.id} />
                  <label class="field field-inline">
                    <span class="field-label">最終勤務日</span>
                    <input type="date" name="endedOn" required data-testid="employment-end-date" />
                  </label>
                  <button type="submit" class="button button-small" data-testid="employment-end">
                    勤務の終了を登録
                  </button>
                </form>
              ) : (
                <span class="muted small" data-testid="employment-ended">
                  {" "}
                  （{employer.endedOn} まで。企業からの相談と月1回の確認は終わりました）
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.choices.length === 0 ? (
        <p class="muted small">
          センターの企業がまだありません。<a href="/dashboard/employers">「企業」</a>
          から追加してください。
        </p>
      ) : choices.length === 0 ? null : (
        <form
          method="post"
          action={`/dashboard/registrants/${encodeURIComponent(registrant.id)}/employment`}
          class="inline-form"
          data-testid="employment-form"
        >
          <label class="field">
            <span class="field-label">勤務先を追加</span>
            <select name="employerId" required data-testid="employment-employer">
              {choices.map((employer) => (
                <option value={employer.id}>{employer.name}</option>
              ))}
            </select>
          </label>
          <button type="submit" class="button" data-testid="employment-save">
            登録する
          </button>
        </form>
      )}
      <p class="muted small">
        {"企業の担当者がこの人のことを相談できるのは、企業連携を含む説明に同意している間だけです。"}
        {"同意の有無は、企業のページで確かめられます。"}
      </p>
    </section>
  );
}

export function EmployerReports(props: { reports: Report[] }) {
  return (
    <section class="card" aria-labelledby="employer-reports-title">
      <h2 id="employer-reports-title">企業からの相談</h2>
      {props.reports.length === 0 ? (
        <p class="muted">企業からの相談はありません。</p>
      ) : (
        <div class="table-scroll">
          <table class="table" data-testid="registrant-employer-reports">
            <caption class="visually-hidden">企業の担当者からの相談（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">企業・担当者</th>
                <th scope="col">内容</th>
                <th scope="col">急ぎ</th>
                <th scope="col">担当者の言葉</th>
                <th scope="col">案件</th>
              </tr>
            </thead>
            <tbody>
              {props.reports.map((report) => (
                <tr data-testid="registrant-employer-report">
                  <td data-label="日時">
                    {/* one child: on a phone the cell is a grid of its label and this */}
                    <span>
                      <time datetime={isoTime(report.createdAt)}>
                        {formatDateTime(report.createdAt)}
                      </time>
                      <span class="muted small"> （{label(reportViaLabels, report.via)}）</span>
                    </span>
                  </td>
                  <td data-label="企業・担当者">
                    <span>{`${report.employerName}・${report.contactName}`}</span>
                  </td>
                  <td data-label="内容">{label(reportKindLabels, report.kind)}</td>
                  <td data-label="急ぎ">{label(reportUrgencyLabels, report.urgency)}</td>
                  <td data-label="担当者の言葉" class="prewrap">
                    <span>{report.words ?? "—"}</span>
                  </td>
                  <td data-label="案件">
                    <a href={`/dashboard/escalations/${encodeURIComponent(report.escalationId)}`}>
                      案件を見る
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
