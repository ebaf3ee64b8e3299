// An employer contact's conversation, and a staff member's reply to the company: the form asks
// them to confirm that the company reads it, and takes only their own words.
import type { Context } from "hono";
import { AppError } from "../../core/errors";
import { sendFresh } from "../../outbox/delivery";
import { readContactConversation, sendReplyToContact } from "../employer-conversations";
import { maxReplyLength } from "../conversations";
import type { StaffEnv } from "../staff-env";
import { ConversationView, replyErrors } from "./conversation";
import { readForm } from "./form";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";

async function showPage(
  c: Context<StaffEnv>,
  form: { error?: string | undefined; text?: string | undefined },
  status: 200 | 400 | 409,
) {
  const { scope, actor } = c.var;
  const employerId = c.req.param("id") ?? "";
  const contactId = c.req.param("contactId") ?? "";
  const beforeText = c.req.query("before");
  const before = beforeText && /^\d{1,15}$/.test(beforeText) ? Number(beforeText) : undefined;
  const page = await readContactConversation(scope, employerId, contactId, before);
  const base = `/dashboard/employers/${encodeURIComponent(employerId)}/contacts/${encodeURIComponent(contactId)}`;
  return render(
    c,
    <Layout
      title={`${page.contactName} さん（企業）とのやりとり`}
      actor={actor}
      current="employers"
    >
      <PageHead
        title={`${page.contactName} さん（企業担当者）とのやりとり`}
        aside={
          <a
            class="button button-quiet"
            href={`/dashboard/employers/${encodeURIComponent(employerId)}`}
          >
            企業のページへ
          </a>
        }
      />
      <ConversationView page={page} olderHref={`${base}/messages`} sender="企業担当者" />
      <section class="card" aria-labelledby="reply-title">
        <h2 id="reply-title">企業担当者に LINE で返信</h2>
        <Notice kind="error" message={form.error} />
        <Notice
          kind="success"
          message={c.req.query("sent") === "1" ? "LINE で送りました。" : undefined}
        />
        <p class="notice notice-info">
          この返信は<strong>会社の担当者</strong>
          に届きます。本人の回答や言葉、体調などは書かないでください。
        </p>
        <form
          method="post"
          action={`${base}/messages`}
          class="stack"
          data-testid="contact-reply-form"
        >
          <input type="hidden" name="clientKey" value={crypto.randomUUID()} />
          <label class="field">
            <span class="field-label">本文</span>
            <textarea
              name="text"
              rows={4}
              maxlength={maxReplyLength - 20}
              required
              data-testid="contact-reply-text"
            >
              {form.text ?? ""}
            </textarea>
          </label>
          <label class="field field-inline">
            <input
              type="checkbox"
              name="confirm"
              value="company"
              required
              data-testid="contact-reply-confirm"
            />
            <span>会社の担当者に送ることを確認しました</span>
          </label>
          <button type="submit" class="button button-primary" data-testid="contact-reply-send">
            会社に送る
          </button>
        </form>
      </section>
    </Layout>,
    status,
  );
}

export function showContactConversation(c: Context<StaffEnv>) {
  return showPage(c, {}, 200);
}

export async function submitContactReply(c: Context<StaffEnv>) {
  const fields = await readForm(c);
  const { deps } = c.var;
  const employerId = c.req.param("id") ?? "";
  const contactId = c.req.param("contactId") ?? "";
  if (fields.confirm !== "company") {
    return showPage(
      c,
      {
        error: "送る前に「会社の担当者に送ることを確認しました」に チェックしてください。",
        text: fields.text,
      },
      400,
    );
  }
  try {
    const sent = await sendReplyToContact(
      c.var.scope,
      employerId,
      contactId,
      {
        text: fields.text ?? "",
        clientKey: fields.clientKey || crypto.randomUUID(),
        confirmRecipientIsCompany: true,
      },
      deps.config.pushBudgetPerMonth,
    );
    if (sent.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, sent.outbox));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = replyErrors[error.code];
    if (message === undefined) throw error;
    return showPage(c, { error: message, text: fields.text }, error.status === 400 ? 400 : 409);
  }
  return c.redirect(
    `/dashboard/employers/${encodeURIComponent(employerId)}/contacts/${encodeURIComponent(contactId)}/messages?sent=1`,
    303,
  );
}
