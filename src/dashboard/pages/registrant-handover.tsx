// The handover card (引き継ぎ) on a registrant's page and its forms: needed or not, the receiving
// agency and what works for the person; the consent asked on LINE or recorded from paper; the
// packet (only with consent) and the record of giving it.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as z from "zod";
import { AppError, type ErrorReason } from "../../core/errors";
import { sendFresh } from "../../outbox/delivery";
import { dateKey } from "../../time/business-time";
import { isDateKey } from "../../time/dates";
import { formatDateTime } from "../../time/format";
import {
  recordPacketGiven,
  recordPaperConsent,
  requestHandoverConsent,
  saveHandover,
  type HandoverView,
} from "../handover";
import type { StaffEnv } from "../staff-env";
import { parseForm, text } from "./form";

/** What the card's forms did, for the page's success notice (?done=…). */
export const handoverDone: Record<string, string> = {
  handover: "引き継ぎを保存しました。",
  handover_asked: "LINE で引き継ぎの同意をたずねました。答えはこのカードに出ます。",
  handover_pending: "引き継ぎの同意をたずねて、答えを待っています。もう一度は送りませんでした。",
  handover_consent: "紙の同意を記録しました。",
  handover_given: "引き継ぎ資料を渡した記録を保存しました。",
};

export const consentLabels: Record<string, string> = {
  asked: "たずねて答えを待っています",
  given: "同意あり",
  declined: "同意なし（伝えない）",
};

const channelLabels: Record<string, string> = { line: "LINE", paper: "紙" };

export const handoverEventLabels: Record<string, string> = {
  marked: "引き継ぎが必要とした",
  unmarked: "引き継ぎは不要とした",
  agency: "引き継ぎ先・本人に合うやり方を記録",
  consent_asked: "LINE で同意をたずねた",
  consent_given: "同意を得た",
  consent_declined: "同意が得られなかった",
  packet_given: "引き継ぎ資料を渡した",
};

/** Whom the card needs to know about: reachable on LINE, support ended. */
export interface HandoverPerson {
  id: string;
  linked: boolean;
  reachable: boolean;
  status: string;
}

function ConsentLine(props: { handover: HandoverView }) {
  const { handover } = props;
  if (handover.consent === null) {
    return (
      <dd data-testid="handover-consent">
        <span class="muted">まだたずねていません</span>
      </dd>
    );
  }
  const how =
    handover.consentChannel === null
      ? ""
      : `（${channelLabels[handover.consentChannel] ?? handover.consentChannel}${
          handover.consentAt === null ? "" : `・${formatDateTime(handover.consentAt)}`
        }）`;
  return (
    <dd data-testid="handover-consent" data-consent={handover.consent}>
      {consentLabels[handover.consent] ?? handover.consent}
      {how}
    </dd>
  );
}

/** Why the LINE question cannot go now, or null when it can. */
function askBlocked(person: HandoverPerson, handover: HandoverView): string | null {
  if (!handover.needed) return "「引き継ぎが必要」にして保存すると、たずねられます。";
  if (handover.consent === "given") return null;
  if (person.status === "ended") return "支援が終了しているため、LINE ではたずねられません。";
  if (!person.linked) return "LINE と連携していないため、紙で同意を得てください。";
  if (!person.reachable) return "LINE でブロックされているため、紙で同意を得てください。";
  return null;
}

export function HandoverCard(props: { person: HandoverPerson; handover: HandoverView }) {
  const { person, handover } = props;
  const base = `/dashboard/registrants/${encodeURIComponent(person.id)}/handover`;
  const blocked = askBlocked(person, handover);
  const consented = handover.consent === "given";
  return (
    <section class="card" id="handover" aria-labelledby="handover-title" data-testid="handover">
      <h2 id="handover-title">引き継ぎ</h2>
      <dl class="pairs">
        <div class="pair">
          <dt>必要か</dt>
          <dd data-testid="handover-needed">
            {!handover.recorded ? (
              <span class="muted">未設定</span>
            ) : handover.needed ? (
              "期間の後も支援が必要"
            ) : (
              "不要"
            )}
          </dd>
        </div>
        <div class="pair">
          <dt>引き継ぎ先</dt>
          <dd data-testid="handover-agency">
            {handover.agency === "" ? <span class="muted">未定</span> : handover.agency}
          </dd>
        </div>
        <div class="pair">
          <dt>本人の同意</dt>
          <ConsentLine handover={handover} />
        </div>
        <div class="pair">
          <dt>資料を渡した</dt>
          <dd data-testid="handover-given">
            {handover.packetGivenAt === null ? (
              <span class="muted">未記録</span>
            ) : (
              `${formatDateTime(handover.packetGivenAt)}・${handover.packetGivenTo ?? ""}`
            )}
          </dd>
        </div>
      </dl>
      <details>
        <summary data-testid="handover-edit">引き継ぎ先と本人に合うやり方</summary>
        <form method="post" action={base} class="stack" data-testid="handover-form">
          <label class="field field-inline">
            <input type="checkbox" name="needed" value="1" checked={handover.needed} />
            <span>支援期間の後も支援が必要（引き継ぐ）</span>
          </label>
          <label class="field">
            <span class="field-label">引き継ぎ先（次の支援機関）</span>
            <input type="text" name="agency" value={handover.agency} maxlength={100} />
            <span class="field-help">
              引き継ぎ先を変えると、同意は取り直しになります（同意は相手先ごとです）。
            </span>
          </label>
          <label class="field">
            <span class="field-label">本人に合うやり方（資料に載ります）</span>
            <textarea name="whatWorks" rows={4} maxlength={2000}>
              {handover.whatWorks}
            </textarea>
          </label>
          <button type="submit" class="button button-primary" data-testid="handover-save">
            保存する
          </button>
        </form>
      </details>
      {handover.needed && !consented ? (
        <div class="stack">
          {handover.consent === "asked" ? (
            <p class="small" data-testid="handover-pending">
              LINE でたずねて、答えを待っています。
            </p>
          ) : blocked === null ? (
            <form method="post" action={`${base}/consent-request`} data-testid="handover-ask-form">
              <button type="submit" class="button" data-testid="handover-ask">
                LINEで同意をたずねる
              </button>
            </form>
          ) : (
            <p class="muted small" data-testid="handover-ask-blocked">
              {blocked}
            </p>
          )}
        </div>
      ) : null}
      {handover.needed ? (
        <details>
          <summary data-testid="handover-paper">紙の同意を記録</summary>
          <form
            method="post"
            action={`${base}/consent`}
            class="stack"
            data-testid="handover-paper-form"
          >
            <div class="choices">
              <label>
                <input type="radio" name="decision" value="given" required /> 同意を得た
              </label>
              <label>
                <input type="radio" name="decision" value="declined" /> 同意が得られなかった
              </label>
            </div>
            <button type="submit" class="button" data-testid="handover-paper-save">
              紙の同意を記録
            </button>
          </form>
        </details>
      ) : null}
      {consented ? (
        <div class="stack">
          <p>
            <a
              class="button button-quiet"
              href={`${base}/packet`}
              target="_blank"
              data-testid="handover-packet-link"
            >
              引き継ぎ資料を開く（印刷用）
            </a>
          </p>
          <form
            method="post"
            action={`${base}/given`}
            class="stack"
            data-testid="handover-given-form"
          >
            <label class="field">
              <span class="field-label">渡した相手（機関・担当者）</span>
              <input type="text" name="to" value={handover.agency} maxlength={200} required />
            </label>
            <label class="field">
              <span class="field-label">渡した日（空欄なら今日）</span>
              <input type="date" name="on" />
            </label>
            <button type="submit" class="button" data-testid="handover-given-save">
              渡した記録
            </button>
          </form>
        </div>
      ) : null}
      {handover.events.length === 0 ? null : (
        <details>
          <summary>記録（{handover.events.length} 件）</summary>
          <ol class="small" data-testid="handover-events">
            {handover.events.map((event) => (
              <li>
                {formatDateTime(event.at)}・{handoverEventLabels[event.kind] ?? event.kind}
                {event.staffId === null ? "（本人が LINE で回答）" : ""}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

const forms = {
  save: z.object({
    needed: z.literal("1").optional(),
    agency: z
      .string()
      .trim()
      .max(100, { error: "引き継ぎ先は 100 文字までで入力してください。" })
      .default(""),
    whatWorks: z
      .string()
      .trim()
      .max(2000, { error: "本人に合うやり方は 2000 文字までで入力してください。" })
      .default(""),
  }),
  paper: z.object({
    decision: z.enum(["given", "declined"], {
      error: "同意を得たか、得られなかったかを選んでください。",
    }),
  }),
  given: z.object({
    to: text("渡した相手", 200),
    on: z
      .string()
      .trim()
      .optional()
      .refine((value) => !value || isDateKey(value), {
        message: "渡した日は 2026-04-01 のような、ある日付で入力してください。",
      }),
  }),
};

const refusals: Partial<Record<ErrorReason, string>> = {
  handover_not_needed: "先に「引き継ぎが必要」にして保存してください。",
  already_consented: "本人はもう同意しています。",
  support_ended: "支援が終了しているため、LINE ではたずねられません。紙で同意を得てください。",
  not_linked: "LINE と連携していないため、たずねられません。紙で同意を得てください。",
  unreachable: "LINE でブロックされているため、たずねられません。紙で同意を得てください。",
  push_budget: "今月の LINE の送信上限に達しました。紙で同意を得るか、来月たずねてください。",
  not_consented: "本人の同意がないため、この操作はできません。",
  time_in_future: "渡した日に、未来の日は入れられません。",
  before_registration: "渡した日が、登録より前になっています。",
};

export type HandoverAction = "save" | "ask" | "paper" | "given";

/**
 * One of the card's forms: the change, then back to the page (303); a refusal shows the page
 * with why, through `show` (the registrant page's own renderer).
 */
export async function submitHandover(
  c: Context<StaffEnv>,
  action: HandoverAction,
  show: (error: string, status: ContentfulStatusCode) => Promise<Response>,
): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const { scope } = c.var;
  let done: string;
  try {
    switch (action) {
      case "save": {
        const form = await parseForm(c, forms.save);
        if (!form.ok) return await show(form.message, 400);
        await saveHandover(scope, id, {
          needed: form.data.needed === "1",
          agency: form.data.agency,
          whatWorks: form.data.whatWorks,
        });
        done = "handover";
        break;
      }
      case "ask": {
        const { deps } = c.var;
        const asked = await requestHandoverConsent(scope, id, deps.config.pushBudgetPerMonth);
        if (asked.outbox.length > 0) c.executionCtx.waitUntil(sendFresh(deps, asked.outbox));
        done = asked.sent ? "handover_asked" : "handover_pending";
        break;
      }
      case "paper": {
        const form = await parseForm(c, forms.paper);
        if (!form.ok) return await show(form.message, 400);
        await recordPaperConsent(scope, id, { decision: form.data.decision, channel: "paper" });
        done = "handover_consent";
        break;
      }
      case "given": {
        const form = await parseForm(c, forms.given);
        if (!form.ok) return await show(form.message, 400);
        const on = form.data.on ?? "";
        // a past day counts from its noon; today is now (a later hour would be in the future)
        const at = on === "" || on === dateKey(scope.clock()) ? undefined : `${on}T12:00:00+09:00`;
        await recordPacketGiven(scope, id, { to: form.data.to, ...(at ? { at } : {}) });
        done = "handover_given";
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "not_found") throw error;
    const words = error.reason === undefined ? undefined : refusals[error.reason];
    return show(words ?? "この操作はできません。", error.status);
  }
  return c.redirect(`/dashboard/registrants/${encodeURIComponent(id)}?done=${done}#handover`, 303);
}
