// Employers: the center's list with a create form; one employer's page is employer-detail.tsx.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import type { StaffEnv } from "../staff-env";
import { parseForm, text } from "./form";
import { Layout, Notice, PageHead } from "./layout";
import { render } from "./render";
import * as employers from "../employers";

const createSchema = z.object({ name: text("企業名", 100) });

export const employerPath = (id: string) => `/dashboard/employers/${encodeURIComponent(id)}`;

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
  const form = await parseForm(c, createSchema);
  if (!form.ok) return showList(c, { error: form.message, name: form.fields.name }, 400);
  const { id } = await employers.createEmployer(c.var.scope, form.data.name);
  return c.redirect(`${employerPath(id)}?done=created`, 303);
}
