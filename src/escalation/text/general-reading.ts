// The readings that hold for every phrase table, tried in order, and the everyday word made small.
import type { Category } from "../../vocabulary/categories";
import { general } from "./general-patterns";
import type { CompiledRule, Outcome } from "./rules";
import { bystander, kindlySaidToMe, kindWords, someoneElses, theirsLightly } from "./someone-elses";
import { lifeCategories, type Surroundings } from "./surroundings";
import { onStage, takenBackLater, toldAsOver } from "./told-readings";

/**
 * 「寝不足だっただけ」「ただの腰痛」「病院もちゃんと行ってる」「電気止められた思たら、
 * ブレーカー落ちただけ」: an everyday word made small or mistaken.
 */
function madeSmall(
  category: Category,
  { lead, after, preceding, phrase, following }: Surroundings,
): boolean {
  if (
    (category === "family" || category === "health") &&
    general.wentWell.test(preceding.slice(-48) + phrase + following.slice(0, 32)) &&
    !general.notOver.test(following.slice(0, 48))
  ) {
    return true;
  }
  // 「大したことなかったみたいやけど」「フィクションやけど」: 「けど」, not a burn.
  if (phrase === "やけど" && general.butBefore.test(lead) && /^(?:$|[。、ねなよさ])/u.test(after)) {
    return true;
  }
  return (
    (general.doneWith.test(after) &&
      !general.notOver.test(following.slice(0, 48)) &&
      !general.butStill.test(after)) ||
    // 「ごめん まちがえて おくった」「すみません、間違えました」: a message sent by mistake.
    general.sentByMistake.test(phrase + after) ||
    (general.apologyOnly.test(preceding) && general.mistakeOnly.test(phrase + following)) ||
    // 「さっきの電話まちがえた！用事ないです」
    (general.callByMistake.test(lead) && general.noBusiness.test(following)) ||
    // 「不安なだけ」 is still a feeling.
    (category !== "mood" && general.justThat.test(after)) ||
    general.merely.test(lead) ||
    general.keptUp.test(after) ||
    (general.routine.test(phrase) && general.keptOn.test(after)) ||
    general.mistaken.test(after)
  );
}

/**
 * 「診察おわり〜 帰りにパン屋よる」「明日は病院の日」「主治医に褒められた」: a visit to care named
 * in passing, in a message with no trouble in it.
 */
function lightRoutine(rule: CompiledRule, { phrase, preceding, following }: Surroundings): boolean {
  return (
    rule.severity === "low" &&
    general.routineOnly.test(phrase) &&
    general.goodDay.test(preceding + phrase + following) &&
    !general.troubled.test(preceding + phrase + following)
  );
}

/**
 * What a reading that holds for every table makes of the phrase here: nothing (null), someone
 * else's danger, or undefined when none applies and the phrase's own rule decides.
 */
export function generalReading(rule: CompiledRule, around: Surroundings): Outcome | undefined {
  const life = lifeCategories.has(rule.category);
  if (
    // 「ぶっころされるかと思った笑」; said in earnest, a fright of violence is still one.
    (general.figureOfFright.test(around.after) && (!life || /[笑w草]/u.test(around.after))) ||
    toldAsOver(life, around) ||
    takenBackLater(around) ||
    onStage(life, around) ||
    (!life && (bystander(rule.category, around) || madeSmall(rule.category, around)))
  ) {
    return null;
  }
  if (
    lightRoutine(rule, around) ||
    (!life && (kindWords(around) || (rule.severity === "low" && general.treat.test(around.after))))
  ) {
    return null;
  }
  if (rule.category === "crisis") {
    // 「最後に「ありがとう」って言われた」: kind words said to the person, not their own.
    if (!rule.harmToOthers && kindlySaidToMe(around)) return null;
    return theirsLightly(rule, around) ? null : undefined;
  }
  return someoneElses(rule.category, around);
}
