// /login and /logout: the form-based staff login, returning to the page that asked for it.
import type { Context } from "hono";
import * as z from "zod";
import { AppError } from "../../core/errors";
import { clientAddress, login, logout } from "../auth";
import { clearSessionCookie, setSessionCookie } from "../session-middleware";
import type { StaffEnv } from "../staff-env";
import { readForm } from "./form";
import { Document, Notice } from "./layout";
import { safeNextPath } from "./next-path";
import { render } from "./render";

const loginSchema = z.object({
  email: z
    .string({ error: "メールアドレスを入力してください。" })
    .trim()
    .min(1, { error: "メールアドレスを入力してください。" })
    .max(254, { error: "メールアドレスが長すぎます。" }),
  password: z
    .string({ error: "パスワードを入力してください。" })
    .min(1, { error: "パスワードを入力してください。" })
    .max(1024, { error: "パスワードが長すぎます。" }),
});

function LoginPage(props: { next: string; email?: string; error?: string | undefined }) {
  return (
    <Document title="ログイン" bodyClass="bare">
      <main class="login">
        <section class="card login-card">
          <p class="login-brand">つなぎ</p>
          <h1 class="login-title">支援員コンソールにログイン</h1>
          <Notice kind="error" message={props.error} />
          <form method="post" action="/login" class="stack">
            <input type="hidden" name="next" value={props.next} />
            <label class="field">
              <span class="field-label">メールアドレス</span>
              <input
                type="email"
                name="email"
                value={props.email ?? ""}
                autocomplete="username"
                maxlength={254}
                required
                autofocus
                data-testid="login-email"
              />
            </label>
            <label class="field">
              <span class="field-label">パスワード</span>
              <input
                type="password"
                name="password"
                autocomplete="current-password"
                maxlength={1024}
                required
                data-testid="login-password"
              />
            </label>
            <button
              type="submit"
              class="button button-primary button-block"
              data-testid="login-submit"
            >
              ログイン
            </button>
          </form>
          <p class="muted small">パスワードを忘れたときは、センターの管理者に連絡してください。</p>
        </section>
      </main>
    </Document>
  );
}

/** GET /login, for someone without a session (the gate sends the others on). */
export function showLogin(c: Context<StaffEnv>) {
  return render(c, <LoginPage next={safeNextPath(c.req.query("next"))} />);
}

/** GET /login with a live session: nothing to do but go where they were going. */
export function skipLogin(c: Context<StaffEnv>) {
  return c.redirect(safeNextPath(c.req.query("next")), 303);
}

export async function submitLogin(c: Context<StaffEnv>) {
  const form = await readForm(c);
  const next = safeNextPath(form.next);
  const email = (form.email ?? "").slice(0, 254);
  const parsed = loginSchema.safeParse(form);
  if (!parsed.success) {
    const error = parsed.error.issues[0]?.message;
    return render(c, <LoginPage next={next} email={email} error={error} />, 400);
  }
  const { deps } = c.var;
  try {
    const { token } = await login(
      deps.store,
      { ...parsed.data, client: clientAddress(c) },
      deps.clock(),
    );
    setSessionCookie(c, token);
    return c.redirect(next, 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "unauthorized") {
      const message = "メールアドレスかパスワードが違います。";
      return render(c, <LoginPage next={next} email={email} error={message} />, 401);
    }
    if (error.code === "too_many_requests") {
      const message =
        "ログインの失敗が続いたため、しばらくログインできません。5〜15分ほど待ってから、もう一度お試しください。";
      return render(c, <LoginPage next={next} email={email} error={message} />, 429);
    }
    throw error;
  }
}

export async function submitLogout(c: Context<StaffEnv>) {
  await logout(
    c.var.deps.store,
    c.var.sessionToken,
    c.var.actor,
    c.var.deps.clock(),
    clientAddress(c),
  );
  clearSessionCookie(c);
  return c.redirect("/login", 303);
}

/** Logging out without a live session (replayed, expired): nothing to destroy, same answer. */
export function logoutWithoutSession(c: Context<StaffEnv>) {
  clearSessionCookie(c);
  return c.redirect("/login", 303);
}
