// /dashboard/password: a staff member changes their own password (other logins end).
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { AppError } from "../../core/errors";
import { changePassword, clientAddress } from "../auth";
import type { StaffEnv } from "../staff-env";
import { parseForm } from "./form";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";

const minLength = 12;
const changeSchema = z
  .object({
    currentPassword: z
      .string({ error: "今のパスワードを入力してください。" })
      .min(1, { error: "今のパスワードを入力してください。" })
      .max(1024, { error: "パスワードが長すぎます。" }),
    newPassword: z
      .string({ error: "新しいパスワードを入力してください。" })
      .min(minLength, { error: `新しいパスワードは${minLength}文字以上にしてください。` })
      .max(1024, { error: "パスワードが長すぎます。" }),
    confirmPassword: z.string({ error: "新しいパスワードをもう一度入力してください。" }),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    error: "新しいパスワードが、確認用と一致しません。",
  });

function showForm(
  c: Context<StaffEnv>,
  notice: { error?: string; done?: boolean },
  status: ContentfulStatusCode,
) {
  return render(
    c,
    <Layout title="パスワード" actor={c.var.actor} current="password">
      <PageHead title="パスワードの変更" />
      <section class="card narrow-card">
        <Notice kind="error" message={notice.error} />
        <Notice kind="success" message={notice.done ? "パスワードを変更しました。" : undefined} />
        <form method="post" action="/dashboard/password" class="stack">
          <label class="field">
            <span class="field-label">今のパスワード</span>
            <input
              type="password"
              name="currentPassword"
              autocomplete="current-password"
              maxlength={1024}
              required
            />
          </label>
          <label class="field">
            <span class="field-label">新しいパスワード</span>
            <span class="field-help">
              {minLength}文字以上。ほかのサービスと同じものは避けてください。
            </span>
            <input
              type="password"
              name="newPassword"
              autocomplete="new-password"
              minlength={minLength}
              maxlength={1024}
              required
            />
          </label>
          <label class="field">
            <span class="field-label">新しいパスワード（確認）</span>
            <input
              type="password"
              name="confirmPassword"
              autocomplete="new-password"
              minlength={minLength}
              maxlength={1024}
              required
            />
          </label>
          <button type="submit" class="button button-primary">
            変更する
          </button>
        </form>
        <p class="muted small">変更すると、ほかの端末でのログインは終了します。</p>
      </section>
    </Layout>,
    status,
  );
}

export function showPassword(c: Context<StaffEnv>) {
  return showForm(c, { done: c.req.query("done") === "1" }, 200);
}

export async function submitPassword(c: Context<StaffEnv>) {
  const form = await parseForm(c, changeSchema);
  if (!form.ok) return showForm(c, { error: form.message }, 400);
  const { deps, actor, sessionToken } = c.var;
  try {
    await changePassword(
      deps.store,
      actor,
      sessionToken,
      { ...form.data, client: clientAddress(c) },
      deps.clock(),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") {
      return showForm(c, { error: "今のパスワードが違います。" }, 403);
    }
    if (error instanceof AppError && error.code === "too_many_requests") {
      return showForm(
        c,
        {
          error:
            "パスワードの入力が続けて違ったため、しばらく受け付けません。数分後にもう一度お試しください。",
        },
        429,
      );
    }
    throw error;
  }
  return c.redirect("/dashboard/password?done=1", 303);
}
