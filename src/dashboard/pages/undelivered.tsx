// Supervisors: messages that could not be sent, with whom and what, and the two ways to act.
import type { Context } from "hono";
import { listDeadLetters, markDeadLetterHandled, retryDeadLetter } from "../dead-letters";
import type { StaffEnv } from "../staff-env";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";
import { formatDateTime } from "../../time/format";

const purposeLabels: Record<string, string> = {
  crisis: "危機対応の返信",
  reply: "ボットの返信",
  alert: "職員への通知",
  checkin: "チェックイン",
  reminder: "チェックインのリマインド",
  pulse: "企業への月1回の確認",
  staff_reply: "職員からの返信",
  notice: "お知らせ",
  report: "支援レポート",
  message: "メッセージ",
};

const personLabels = {
  registrant: "登録者",
  employer_contact: "企業担当者",
  staff: "職員",
  registrants: "一斉送信",
};

const done: Record<string, string> = {
  retry: "もう一度送ります。送れなかったときは、またここに出ます。",
  handled: "対応済みにしました。",
};

export async function showUndelivered(c: Context<StaffEnv>) {
  const { scope, actor } = c.var;
  const letters = await listDeadLetters(scope);
  const open = letters.filter((letter) => letter.handledAt === null);
  return render(
    c,
    <Layout title="届かなかったメッセージ" actor={actor} current="undelivered">
      <PageHead
        title="届かなかったメッセージ"
        aside={<p class="muted">未対応 {open.length} 件</p>}
      />
      <Notice kind="success" message={done[c.req.query("done") ?? ""]} />
      {letters.length === 0 ? (
        <section class="card empty" data-testid="undelivered-empty">
          <p class="empty-title">届かなかったメッセージはありません。</p>
        </section>
      ) : (
        <table class="table" data-testid="undelivered">
          <thead>
            <tr>
              <th scope="col">種類</th>
              <th scope="col">相手</th>
              <th scope="col">作成</th>
              <th scope="col">理由</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => (
              <tr
                data-testid="undelivered-row"
                class={letter.purpose === "crisis" ? "row-urgent" : undefined}
              >
                <td data-label="種類" data-testid="undelivered-purpose">
                  {purposeLabels[letter.purpose] ?? letter.purpose}
                </td>
                <td data-label="相手">
                  {letter.person === null
                    ? ""
                    : `${letter.person.name}（${personLabels[letter.person.type]}）`}
                </td>
                <td data-label="作成">{formatDateTime(letter.createdAt)}</td>
                <td data-label="理由" class="prewrap">
                  {letter.error ?? ""}（{letter.attempts} 回）
                </td>
                <td data-label="操作" class="row-actions">
                  {letter.handledAt !== null ? (
                    <span class="muted">対応済み（{formatDateTime(letter.handledAt)}）</span>
                  ) : (
                    <>
                      <form
                        method="post"
                        action={`/dashboard/undelivered/${letter.id}/retry`}
                        class="inline"
                      >
                        <button
                          type="submit"
                          class="button button-small"
                          data-testid="undelivered-retry"
                        >
                          もう一度送る
                        </button>
                      </form>
                      <form
                        method="post"
                        action={`/dashboard/undelivered/${letter.id}/handled`}
                        class="inline"
                      >
                        <button
                          type="submit"
                          class="button button-small button-quiet"
                          data-testid="undelivered-handled"
                        >
                          対応済みにする（電話などで連絡した）
                        </button>
                      </form>
                    </>
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

const idOf = (c: Context<StaffEnv>) => {
  const text = c.req.param("id") ?? "";
  return /^\d{1,15}$/.test(text) ? Number(text) : -1;
};

export async function retryUndelivered(c: Context<StaffEnv>) {
  await retryDeadLetter(c.var.scope, idOf(c));
  return c.redirect("/dashboard/undelivered?done=retry", 303);
}

export async function handleUndelivered(c: Context<StaffEnv>) {
  await markDeadLetterHandled(c.var.scope, idOf(c));
  return c.redirect("/dashboard/undelivered?done=handled", 303);
}
