// Free words from a registrant, read by the classifier: signals for staff, and the crisis reply
// to the very message that signals a risk to life.
import { classifyText } from "../escalation/classifier";
import type { CrisisContact } from "../escalation/crisis-contacts";
import { plain, withButtons } from "./buttons";
import type { Effect, FlowContext, OutMessage } from "./types";

/** What staff see of the words: enough to understand, never unbounded. */
const quoteLimit = 1_000;

export interface FreeTextReading {
  effects: Effect[];
  /** Set when the words signal a risk to life: the reply goes out with this very event. */
  crisisReply: OutMessage[] | null;
}

export function readFreeText(text: string, ctx: FlowContext): FreeTextReading {
  const { findings } = classifyText(text);
  const quote = text.length > quoteLimit ? `${text.slice(0, quoteLimit)}…` : text;
  const effects: Effect[] = findings.map((finding) => ({
    type: "signal",
    signal: {
      category: finding.category,
      severity: finding.severity,
      source: "message",
      evidence: { quote, phrases: finding.phrases },
    },
  }));
  const crisis = findings.some((finding) => finding.category === "crisis");
  return { effects, crisisReply: crisis ? crisisReply(ctx) : null };
}

/** Gentle and brief: they matter, a person has been told, and where to talk right now. */
export function crisisReply(ctx: FlowContext): OutMessage[] {
  const contacts: CrisisContact[] = ctx.crisis?.contacts ?? [];
  const lines = contacts.map((c) => `・${c.name}：${c.contact}${c.hours ? `（${c.hours}）` : ""}`);
  const centerPhone = ctx.crisis?.centerPhone;
  if (centerPhone) lines.unshift(`・センター：${centerPhone}（いま あいて います）`);
  return [
    plain(
      "おしえて くれて ありがとう。\nあなたは とても だいじな 人 です。\nしえんの 人に すぐ つたえました。",
    ),
    plain(`いま はなせる ところ：\n${lines.join("\n")}`),
    withButtons("いのちが あぶない ときは 119 に でんわ して ください。", [
      { label: "相談する", text: "相談する" },
    ]),
  ];
}
