// Supervisors' staff page: the center's staff and a form that creates an account (password shown once).
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { AppError, type ErrorReason } from "../../core/errors";
import { staffRoles } from "../../vocabulary/kinds";
import type { StaffEnv } from "../staff-env";
import { parseForm, text } from "./form";
import { label, roleLabels } from "./labels";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";
import { formatDateTime } from "../../time/format";
import {
  changeStaffRole,
  deactivateStaff,
  reactivateStaff,
  resetStaffPassword,
} from "../staff-admin";
import { caseloadsOf } from "../../store/registrants";
import { contactsByAuthor } from "../../store/contacts";
import { findCenter } from "../../store/staff";
import { monthKey, monthSpan } from "../../time/calendar";
import { createStaff, listStaff } from "../staff-admin";

const createSchema = z.object({
  email: z
    .string({ error: "メールアドレスを入力してください。" })
    .trim()
    .toLowerCase()
    .min(1, { error: "メールアドレスを入力してください。" })
    .max(254, { error: "メールアドレスが長すぎます。" })
    .pipe(z.email({ error: "メールアドレスの形が正しくありません。" })),
  displayName: text("名前", 60),
  role: z.enum(staffRoles, { error: "役割を選んでください。" }),
});

interface Typed {
  email?: string | undefined;
  displayName?: string | undefined;
  role?: string | undefined;
}

async function showStaff(
  c: Context<StaffEnv>,
  form: { error?: string | undefined; done?: string | undefined; typed?: Typed },
  status: ContentfulStatusCode,
) {
  const { scope, actor, deps } = c.var;
  const month = monthSpan(monthKey(deps.clock()));
  const [staff, caseloads, center, contacts] = await Promise.all([
    listStaff(scope),
    caseloadsOf(deps.store.db, actor.centerId),
    findCenter(deps.store.db, actor.centerId),
    month === null
      ? new Map<string, number>()
      : contactsByAuthor(deps.store.db, actor.centerId, month.from, month.to),
  ]);
  const limit = center?.caseloadLimit ?? 40;
  const typed = form.typed ?? {};
  return render(
    c,
    <Layout title="職員" actor={actor} current="staff">
      <PageHead title="職員" aside={<p class="muted">{staff.length} 人</p>} />
      <section class="card">
        <h2>職員を追加</h2>
        <Notice kind="error" message={form.error} />
        <Notice kind="success" message={form.done} />
        <form method="post" action="/dashboard/staff" class="grid-form">
          <label class="field">
            <span class="field-label">名前</span>
            <input
              type="text"
              name="displayName"
              value={typed.displayName ?? ""}
              maxlength={60}
              required
              autocomplete="off"
              data-testid="staff-name"
            />
          </label>
          <label class="field">
            <span class="field-label">メールアドレス</span>
            <input
              type="email"
              name="email"
              value={typed.email ?? ""}
              maxlength={254}
              required
              autocomplete="off"
              data-testid="staff-email"
            />
          </label>
          <label class="field">
            <span class="field-label">役割</span>
            <select name="role" data-testid="staff-role">
              {staffRoles.map((role) => (
                <option value={role} selected={role === (typed.role ?? "caseworker")}>
                  {label(roleLabels, role)}
                </option>
              ))}
            </select>
          </label>
          <div class="grid-form-submit">
            <button type="submit" class="button button-primary" data-testid="staff-create">
              追加する
            </button>
          </div>
        </form>
        <p class="muted small">
          初期パスワードは自動で作られ、追加した直後に一度だけ表示されます。
        </p>
      </section>
      <table class="table" data-testid="staff">
        <thead>
          <tr>
            <th scope="col">名前</th>
            <th scope="col">メールアドレス</th>
            <th scope="col">役割</th>
            <th scope="col">担当（目安 {limit} 人）</th>
            <th scope="col">今月の支援記録</th>
            <th scope="col">状態</th>
            <th scope="col">追加日</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => {
            const base = `/dashboard/staff/${encodeURIComponent(member.id)}`;
            const self = member.id === actor.staffId;
            return (
              <tr data-testid="staff-row" class={member.active ? undefined : "muted"}>
                <td data-label="名前">{member.displayName}</td>
                <td data-label="メール">{member.email}</td>
                <td data-label="役割">{label(roleLabels, member.role)}</td>
                <td
                  data-label="担当"
                  data-testid="staff-caseload"
                  class={(caseloads.get(member.id) ?? 0) > limit ? "over-limit" : undefined}
                >
                  {caseloads.get(member.id) ?? 0} 人 / {limit}
                  {(caseloads.get(member.id) ?? 0) > limit ? "（超過）" : ""}
                </td>
                <td data-label="今月の支援記録" data-testid="staff-contacts">
                  {contacts.get(member.id) ?? 0} 件
                </td>
                <td data-label="状態" data-testid="staff-active">
                  {member.active ? "有効" : "無効"}
                </td>
                <td data-label="追加日">{formatDateTime(member.createdAt)}</td>
                <td data-label="操作" class="row-actions">
                  {self ? (
                    <span class="muted small">（自分）</span>
                  ) : (
                    <>
                      <form
                        method="post"
                        action={`${base}/${member.active ? "deactivate" : "reactivate"}`}
                        class="inline"
                      >
                        <button
                          type="submit"
                          class="button button-small"
                          data-testid={member.active ? "staff-deactivate" : "staff-reactivate"}
                        >
                          {member.active ? "無効にする" : "有効に戻す"}
                        </button>
                      </form>
                      <form method="post" action={`${base}/reset-password`} class="inline">
                        <button type="submit" class="button button-small" data-testid="staff-reset">
                          パスワード再発行
                        </button>
                      </form>
                      <form method="post" action={`${base}/role`} class="inline">
                        <input
                          type="hidden"
                          name="role"
                          value={member.role === "supervisor" ? "caseworker" : "supervisor"}
                        />
                        <button type="submit" class="button button-small button-quiet">
                          {member.role === "supervisor" ? "支援員にする" : "管理者にする"}
                        </button>
                      </form>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>,
    status,
  );
}

const doneMessages: Record<string, string> = {
  deactivate: "無効にしました。ログイン中の画面もすぐ使えなくなり、LINE通知も止まります。",
  reactivate: "有効に戻しました。",
  role: "役割を変更しました。",
};

export function showStaffPage(c: Context<StaffEnv>) {
  return showStaff(c, { done: doneMessages[c.req.query("done") ?? ""] }, 200);
}

const refusals: Partial<Record<ErrorReason, string>> = {
  own_account: "自分のアカウントは無効にできません。",
  last_supervisor: "有効な管理者が 1 人もいなくなるため、できません。",
};

/** Deactivate, reactivate or change a role; refusals come back on the page in words. */
async function act(c: Context<StaffEnv>, done: string, change: (id: string) => Promise<unknown>) {
  try {
    await change(c.req.param("id") ?? "");
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      const message = (error.reason && refusals[error.reason]) ?? "この操作はできません。";
      return showStaff(c, { error: message }, 409);
    }
    throw error;
  }
  return c.redirect(`/dashboard/staff?done=${done}`, 303);
}

export function deactivateStaffMember(c: Context<StaffEnv>) {
  return act(c, "deactivate", (id) => deactivateStaff(c.var.scope, id));
}

export function reactivateStaffMember(c: Context<StaffEnv>) {
  return act(c, "reactivate", (id) => reactivateStaff(c.var.scope, id));
}

export async function changeStaffMemberRole(c: Context<StaffEnv>) {
  const form = await parseForm(
    c,
    z.object({ role: z.enum(staffRoles, { error: "役割を選んでください。" }) }),
  );
  if (!form.ok) return showStaff(c, { error: form.message }, 400);
  const { role } = form.data;
  return act(c, "role", (id) => changeStaffRole(c.var.scope, id, role));
}

/** A new password, shown once, like a new account's. */
export async function resetStaffMemberPassword(c: Context<StaffEnv>) {
  const reset = await resetStaffPassword(c.var.scope, c.req.param("id") ?? "");
  const member = (await listStaff(c.var.scope)).find((item) => item.id === reset.id);
  return render(
    c,
    <Layout title="パスワードを再発行しました" actor={c.var.actor} current="staff">
      <section class="card code-card">
        <p class="notice notice-success" role="status">
          {member?.displayName ?? ""}{" "}
          さんのパスワードを再発行しました。ログイン中の画面は終了しました。
        </p>
        <dl class="pairs">
          <div class="pair">
            <dt>新しいパスワード</dt>
            <dd>
              <code class="secret" data-testid="staff-password">
                {reset.password}
              </code>
            </dd>
          </div>
        </dl>
        <p class="muted small">一度だけ表示されます。本人に安全な方法で伝えてください。</p>
        <p>
          <a class="button" href="/dashboard/staff">
            職員の一覧へ
          </a>
        </p>
      </section>
    </Layout>,
  );
}

export async function createStaffMember(c: Context<StaffEnv>) {
  const form = await parseForm(c, createSchema);
  if (!form.ok) return showStaff(c, { error: form.message, typed: form.fields }, 400);
  let created: { id: string; password: string };
  try {
    created = await createStaff(c.var.scope, form.data);
  } catch (error) {
    if (error instanceof AppError && error.reason === "email_taken") {
      // the same words whoever holds the address: nothing says it is another center's account
      const message = "このメールアドレスは使えません。別のアドレスで登録してください。";
      return showStaff(c, { error: message, typed: form.data }, 409);
    }
    throw error;
  }
  return render(
    c,
    <Layout title="職員を追加しました" actor={c.var.actor} current="staff">
      <section class="card code-card">
        <p class="notice notice-success" role="status">
          {form.data.displayName} さん（{label(roleLabels, form.data.role)}）を追加しました。
        </p>
        <dl class="pairs">
          <div class="pair">
            <dt>メールアドレス</dt>
            <dd>{form.data.email}</dd>
          </div>
          <div class="pair">
            <dt>初期パスワード</dt>
            <dd>
              <code class="secret" data-testid="staff-password">
                {created.password}
              </code>
            </dd>
          </div>
        </dl>
        <p class="muted small">
          このパスワードは一度だけ表示されます。本人に安全な方法で伝え、ログイン後に「パスワード」から変更してもらってください。
        </p>
        <p>
          <a class="button" href="/dashboard/staff">
            職員の一覧へ
          </a>
        </p>
      </section>
    </Layout>,
    201,
  );
}
