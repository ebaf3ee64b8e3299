// One employer's page and its handlers: contacts and their link codes, the monthly pulse setting.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { formatLinkCode } from "../../link/codes";
import type { StaffEnv } from "../staff-env";
import { parseForm, text } from "./form";
import { Layout, Notice, PageHead } from "./layout";
import { qrDataUrl } from "./link-sheet";
import { Contacts, People, Pulse, Reports, type Employer } from "./employer-sections";
import { employerPath } from "./employers";
import { render } from "./render";
import { formatDateTime } from "../../time/format";
import * as employers from "../employers";

const schemas = {
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
