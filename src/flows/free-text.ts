// Free words from a person, read by the classifier: signals for staff, and the crisis reply to the
// very message that signals a risk to life or body.
import type { Category } from "../vocabulary/categories";
import type { Danger, Finding } from "../escalation/classifier";
import { plain, talkButton, withButtons } from "../words/buttons";
import type { Effect, FlowContext } from "./types";
import type { OutMessage } from "../line/message";

/** What staff see of the words: enough to understand, never unbounded. */
const quoteLimit = 1_000;

/** Protecting life or body needs no consent (APPI art. 20 (2) ii, 27 (1) ii). */
const lifeCategories: ReadonlySet<Category> = new Set(["crisis", "abuse"]);

export interface FreeTextReading {
  effects: Effect[];
  /** Set when the words signal a risk to life or body: the reply goes out with this very event. */
  crisisReply: OutMessage[] | null;
}

/** Whose words these are: a registrant who consented, one who has not, or someone not linked yet. */
export type Writer = "consented" | "not-consented" | "guest";

/** The evidence staff see: the words, what the tables matched, what the model thought. */
function evidenceOf(quote: string, finding: Finding): Record<string, unknown> {
  return {
    quote,
    ...(finding.phrases.length > 0 ? { phrases: finding.phrases } : {}),
    ...(finding.model !== undefined ? { model: finding.model } : {}),
  };
}

export function readFreeText(text: string, ctx: FlowContext, writer: Writer): FreeTextReading {
  const classification = ctx.classifier.classify(text);
  const quote = text.length > quoteLimit ? `${text.slice(0, quoteLimit)}…` : text;
  // without consent nothing but a risk to life or body is read for staff; a guest has no staff yet
  const findings =
    writer === "guest"
      ? []
      : classification.findings.filter(
          (finding) => writer === "consented" || lifeCategories.has(finding.category),
        );
  const effects: Effect[] = findings.map((finding) => ({
    type: "signal",
    signal: {
      category: finding.category,
      severity: finding.severity,
      source: "message",
      evidence: evidenceOf(quote, finding),
    },
  }));
  const danger = classification.danger;
  if (danger === null) return { effects, crisisReply: null };
  effects.push({ type: "crisisReplied", danger });
  return { effects, crisisReply: crisisReply(ctx, danger, writer !== "guest") };
}

/** First words of each reply: they matter, and, when it is true, that a person has been told. */
const openings: Record<Danger, string> = {
  self: "おしえて くれて ありがとう。\nあなたは とても だいじな 人 です。",
  others:
    "おしえて くれて ありがとう。\nいま だれかを きずつけそうで こわい ときは、その ばしょから はなれて ください。\nひとりで かかえないで、いま だれかと はなして ください。",
  abuse: "おしえて くれて ありがとう。\nあなたは わるく ありません。",
};
const dangerNow: Record<Danger, string> = {
  self: "いのちが あぶない ときは 119 に でんわ して ください。",
  others: "だれかが いま あぶない ときは 110 に でんわ して ください。",
  abuse: "いま あぶない ときは 110 に でんわ して ください。",
};

/**
 * Gentle and brief: they matter, who has been told, where to talk right now, and the emergency
 * number. A person not linked yet is not told that staff know: nobody does.
 */
export function crisisReply(ctx: FlowContext, danger: Danger, staffTold: boolean): OutMessage[] {
  const contacts = ctx.crisis?.contacts ?? [];
  const lines = contacts.map((c) => `・${c.name}：${c.contact}${c.hours ? `（${c.hours}）` : ""}`);
  const centerPhone = ctx.crisis?.centerPhone;
  if (centerPhone) lines.unshift(`・センター：${centerPhone}（いま あいて います）`);
  const told = staffTold ? "\nしえんの 人に すぐ つたえました。" : "";
  return [
    plain(`${openings[danger]}${told}`),
    plain(`いま はなせる ところ：\n${lines.join("\n")}`),
    staffTold
      ? withButtons(dangerNow[danger], [talkButton])
      : withButtons(dangerNow[danger], [{ label: "ヘルプ", text: "ヘルプ" }]),
  ];
}
