// The cards on one employer's page: contacts, the people working there, the pulse, the reports.
import { StatusBadge, YesNo } from "./badges";
import {
  label,
  registrantStatusLabels,
  reportKindLabels,
  reportUrgencyLabels,
  reportViaLabels,
} from "./labels";
import { employerPath } from "./employers";
import { formatDateTime, isoTime } from "../../time/format";
import type { getEmployer } from "../employers";

export type Employer = Awaited<ReturnType<typeof getEmployer>>;

const pulseDays = Array.from({ length: 28 }, (_, index) => index + 1);

const contactPath = (employerId: string, contactId: string) =>
  `${employerPath(employerId)}/contacts/${encodeURIComponent(contactId)}`;

export function Contacts(props: { employer: Employer; typedName: string | undefined }) {
  const { employer } = props;
  return (
    <section class="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">企業の担当者</h2>
      {employer.contacts.length === 0 ? (
        <p class="muted">まだ担当者はいません。下のフォームから追加してください。</p>
      ) : (
        <table class="table" data-testid="contacts">
          <thead>
            <tr>
              <th scope="col">名前</th>
              <th scope="col">LINE 連携</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {employer.contacts.map((contact) => (
              <tr data-testid="contact-row" data-contact={contact.id}>
                <td data-label="名前">{contact.displayName}</td>
                <td data-label="LINE 連携">
                  {/* one child: on a phone the cell is a grid of its label and this */}
                  <span>
                    <YesNo value={contact.linked} yes="連携済み" no="未連携" />
                    {contact.linkedAt === null ? null : (
                      <span class="muted small"> （{formatDateTime(contact.linkedAt)}）</span>
                    )}
                  </span>
                </td>
                <td data-label="操作">
                  <div class="button-row">
                    <a
                      class="button button-small"
                      href={`${contactPath(employer.id, contact.id)}/messages`}
                      data-testid="contact-conversation"
                    >
                      やりとり
                    </a>
                    <form
                      method="post"
                      action={`${contactPath(employer.id, contact.id)}/link-code`}
                      class="inline"
                    >
                      <button
                        type="submit"
                        class="button button-quiet button-small"
                        data-testid="contact-code-issue"
                      >
                        {contact.linked ? "新しい連携コード（機種変更など）" : "連携コードを再発行"}
                      </button>
                    </form>
                    {contact.linked ? (
                      <form
                        method="post"
                        action={`${contactPath(employer.id, contact.id)}/unlink`}
                        class="inline"
                      >
                        <button
                          type="submit"
                          class="button button-danger button-small"
                          data-testid="contact-unlink"
                        >
                          連携を解除する
                        </button>
                      </form>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        method="post"
        action={`${employerPath(employer.id)}/contacts`}
        class="inline-form"
        data-testid="contact-form"
      >
        <label class="field">
          <span class="field-label">担当者を追加（名前）</span>
          <input
            type="text"
            name="displayName"
            value={props.typedName ?? ""}
            maxlength={60}
            required
            autocomplete="off"
            data-testid="contact-name"
          />
        </label>
        <button type="submit" class="button button-primary" data-testid="contact-create">
          追加して連携コードを発行
        </button>
      </form>
      <p class="muted small">
        連携を解除すると、その LINE
        からの相談はすぐに届かなくなります。担当者が代わったときに使ってください。
      </p>
    </section>
  );
}

export function People(props: { employer: Employer }) {
  const { registrants } = props.employer;
  return (
    <section class="card" aria-labelledby="people-title">
      <h2 id="people-title">働いている登録者</h2>
      {registrants.length === 0 ? (
        <p class="muted">
          まだいません。登録者のページの「勤務先」から、この企業を登録してください。
        </p>
      ) : (
        <table class="table" data-testid="employer-registrants">
          <thead>
            <tr>
              <th scope="col">名前</th>
              <th scope="col">状態</th>
              <th scope="col">企業連携</th>
            </tr>
          </thead>
          <tbody>
            {registrants.map((person) => (
              <tr data-testid="employer-registrant" data-covered={String(person.covered)}>
                <td data-label="名前">
                  <a
                    class="row-link"
                    href={`/dashboard/registrants/${encodeURIComponent(person.id)}`}
                  >
                    {person.displayName}
                  </a>
                </td>
                <td data-label="状態">{label(registrantStatusLabels, person.status)}</td>
                <td data-label="企業連携">
                  <YesNo
                    value={person.covered}
                    yes="同意済み（企業連携を含む）"
                    no="企業連携の同意なし"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="muted small">
        企業の担当者が相談できるのは、企業連携に同意した人のことだけです。同意のない人は、担当者の
        LINE には名前も出ません。
      </p>
    </section>
  );
}

export function Pulse(props: {
  employer: Employer;
  /** What was typed into a refused form, shown again. */
  typed: { enabled: boolean; day: string } | undefined;
}) {
  const { employer } = props;
  const enabled = props.typed?.enabled ?? employer.pulse.enabled;
  const day = props.typed?.day ?? String(employer.pulse.day);
  return (
    <section class="card" aria-labelledby="pulse-title">
      <h2 id="pulse-title">月1回の確認</h2>
      <p data-testid="pulse-current">
        {employer.pulse.enabled
          ? `毎月 ${employer.pulse.day} 日（休みの日なら次の開所日）に、担当者へ「変わりはありませんか」と聞きます。`
          : "送っていません。"}
      </p>
      <form
        method="post"
        action={`${employerPath(employer.id)}/pulse`}
        class="stack"
        data-testid="pulse-form"
      >
        <label class="field">
          <span>
            <input
              type="checkbox"
              name="enabled"
              value="on"
              checked={enabled}
              data-testid="pulse-enabled"
            />{" "}
            月1回の確認を送る
          </span>
        </label>
        <label class="field">
          <span class="field-label">送る日（毎月）</span>
          <select name="day" required data-testid="pulse-day">
            {pulseDays.map((value) => (
              <option value={String(value)} selected={String(value) === day}>
                {value} 日
              </option>
            ))}
          </select>
        </label>
        <div>
          <button type="submit" class="button" data-testid="pulse-save">
            保存する
          </button>
        </div>
      </form>
    </section>
  );
}

export function Reports(props: { employer: Employer }) {
  const { reports } = props.employer;
  return (
    <section class="card" aria-labelledby="reports-title">
      <h2 id="reports-title">企業からの相談</h2>
      {reports.length === 0 ? (
        <p class="muted">まだ相談はありません。</p>
      ) : (
        <div class="table-scroll">
          <table class="table" data-testid="employer-reports">
            <caption class="visually-hidden">この企業の担当者からの相談（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">登録者</th>
                <th scope="col">担当者</th>
                <th scope="col">内容</th>
                <th scope="col">急ぎ</th>
                <th scope="col">担当者の言葉</th>
                <th scope="col">案件</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr data-testid="employer-report">
                  <td data-label="日時">
                    <span>
                      <time datetime={isoTime(report.createdAt)}>
                        {formatDateTime(report.createdAt)}
                      </time>
                      <span class="muted small"> （{label(reportViaLabels, report.via)}）</span>
                    </span>
                  </td>
                  <td data-label="登録者">
                    <a href={`/dashboard/registrants/${encodeURIComponent(report.registrantId)}`}>
                      {report.registrantName}
                    </a>
                  </td>
                  <td data-label="担当者">{report.contactName}</td>
                  <td data-label="内容">{label(reportKindLabels, report.kind)}</td>
                  <td data-label="急ぎ">{label(reportUrgencyLabels, report.urgency)}</td>
                  <td data-label="担当者の言葉" class="prewrap">
                    <span>{report.words ?? "—"}</span>
                  </td>
                  <td data-label="案件">
                    <a
                      href={`/dashboard/escalations/${encodeURIComponent(report.escalationId)}`}
                      data-testid="report-escalation"
                    >
                      <StatusBadge status={report.escalationStatus} />
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
