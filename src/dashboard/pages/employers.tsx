// Employers: the center's list with a create form, and one employer's contacts, people, pulse, reports.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { formatLinkCode } from "../../link/codes";
import type { StaffEnv } from "../staff-env";
import { StatusBadge } from "./badges";
import { parseForm, text } from "./form";
import {
  label,
  registrantStatusLabels,
  reportKindLabels,
  reportUrgencyLabels,
  reportViaLabels,
} from "./labels";
import { Layout, Notice, PageHead } from "./layout";
import { qrDataUrl } from "./link-sheet";
import { YesNo } from "./registrant-detail";
import { render } from "./render";
import { formatDateTime, isoTime } from "../../time/format";
import * as employers from "../employers";

type Employer = Awaited<ReturnType<typeof employers.getEmployer>>;

const pulseDays = Array.from({ length: 28 }, (_, index) => index + 1);

const schemas = {
  employer: z.object({ name: text("企業名", 100) }),
  contact: z.object({ displayName: text("担当者の名前", 60) }),
  pulse: z.object({
    // an unchecked box is simply absent from the post: absent means off
    enabled: z
      .string()
      .optional()
      .transform((value) => value === "on"),
    day: z
      .string({ error: "日を選んでください。" })
      .regex(/^([1-9]|1\d|2[0-8])$/, { error: "日は 1〜28 から選んでください。" })
      .transform(Number),
  }),
};

const done: Record<string, string> = {
  created: "企業を追加しました。次に、企業の担当者を追加してください。",
  unlinked: "担当者の LINE 連携を解除しました。この LINE からの相談は届きません。",
  "not-linked": "この担当者は LINE と連携していません。",
  pulse: "月1回の確認の設定を保存しました。",
};

const employerPath = (id: string) => `/dashboard/employers/${encodeURIComponent(id)}`;
const contactPath = (employerId: string, contactId: string) =>
  `${employerPath(employerId)}/contacts/${encodeURIComponent(contactId)}`;

// The list

async function showList(
  c: Context<StaffEnv>,
  form: { error?: string; name?: string | undefined },
  status: ContentfulStatusCode,
) {
  const { scope, actor } = c.var;
  const items = await employers.listEmployerSummaries(scope);
  return render(
    c,
    <Layout title="企業" actor={actor} current="employers">
      <PageHead title="企業" aside={<p class="muted">{items.length} 社</p>} />
      <section class="card">
        <h2>企業を追加</h2>
        <Notice kind="error" message={form.error} />
        <form method="post" action="/dashboard/employers" class="inline-form">
          <label class="field">
            <span class="field-label">企業名</span>
            <input
              type="text"
              name="name"
              value={form.name ?? ""}
              maxlength={100}
              required
              autocomplete="off"
              data-testid="employer-name"
            />
          </label>
          <button type="submit" class="button button-primary" data-testid="employer-create">
            追加する
          </button>
        </form>
        <p class="muted small">
          追加したあと、企業の担当者を登録すると、担当者が LINE で送る連携コードが表示されます。
        </p>
      </section>
      {items.length === 0 ? (
        <section class="card empty">
          <p class="empty-title">まだ企業はありません。</p>
          <p class="muted">上のフォームから、登録者が働いている企業を追加してください。</p>
        </section>
      ) : (
        <table class="table" data-testid="employers">
          <thead>
            <tr>
              <th scope="col">企業名</th>
              <th scope="col">担当者（LINE 連携）</th>
              <th scope="col">働いている登録者</th>
              <th scope="col">月1回の確認</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr data-testid="employer-row">
                <td data-label="企業名">
                  <a class="row-link" href={employerPath(item.id)}>
                    {item.name}
                  </a>
                </td>
                <td data-label="担当者">
                  {item.contacts} 人（連携 {item.linkedContacts} 人）
                </td>
                <td data-label="登録者">
                  {item.registrants} 人（企業連携の同意 {item.coveredRegistrants} 人）
                </td>
                <td data-label="月1回の確認">
                  {item.pulseEnabled ? `毎月 ${item.pulseDay} 日` : "送らない"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>,
    status,
  );
}

export function showEmployers(c: Context<StaffEnv>) {
  return showList(c, {}, 200);
}

export async function createEmployer(c: Context<StaffEnv>) {
  const form = await parseForm(c, schemas.employer);
  if (!form.ok) return showList(c, { error: form.message, name: form.fields.name }, 400);
  const { id } = await employers.createEmployer(c.var.scope, form.data.name);
  return c.redirect(`${employerPath(id)}?done=created`, 303);
}

// One employer

interface IssuedCode {
  contactId: string;
  linkCode: string;
  linkCodeExpiresAt: string;
}

interface PageState {
  error?: string | undefined;
  /** A code just issued: shown in this response only, never put in a URL. */
  code?: IssuedCode | undefined;
  contactName?: string | undefined;
  pulse?: { enabled: boolean; day: string } | undefined;
}

function CodeBox(props: { employer: Employer; code: IssuedCode; friendUrl: string | undefined }) {
  const { code, friendUrl } = props;
  const contact = props.employer.contacts.find((item) => item.id === code.contactId);
  return (
    <section class="card code-card" data-testid="contact-code-box">
      <p class="notice notice-success" role="status">
        {contact?.displayName ?? ""} さんの連携コードを発行しました。
      </p>
      <p class="code-label">連携コード</p>
      <p class="code-big" data-testid="contact-code">
        {formatLinkCode(code.linkCode)}
      </p>
      <p>
        有効期限: <strong>{formatDateTime(code.linkCodeExpiresAt)}</strong> まで（1回だけ使えます）
      </p>
      <p>
        担当者の方に、LINE
        で「つなぎ」を友だちに追加して、この番号を送ってもらってください。送ると、すぐに連携されます。
      </p>
      {friendUrl === undefined ? null : (
        <p>
          <img src={qrDataUrl(friendUrl)} alt="友だち追加の QR コード" width={140} height={140} />
          <br />
          <a href={friendUrl}>{friendUrl}</a>
        </p>
      )}
      <p class="muted small">
        このコードはこの画面でしか表示されません。前に発行したコードは使えなくなりました。
      </p>
    </section>
  );
}

function Contacts(props: { employer: Employer; typedName: string | undefined }) {
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

function People(props: { employer: Employer }) {
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

function Pulse(props: { employer: Employer; typed: PageState["pulse"] }) {
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

function Reports(props: { employer: Employer }) {
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

async function showEmployerPage(
  c: Context<StaffEnv>,
  state: PageState,
  status: ContentfulStatusCode,
) {
  const { scope, actor } = c.var;
  const employer = await employers.getEmployer(scope, c.req.param("id") ?? "");
  const flash =
    state.error === undefined && state.code === undefined
      ? done[c.req.query("done") ?? ""]
      : undefined;
  return render(
    c,
    <Layout title={employer.name} actor={actor} current="employers">
      <p class="crumbs">
        <a href="/dashboard/employers">← 企業の一覧へ</a>
      </p>
      <Notice kind="error" message={state.error} />
      <Notice kind="success" message={flash} />
      <PageHead title={<span data-testid="employer-title">{employer.name}</span>} />
      {state.code ? (
        <CodeBox
          employer={employer}
          code={state.code}
          friendUrl={c.var.deps.config.lineFriendUrl}
        />
      ) : null}
      <div class="detail">
        <div class="detail-main">
          <Contacts employer={employer} typedName={state.contactName} />
          <People employer={employer} />
        </div>
        <div class="detail-side">
          <Pulse employer={employer} typed={state.pulse} />
        </div>
      </div>
      <Reports employer={employer} />
    </Layout>,
    status,
  );
}

export function showEmployer(c: Context<StaffEnv>) {
  return showEmployerPage(c, {}, 200);
}

/** A new contact, with their link code in this response (201). */
export async function createEmployerContact(c: Context<StaffEnv>) {
  const form = await parseForm(c, schemas.contact);
  if (!form.ok) {
    return showEmployerPage(c, { error: form.message, contactName: form.fields.displayName }, 400);
  }
  const created = await employers.createEmployerContact(
    c.var.scope,
    c.req.param("id") ?? "",
    form.data.displayName,
  );
  return showEmployerPage(c, { code: { ...created, contactId: created.id } }, 201);
}

/** The code is shown in the response to the post, never put in a URL. */
export async function reissueContactCode(c: Context<StaffEnv>) {
  const contactId = c.req.param("contactId") ?? "";
  const issued = await employers.reissueContactCode(
    c.var.scope,
    c.req.param("id") ?? "",
    contactId,
  );
  return showEmployerPage(c, { code: { ...issued, contactId } }, 201);
}

export async function unlinkContact(c: Context<StaffEnv>) {
  const employerId = c.req.param("id") ?? "";
  const { unlinked } = await employers.unlinkContact(
    c.var.scope,
    employerId,
    c.req.param("contactId") ?? "",
  );
  return c.redirect(
    `${employerPath(employerId)}?done=${unlinked ? "unlinked" : "not-linked"}`,
    303,
  );
}

export async function saveEmployerPulse(c: Context<StaffEnv>) {
  const form = await parseForm(c, schemas.pulse);
  if (!form.ok) {
    const typed = { enabled: form.fields.enabled === "on", day: form.fields.day ?? "" };
    return showEmployerPage(c, { error: form.message, pulse: typed }, 400);
  }
  const employerId = c.req.param("id") ?? "";
  await employers.setEmployerPulse(c.var.scope, employerId, form.data);
  return c.redirect(`${employerPath(employerId)}?done=pulse`, 303);
}
