// Whose the phrase is: someone else's trouble, words or danger, and kind words said to the person.
import type { Category } from "../../vocabulary/categories";
import { general } from "./general-patterns";
import type { CompiledRule, Outcome } from "./rules";
import { lifeCategories, sentenceBefore, type Surroundings } from "./surroundings";

/** Categories of the person's own everyday trouble, which can as well be someone else's. */
const everydayCategories: ReadonlySet<Category> = new Set([
  "health",
  "absence",
  "unreachable",
  "quitting",
  "money",
  "sns",
  "housing",
  "medication",
  "work",
  "appearance",
  "mood",
  "other",
]);

/** What a subject undergoes rather than does to others: their health, absence, leaving. */
const stateCategories: ReadonlySet<Category> = new Set([
  "health",
  "absence",
  "unreachable",
  "quitting",
  "medication",
  "appearance",
]);

/** Someone else hurt now: the person may want help to help them, but it is not their own danger. */
const theirDanger: Outcome = { category: "other", severity: "normal" };

/**
 * 「店長 骨折」「同じホームの田村さん、入院しとった」「はんちょうがかちょうにおこられてた」
 * 「自殺した人の家族」「友達の話やけど、旦那にたたかれてたんやって」.
 */
export function someoneElses(category: Category, around: Surroundings): Outcome | undefined {
  const { lead, phrase, after, preceding, following } = around;
  const life = lifeCategories.has(category);
  // A word describing someone (「〜した人」): for a risk to life only what they did, not a wish.
  // 「ころしたいひとがいる」: the one the person wants to hurt is no one else's matter.
  const wish = /た(?:い|く)$/u.test(phrase);
  if (general.whoDid.test(after) || (!life && !wish && general.whoIs.test(after))) return null;
  if (/[ただ]$/u.test(phrase) && general.whoIs.test(after)) return null;
  const passive = general.passive.test(phrase + after.slice(0, 3));
  const hearsay = general.hearsay.test(after);
  if (category === "abuse") {
    if (general.witnessed.test(after)) return null;
    const sentence = lead + phrase + after;
    const play = general.play.exec(preceding + phrase + after);
    if (
      play &&
      (general.playful.test(sentence) || /ごっこ|ちゃんばら/u.test(play[0])) &&
      !general.againAndAgain.test(sentence)
    ) {
      return null;
    }
    const theirs =
      passive &&
      hearsay &&
      (general.someoneSuffers.test(lead) || general.theirStory.test(preceding));
    return theirs ? theirDanger : undefined;
  }
  const lastSentence = sentenceBefore(preceding, lead);
  if (category === "family") {
    // 「職場の人のおばあちゃん亡くなったんやって。お葬式で休みらしいわ」「向かいのおばあさんが
    // 救急車で運ばれて」: someone else's family, or someone else.
    const theirs =
      general.theirFamily.test(lead + phrase) ||
      (!general.firstPerson.test(lead) &&
        general.theirFamily.test(`${lastSentence}${lead}${phrase}`)) ||
      general.neighbourBare.test(lead) ||
      general.neighbourActs.test(lead) ||
      (!general.firstPerson.test(lead) && general.neighbourKin.test(lastSentence)) ||
      general.someoneActs.test(lead);
    return theirs ? null : undefined;
  }
  // Feelings are the person's own, whoever caused them (「佐藤さんがいなくなるのはさみしい」),
  // but missing someone who moves on is no worry (「先輩が来月で辞めるって。さびしい」), nor is
  // sadness for someone else's loss (「同僚の猫ちゃんが虹の橋を渡ったって。悲しいね」), nor their
  // own feelings told (「先輩、落ち込んでいらっしゃいました」「トモダチ カナシイ ッテ」).
  if (category === "mood") {
    const theirs =
      (general.missing.test(phrase) &&
        !general.grieving.test(after + following.slice(0, 24)) &&
        (general.leaving.test(preceding) ||
          (general.died.test(preceding) &&
            (general.theirFamily.test(preceding) || general.neighbourKin.test(preceding))))) ||
      (general.theirFeeling.test(after) &&
        !general.firstPerson.test(lead) &&
        (general.someoneActs.test(lead) ||
          general.someoneNamed.test(lead) ||
          general.theirStory.test(preceding) ||
          subjectOf(lastSentence)));
    return theirs ? null : undefined;
  }
  if (!(everydayCategories.has(category) || category === "workplace")) return undefined;
  // What someone else does may be done to the person (「友達がネットで悪口書いてる」); what
  // happens to them (「店長 骨折」「先輩がインフルで休み」) is theirs.
  const theirState = stateCategories.has(category) || passive || hearsay;
  const theirs =
    (theirState &&
      (general.someoneActs.test(lead) ||
        general.someoneBare.test(lead) ||
        (stateCategories.has(category) && general.someoneComma.test(lead)) ||
        general.neighbourBare.test(lead) ||
        general.neighbourActs.test(lead))) ||
    general.publicFigure.test(lead) ||
    (hearsay &&
      (general.someoneComma.test(lead) ||
        general.theirStory.test(preceding) ||
        (theirState && general.someoneNamed.test(lead)) ||
        // 「隣のばあちゃん、雪で転んで骨折したんだと」
        (theirState && general.neighbourTopic.test(lead)) ||
        // 「仲良しの子が、久しぶりに来てた。入院してたんだって」「同僚が救急車で運ばれたって聞いた、
        // 熱中症らしい」
        (theirState &&
          !general.firstPerson.test(lead) &&
          (subjectOf(lastSentence) || subjectOf(lead)))));
  return theirs ? null : undefined;
}

/**
 * Whether someone else is the subject in `text` with at most `within` characters after, none of
 * them 「私」 (or anywhere, and no 「私」 in all of it, when `within` is not given).
 */
function someoneSubject(text: string, within?: number): boolean {
  if (within === undefined && general.firstPerson.test(text)) return false;
  const subject = general.someoneAsSubject;
  subject.lastIndex = 0;
  while (subject.exec(text) !== null) {
    if (within === undefined) return true;
    const rest = text.slice(subject.lastIndex);
    if (rest.length <= within && !rest.includes("。") && !general.firstPerson.test(rest)) {
      return true;
    }
  }
  return false;
}

/** 「仲良しの子が、久しぶりに来てた。」: a sentence about someone else, for the one after it. */
const subjectOf = (sentence: string): boolean => someoneSubject(sentence);

/** 「配信者が『もう」「同じ寮の子がな、彼女にふられて『」: someone else speaking. */
const sayerOf = (lead: string): boolean => someoneSubject(lead, 16);

/** 「会社の近くで事故あったみたい。救急車来てた。私は大丈夫です」: someone else's, and said so. */
export function bystander(
  category: Category,
  { preceding, phrase, after, following }: Surroundings,
): boolean {
  return (
    (everydayCategories.has(category) || category === "workplace") &&
    general.writerUnaffected.test(following) &&
    // 「田中さんに怒鳴られた。私は大丈夫」: done to the person, who makes light of it.
    !general.towardMe.test(phrase + after.slice(0, 4)) &&
    general.incident.test(preceding + phrase)
  );
}

/**
 * 「お客さんに「ありがとう、あなたでよかった」って言われました」「店長が「おかえり」って」:
 * what someone said to the person was kind.
 */
export function kindWords({ lead, phrase }: Surroundings): boolean {
  if (!phrase.startsWith("」")) return false;
  const open = lead.lastIndexOf("「");
  if (open === -1) return false;
  const quote = lead.slice(open + 1);
  return general.kind.test(quote) && !general.unkind.test(quote);
}

/** 「最後にサンキューって言われて、うれしかった」「最後に「ありがとう、楽になった」って言われた」. */
export function kindlySaidToMe({ lead, phrase, after }: Surroundings): boolean {
  const toMe =
    general.saidToMe.test(after) || (general.saidToMeWithin.test(phrase) && /^れ/u.test(after));
  if (!toMe) return false;
  const open = lead.lastIndexOf("「");
  const words = (open === -1 ? "" : lead.slice(open + 1)) + phrase + after.slice(0, 8);
  return (
    general.kind.test(words) && !general.unkind.test(words.replace(/って(?:言|い|ゆ)われ.*$/u, ""))
  );
}

/**
 * 「猫のタマが、きのう病気で死んでしまいました」: a pet's death. 「配信者が『もう死にたい笑』って
 * ずっと言ってて草」「寮の子が『死にたい〜』言うてたけど、今日はもうケロッとして」: someone
 * else's words, said in a game or a stream or over now, with no worry about them.
 */
export function theirsLightly(
  rule: CompiledRule,
  { lead, phrase, after, preceding, following }: Surroundings,
): boolean {
  const wish = /た(?:い|く)/u.test(phrase + after.slice(0, 2));
  // 「猫が死んでしまいました。私もあの子のところに行きたい」: the person's own wish after it.
  if (!wish && general.petSubject.test(lead)) return !general.ownWish.test(following.slice(0, 64));
  return (
    !rule.harmToOthers &&
    sayerOf(lead) &&
    general.saidAfter.test(after) &&
    general.saidLightly.test(preceding.slice(-48) + following) &&
    !general.worried.test(following)
  );
}
