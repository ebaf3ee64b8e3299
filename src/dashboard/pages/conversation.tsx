// A registrant's conversation (opening it marks them read) with the reply form, and the inbox.
import type { Context } from "hono";
import { AppError, notFound } from "../../core/errors";
import { findRegistrant } from "../../store/registrants";
import { sendFresh } from "../../outbox/delivery";
import {
  markConversationRead,
  maxReplyLength,
  readConversation,
  readInbox,
  sendStaffReply,
  type ConversationItem,
} from "../conversations";
import type { StaffEnv } from "../staff-env";
import { SeverityBadge } from "./badges";
import { readCenterSettings } from "../center-settings";
import { readForm } from "./form";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";
import { FreshBanner } from "./fresh";
import { ago, formatDateTime, isoTime } from "../../time/format";

/** What a message that is not words shows as. */
const placeholders: Record<string, string> = {
  sticker: "（スタンプ）",
  image: "（画像）",
  video: "（動画）",
  audio: "（音声）",
  file: "（ファイル）",
  location: "（位置情報）",
};

export function Bubble(props: { item: ConversationItem; sender?: string }) {
  const { item } = props;
  const who =
    item.direction === "in"
      ? (props.sender ?? "本人")
      : item.kind === "staff"
        ? `職員：${item.staffName ?? "（不明な職員）"}`
        : "ボット";
  return (
    <li
      class={`bubble bubble-${item.direction} bubble-${item.kind}`}
      data-testid={`message-${item.kind}`}
    >
      <p class="bubble-meta">
        <span>{who}</span> <time datetime={isoTime(item.at)}>{formatDateTime(item.at)}</time>
      </p>
      {item.kind === "checkin" ? (
        <div class="checkin-card" data-testid="checkin-card">
          <p class="checkin-card-title">チェックインの回答</p>
          <dl class="facts">
            {(item.answers ?? []).map((answer) => (
              <>
                <dt>{answer.question}</dt>
                <dd>{answer.answer}</dd>
              </>
            ))}
          </dl>
        </div>
      ) : item.text !== null ? (
        <p class="bubble-text" data-testid="message-text">
          {item.text}
        </p>
      ) : (
        <p class="bubble-text muted">
          {item.expired
            ? "（保存期間を過ぎたため本文を削除しました）"
            : (placeholders[item.kind] ??
              (item.direction === "in"
                ? "（同意がないため内容は保存していません）"
                : "（内容なし）"))}
        </p>
      )}
    </li>
  );
}

/** One page of a conversation, oldest first, with the way to older messages. */
export function ConversationView(props: {
  page: { items: ConversationItem[]; nextBefore: number | null };
  olderHref: string;
  sender?: string;
}) {
  const { page } = props;
  return (
    <>
      {page.nextBefore !== null ? (
        <p>
          <a href={`${props.olderHref}?before=${page.nextBefore}`} data-testid="older">
            もっと前のやりとり
          </a>
        </p>
      ) : null}
      {page.items.length === 0 ? (
        <section class="card empty">
          <p class="empty-title">まだやりとりはありません。</p>
        </section>
      ) : (
        <ol class="conversation" data-testid="conversation">
          {page.items.map((item) => (
            <Bubble item={item} sender={props.sender} />
          ))}
        </ol>
      )}
    </>
  );
}

interface ReplyForm {
  error?: string | undefined;
  text?: string | undefined;
}

const sentNotice = "LINE で送りました。";

async function showConversation(c: Context<StaffEnv>, form: ReplyForm, status: 200 | 400 | 409) {
  const { scope, actor, deps } = c.var;
  const id = c.req.param("id") ?? "";
  const beforeText = c.req.query("before");
  const before =
    beforeText === undefined || !/^\d+$/.test(beforeText) ? undefined : Number(beforeText);
  const registrant = await findRegistrant(deps.store.db, actor.centerId, id);
  if (!registrant) throw notFound("registrant", id);
  const [page, settings] = await Promise.all([
    readConversation(scope, id, before),
    readCenterSettings(scope),
  ]);
  const templates = settings.replyTemplates;
  // opening the newest page is reading it
  if (before === undefined && registrant.unreadSince !== null)
    await markConversationRead(scope, id);
  const base = `/dashboard/registrants/${encodeURIComponent(id)}`;
  return render(
    c,
    <Layout title={`${registrant.displayName} さんとのやりとり`} actor={actor} current="inbox">
      <PageHead
        title={
          <span data-testid="conversation-title">{registrant.displayName} さんとのやりとり</span>
        }
        aside={
          <a class="button button-quiet" href={base}>
            登録者のページへ
          </a>
        }
      />
      <ConversationView page={page} olderHref={`${base}/messages`} />
      <section class="card" aria-labelledby="reply-title">
        <h2 id="reply-title">LINE で返信</h2>
        <Notice kind="error" message={form.error} />
        <Notice kind="success" message={c.req.query("sent") === "1" ? sentNotice : undefined} />
        <form method="post" action={`${base}/messages`} class="stack" data-testid="reply-form">
          <input type="hidden" name="clientKey" value={crypto.randomUUID()} />
          <label class="field">
            <span class="field-label">本人に送る文（やさしい日本語で）</span>
            <textarea
              name="text"
              rows={4}
              maxlength={maxReplyLength}
              required
              data-testid="reply-text"
            >
              {form.text ?? ""}
            </textarea>
          </label>
          {templates.length > 0 ? (
            <label class="field">
              <span class="field-label">または テンプレートから（本文が空のときに送ります）</span>
              <select name="template" data-testid="reply-template">
                <option value="">えらばない</option>
                {templates.map((template) => (
                  <option value={template}>{template}</option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="submit" class="button button-primary" data-testid="reply-send">
            送信する
          </button>
          <p class="muted small">LINE のメッセージ 1 通として送られ、月の送信数に数えます。</p>
        </form>
      </section>
    </Layout>,
    status,
  );
}

export function showConversationPage(c: Context<StaffEnv>) {
  return showConversation(c, {}, 200);
}

export const replyErrors: Partial<Record<AppError["code"], string>> = {
  unreachable:
    "この人には LINE で届きません（ブロック中か、まだ連携していません）。電話などで連絡してください。",
  push_budget: "今月の LINE 送信数の上限に達したため、送れません。電話などで連絡してください。",
  bad_request: `本文を ${maxReplyLength.toLocaleString("en")} 文字以内で入力してください。`,
};

export async function submitReply(c: Context<StaffEnv>) {
  const fields = await readForm(c);
  const id = c.req.param("id") ?? "";
  const { deps } = c.var;
  try {
    const sent = await sendStaffReply(
      c.var.scope,
      id,
      {
        // the typed words, or else the chosen template
        text: fields.text?.trim() ? fields.text : (fields.template ?? ""),
        clientKey: fields.clientKey || crypto.randomUUID(),
      },
      deps.config.pushBudgetPerMonth,
    );
    if (sent.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, sent.outbox));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = replyErrors[error.code];
    if (message === undefined) throw error;
    return showConversation(
      c,
      { error: message, text: fields.text },
      error.status === 400 ? 400 : 409,
    );
  }
  return c.redirect(`/dashboard/registrants/${encodeURIComponent(id)}/messages?sent=1`, 303);
}

export async function showInbox(c: Context<StaffEnv>) {
  const { scope, actor, deps } = c.var;
  const items = await readInbox(scope);
  const now = deps.clock();
  return render(
    c,
    <Layout title="受信箱" actor={actor} current="inbox" script>
      <PageHead
        title="受信箱"
        aside={
          <p class="muted" data-testid="inbox-count">
            未読 {items.length} 人・急ぎの案件がある人が先、その次に古い順
          </p>
        }
      />
      <FreshBanner since={deps.clock()} />
      {items.length === 0 ? (
        <section class="card empty" data-testid="inbox-empty">
          <p class="empty-title">未読のメッセージはありません。</p>
          <p class="muted">キューに入らなかったメッセージが届くと、ここに表示されます。</p>
        </section>
      ) : (
        <table class="table" data-testid="inbox">
          <thead>
            <tr>
              <th scope="col">登録者</th>
              <th scope="col">未読</th>
              <th scope="col">いちばん古い未読</th>
              <th scope="col">案件</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr data-testid="inbox-row">
                <td data-label="登録者">
                  <a
                    class="row-link"
                    href={`/dashboard/registrants/${encodeURIComponent(item.registrantId)}/messages`}
                    data-testid="inbox-person"
                  >
                    {item.displayName}
                  </a>
                </td>
                <td data-label="未読" data-testid="inbox-unread">
                  {item.unread} 件
                </td>
                <td data-label="いちばん古い未読">
                  {item.oldestUnreadAt === null ? "" : ago(item.oldestUnreadAt, now)}
                </td>
                <td data-label="案件">
                  {item.topSeverity === null ? (
                    <span class="muted">なし</span>
                  ) : (
                    <SeverityBadge severity={item.topSeverity} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>,
  );
}
