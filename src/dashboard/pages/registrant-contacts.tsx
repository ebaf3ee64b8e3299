// 支援記録 on the registrant page: this month's contacts and visits, and a form that records a
// face-to-face meeting now in one tap (kind, with whom, when and how long are already filled in).
import type { Context } from "hono";
import * as z from "zod";
import { AppError, type ErrorReason } from "../../core/errors";
import { recordContact, type contactJson } from "../contacts";
import { formatMinute, tokyoParts } from "../../time/calendar";
import { formatDateTime } from "../../time/format";
import { contactKinds, contactParties } from "../../vocabulary/kinds";
import type { StaffEnv } from "../staff-env";
import { parseForm } from "./form";
import { contactKindLabels, contactPartyLabels, label } from "./labels";

type Contact = ReturnType<typeof contactJson>;

/** "2026-12-03T18:30", Japan time, for a datetime-local field. */
function localInput(ms: number): string {
  const { year, month, day, minute } = tokyoParts(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)}T${formatMinute(minute)}`;
}

export function ContactsCard(props: {
  registrantId: string;
  contacts: Contact[];
  now: number;
  escalationId?: string | undefined;
}) {
  const { contacts, now } = props;
  const path = `/dashboard/registrants/${encodeURIComponent(props.registrantId)}/contacts`;
  return (
    <section class="card" id="contacts" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">支援記録（今月）</h2>
      {contacts.length === 0 ? (
        <p class="muted" data-testid="contacts-empty">
          今月の面談・連絡の記録はまだありません。LINE のやりとりは支援記録に数えません。
        </p>
      ) : (
        <ol class="contact-list" data-testid="contacts">
          {contacts.map((contact) => (
            <li data-testid="contact">
              <strong>{label(contactKindLabels, contact.kind)}</strong>{" "}
              <span class="muted">
                {contact.with.map((party) => label(contactPartyLabels, party)).join("・")}・
                {formatDateTime(contact.at)}・{contact.minutes}分
                {contact.version > 1 ? `・改訂 ${contact.version - 1}` : ""}
              </span>
              {contact.note === "" ? null : <p class="prewrap">{contact.note}</p>}
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={path} class="stack" data-testid="contact-form">
        {props.escalationId === undefined ? null : (
          <input type="hidden" name="escalationId" value={props.escalationId} />
        )}
        <fieldset class="field">
          <legend class="field-label">種類</legend>
          <div class="choices">
            {contactKinds.map((kind) => (
              <label class="choice">
                <input type="radio" name="kind" value={kind} checked={kind === "face_to_face"} />{" "}
                {label(contactKindLabels, kind)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="field">
          <legend class="field-label">相手</legend>
          <div class="choices">
            {contactParties.map((party) => (
              <label class="choice">
                <input type="radio" name="with" value={party} checked={party === "person"} />{" "}
                {label(contactPartyLabels, party)}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="field-row">
          <label class="field">
            <span class="field-label">日時</span>
            <input type="datetime-local" name="at" value={localInput(now)} required />
          </label>
          <label class="field">
            <span class="field-label">時間（分）</span>
            <input type="number" name="minutes" value="30" min="1" max="1440" required />
          </label>
        </div>
        <label class="field">
          <span class="field-label">メモ（短く）</span>
          <textarea name="note" rows={2} maxlength={2000} />
        </label>
        <button type="submit" class="button button-primary" data-testid="contact-save">
          記録する
        </button>
      </form>
    </section>
  );
}

const formSchema = z.object({
  kind: z.enum(contactKinds, { error: "種類を選んでください。" }),
  with: z.enum(contactParties, { error: "相手を選んでください。" }),
  at: z
    .string({ error: "日時を入力してください。" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "日時を正しく入力してください。" }),
  minutes: z
    .string({ error: "時間（分）を入力してください。" })
    .regex(/^\d{1,4}$/, { error: "時間は 1〜1440 分で入力してください。" })
    .transform(Number)
    .refine((minutes) => minutes >= 1 && minutes <= 1440, {
      error: "時間は 1〜1440 分で入力してください。",
    }),
  note: z.string().max(2000, { error: "メモは 2000 文字までです。" }).default(""),
  escalationId: z.string().max(64).optional(),
});

/** The refusals, by the reason the domain gave, in the words staff read. */
const refusals: Partial<Record<ErrorReason, string>> = {
  time_in_future: "まだ来ていない日時は記録できません。",
  before_registration: "登録より前の日時は記録できません。",
  not_their_escalation: "この人の案件ではありません。",
};

/**
 * Records a contact from the page and goes back to it; a refusal shows the page with why. The
 * page itself (with its read audited) is drawn by the registrant page's handler, passed in.
 */
export async function submitContact(
  c: Context<StaffEnv>,
  showPage: (error: string, status: 400) => Promise<Response>,
) {
  const id = c.req.param("id") ?? "";
  const form = await parseForm(c, formSchema);
  if (!form.ok) return showPage(form.message, 400);
  const { at, escalationId, ...rest } = form.data;
  try {
    await recordContact(c.var.scope, id, {
      ...rest,
      with: [rest.with],
      at: `${at}:00+09:00`,
      escalationId: escalationId === undefined || escalationId === "" ? null : escalationId,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request") {
      const words = error.reason === undefined ? undefined : refusals[error.reason];
      return showPage(words ?? "入力を確認してください。", 400);
    }
    throw error;
  }
  return c.redirect(`/dashboard/registrants/${encodeURIComponent(id)}?done=contact#contacts`, 303);
}
