// One escalation: what happened, the evidence as stored, its timeline, and the four actions (PRG).
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { AppError } from "../../core/errors";
import type { StaffEnv } from "../staff-env";
import { Deadline, SeverityBadge, StatusBadge } from "./badges";
import { Evidence, Timeline } from "./escalation-evidence";
import { parseForm, text } from "./form";
import { categoryLabel, label, sourceLabels } from "./labels";
import { Layout, Notice } from "./layout";
import { render } from "./render";
import { formatDateTime } from "../../time/format";
import { acknowledge, addNote, assign, getEscalation, resolve } from "../escalations";
import { listStaff } from "../staff-admin";

type Detail = Awaited<ReturnType<typeof getEscalation>>;
type StaffMember = Awaited<ReturnType<typeof listStaff>>[number];

const noteMax = 2000;
const schemas = {
  assign: z.object({
    staffId: z
      .string({ error: "担当者を選んでください。" })
      .min(1, { error: "担当者を選んでください。" })
      .max(64, { error: "担当者を一覧から選んでください。" }),
  }),
  note: z.object({ text: text("メモ", noteMax) }),
  resolve: z.object({ note: text("解決のメモ", noteMax) }),
};

const done: Record<string, string> = {
  acknowledged: "確認済みにしました。",
  assigned: "担当を決めました。",
  note: "メモを追加しました。",
  resolved: "解決済みにしました。",
};

interface FormState {
  error?: string | undefined;
  note?: string | undefined;
  resolveNote?: string | undefined;
}

function Actions(props: { escalation: Detail; staff: StaffMember[]; form: FormState }) {
  const { escalation, staff, form } = props;
  const base = `/dashboard/escalations/${encodeURIComponent(escalation.id)}`;
  return (
    <section class="card actions" aria-labelledby="actions-title" data-testid="actions">
      <h2 id="actions-title">対応</h2>
      {escalation.status === "open" ? (
        <form method="post" action={`${base}/acknowledge`} class="action">
          <p class="muted small">内容を確認したら押してください。期限の通知が止まります。</p>
          <button type="submit" class="button button-primary" data-testid="acknowledge">
            確認した
          </button>
        </form>
      ) : null}
      <form method="post" action={`${base}/assign`} class="action">
        <label class="field">
          <span class="field-label">担当を決める</span>
          <div class="field-row">
            <select name="staffId" required data-testid="assign-select">
              <option value="">選んでください</option>
              {staff.map((member) => (
                <option value={member.id} selected={member.id === escalation.assignedTo}>
                  {member.displayName}
                </option>
              ))}
            </select>
            <button type="submit" class="button" data-testid="assign">
              担当を決める
            </button>
          </div>
        </label>
      </form>
      <form method="post" action={`${base}/notes`} class="action">
        <label class="field">
          <span class="field-label">メモ</span>
          <textarea name="text" rows={3} maxlength={noteMax} required data-testid="note-text">
            {form.note ?? ""}
          </textarea>
        </label>
        <button type="submit" class="button" data-testid="add-note">
          メモを追加
        </button>
      </form>
      <form method="post" action={`${base}/resolve`} class="action">
        <label class="field">
          <span class="field-label">解決</span>
          <span class="field-help">どう対応して解決したかを書いてください（必須）。</span>
          <textarea name="note" rows={3} maxlength={noteMax} required data-testid="resolve-note">
            {form.resolveNote ?? ""}
          </textarea>
        </label>
        <button type="submit" class="button button-danger" data-testid="resolve">
          解決にする
        </button>
      </form>
    </section>
  );
}

async function showDetail(c: Context<StaffEnv>, form: FormState, status: ContentfulStatusCode) {
  const { scope, actor } = c.var;
  const id = c.req.param("id") ?? "";
  const [escalation, staff] = await Promise.all([getEscalation(scope, id), listStaff(scope)]);
  const assignee = staff.find((member) => member.id === escalation.assignedTo);
  const now = c.var.deps.clock();
  const flash = done[c.req.query("done") ?? ""];
  return render(
    c,
    <Layout
      title={`${categoryLabel(escalation.category)}・${escalation.registrantName}`}
      actor={actor}
      current="queue"
    >
      <p class="crumbs">
        <a href="/dashboard">← キューへ戻る</a>
      </p>
      <Notice kind="error" message={form.error} />
      <Notice kind="success" message={form.error ? undefined : flash} />
      <div class="detail">
        <div class="detail-main">
          <section class="card">
            <div class="detail-badges">
              <SeverityBadge severity={escalation.severity} />
              <StatusBadge status={escalation.status} />
              <span class="chip">{categoryLabel(escalation.category)}</span>
            </div>
            <h1 class="detail-summary" data-testid="summary">
              {escalation.summary}
            </h1>
            <dl class="pairs pairs-grid">
              <div class="pair">
                <dt>登録者</dt>
                <dd>
                  <a
                    href={`/dashboard/registrants/${encodeURIComponent(escalation.registrantId)}`}
                    data-testid="registrant-link"
                  >
                    {escalation.registrantName}
                  </a>
                </dd>
              </div>
              <div class="pair">
                <dt>発生元</dt>
                <dd>{label(sourceLabels, escalation.source)}</dd>
              </div>
              <div class="pair">
                <dt>発生</dt>
                <dd>{formatDateTime(escalation.openedAt)}</dd>
              </div>
              <div class="pair">
                <dt>確認期限</dt>
                <dd>
                  <Deadline
                    ackDueAt={escalation.ackDueAt}
                    status={escalation.status}
                    now={now}
                    level={escalation.level}
                  />
                </dd>
              </div>
              <div class="pair">
                <dt>確認</dt>
                <dd>
                  {escalation.acknowledgedAt === null
                    ? "まだ"
                    : formatDateTime(escalation.acknowledgedAt)}
                </dd>
              </div>
              <div class="pair">
                <dt>担当</dt>
                <dd data-testid="assignee">{assignee?.displayName ?? "未定"}</dd>
              </div>
              {escalation.resolvedAt === null ? null : (
                <div class="pair">
                  <dt>解決</dt>
                  <dd>{formatDateTime(escalation.resolvedAt)}</dd>
                </div>
              )}
            </dl>
          </section>
          <section class="card">
            <h2>根拠</h2>
            <Evidence items={escalation.evidence} />
          </section>
          <section class="card">
            <h2>経過</h2>
            <Timeline events={escalation.timeline} />
          </section>
        </div>
        <div class="detail-side">
          {escalation.status === "resolved" ? (
            <section class="card" data-testid="resolved-note">
              <h2>対応</h2>
              <p>この案件は解決済みです。</p>
            </section>
          ) : (
            <Actions escalation={escalation} staff={staff} form={form} />
          )}
        </div>
      </div>
    </Layout>,
    status,
  );
}

export function showEscalation(c: Context<StaffEnv>) {
  return showDetail(c, {}, 200);
}

/** Runs one change and goes back to the page; a refused change shows the page with why. */
async function act(
  c: Context<StaffEnv>,
  change: (id: string) => Promise<unknown>,
  doneKey: string,
  form: FormState = {},
  messages: Partial<Record<AppError["code"], string>> = {},
) {
  const id = c.req.param("id") ?? "";
  try {
    await change(id);
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "not_found") throw error;
    const message =
      messages[error.code] ??
      (error.reason === "already_resolved"
        ? "この案件はすでに解決済みです。"
        : "入力を確認してください。");
    return showDetail(c, { ...form, error: message }, error.status);
  }
  return c.redirect(`/dashboard/escalations/${encodeURIComponent(id)}?done=${doneKey}`, 303);
}

export function acknowledgeEscalation(c: Context<StaffEnv>) {
  return act(c, (id) => acknowledge(c.var.scope, id), "acknowledged");
}

export async function assignEscalation(c: Context<StaffEnv>) {
  const form = await parseForm(c, schemas.assign);
  if (!form.ok) return showDetail(c, { error: form.message }, 400);
  return act(
    c,
    (id) => assign(c.var.scope, id, form.data.staffId),
    "assigned",
    {},
    {
      bad_request: "担当者を一覧から選んでください。",
    },
  );
}

export async function addEscalationNote(c: Context<StaffEnv>) {
  const form = await parseForm(c, schemas.note);
  if (!form.ok) return showDetail(c, { error: form.message, note: form.fields.text }, 400);
  return act(c, (id) => addNote(c.var.scope, id, form.data.text), "note", { note: form.data.text });
}

export async function resolveEscalation(c: Context<StaffEnv>) {
  const form = await parseForm(c, schemas.resolve);
  if (!form.ok) {
    return showDetail(c, { error: form.message, resolveNote: form.fields.note }, 400);
  }
  return act(c, (id) => resolve(c.var.scope, id, form.data.note), "resolved", {
    resolveNote: form.data.note,
  });
}
