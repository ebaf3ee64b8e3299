// Supervisors' staff page: the center's staff and a form that creates an account (password shown once).
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { AppError } from "../../errors";
import { staffRoles } from "../../store/schema";
import type { StaffEnv } from "../staff-env";
import { parseForm, text } from "./form";
import { label, roleLabels } from "./labels";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";
import { formatDateTime } from "./time";

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
  form: { error?: string; typed?: Typed },
  status: ContentfulStatusCode,
) {
  const { scope, actor } = c.var;
  const staff = await scope.listStaff();
  const typed = form.typed ?? {};
  return render(
    c,
    <Layout title="職員" actor={actor} current="staff">
      <PageHead title="職員" aside={<p class="muted">{staff.length} 人</p>} />
      <section class="card">
        <h2>職員を追加</h2>
        <Notice kind="error" message={form.error} />
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
            <th scope="col">追加日</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((member) => (
            <tr>
              <td data-label="名前">{member.displayName}</td>
              <td data-label="メール">{member.email}</td>
              <td data-label="役割">{label(roleLabels, member.role)}</td>
              <td data-label="追加日">{formatDateTime(member.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>,
    status,
  );
}

export function showStaffPage(c: Context<StaffEnv>) {
  return showStaff(c, {}, 200);
}

export async function createStaffMember(c: Context<StaffEnv>) {
  const form = await parseForm(c, createSchema);
  if (!form.ok) return showStaff(c, { error: form.message, typed: form.fields }, 400);
  let created: { id: string; password: string };
  try {
    created = await c.var.scope.createStaff(form.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      const message = "このメールアドレスはすでに使われています。";
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
