// How a phrase is told: as over (the past), taken back later, or on stage (a story, a song, the news).
import { general } from "./general-patterns";
import { sentenceBefore, type Span, type Surroundings } from "./surroundings";

/** Any earlier time, yesterday included (「昨日」「先週」「前は」). */
function earlierThan(lead: string): boolean {
  return general.longAgo.test(lead) || general.recently.test(lead);
}

/** Where the words say it ended; for a risk to life, also the means given up (「ぜんぶ捨てた」). */
function endOf(life: boolean, text: string): RegExpExecArray | null {
  const ended = general.ended.exec(text);
  const givenUp = life ? general.meansGivenUp.exec(text) : null;
  return givenUp && (!ended || givenUp.index < ended.index) ? givenUp : ended;
}

/** The sentence before the phrase's own, when it is told in the past (「…休みがちでした。」). */
function pastSentenceBefore(preceding: string, lead: string): string {
  const sentence = sentenceBefore(preceding, lead);
  return general.endsInPast.test(sentence) ? sentence : "";
}

/**
 * 「昔は死にたいと思ってたけど、今は大丈夫」「先月は金欠だったけど今月は大丈夫」: a past (long ago
 * for a risk to life; yesterday will do for an everyday worry) and, after the phrase, its end,
 * with nothing saying it is back (「最近また」「今も」「本当は」).
 */
export function toldAsOver(
  life: boolean,
  { lead, phrase, after, following, preceding }: Surroundings,
): boolean {
  // The phrase's own clause in the past, up to its turn (「切ってたけど」「しんどかったけど」).
  const tail = phrase.slice(-3);
  const pastClause = general.toldAsPast.exec(tail + following);
  const turn = pastClause ? Math.max(0, pastClause[0].length - tail.length) : 0;
  // 「先週の面談で言った「消えたい」」: words said before, taken up again.
  const toldBefore =
    (general.toldBefore.test(lead) || general.saidThen.test(after)) && earlierThan(lead);
  if (life && pastClause === null && !toldBefore) return false;
  // A month ago is history for an everyday worry, not for an overdose.
  const frame = (text: string): boolean =>
    general.timeFrame.test(text) || (!life && general.lastMonth.test(text));
  // 「去年の今ごろ、倒れて…。あれから入院して、…今は同じ店でまた働いてる」
  const sinceThen = general.sinceThen.test(lead) && frame(preceding);
  const past =
    life ||
    pastClause !== null ||
    earlierThan(lead) ||
    general.changedSince.test(following) ||
    sinceThen;
  if (!past) return false;
  const firstSentence = following.slice(0, following.indexOf("。") + 1 || following.length);
  const history = (text: string): boolean =>
    general.longAgo.test(text) || (!life && general.lastMonth.test(text));
  const longAgo =
    history(lead) ||
    history(firstSentence) ||
    general.yearsSince.test(following) ||
    general.oldStory.test(following) ||
    // 「去年の冬はうつがひどくて、休みがちでした。死にたいと思うこともありました。」: the time
    // told in the sentence before, which is itself in the past, and nothing since says now.
    (!general.now.test(lead) && frame(pastSentenceBefore(preceding, lead)));
  if (life && !(longAgo && pastClause !== null) && !toldBefore) return false;
  // What has not stopped (「ずっと」「今も」) counts up to the turn, not in what is told after it;
  // 「3年前の今ごろはずっと」 is all that time back then.
  const upToTurn = pastClause ? following.slice(0, turn) : after;
  const going = general.boundedPast.test(lead) ? general.stillNow : general.stillGoingOn;
  if (going.test(lead + phrase + upToTurn) || general.since.test(lead)) {
    return false;
  }
  // It is told after the turn, in the sentence of the turn or the next one (for a risk to
  // life, anywhere after it: 「…あれから先生と話して…今はそういう気持ちはなくなりました」).
  const first = following.indexOf("。", turn);
  const next = first === -1 ? -1 : following.indexOf("。", first + 1);
  // For a risk to life a strong end may come later; a mere 「大丈夫」 only right after the turn.
  // Long ago, the whole story may come before the end (「去年は…。…。今はラインの仕事にも慣れて」).
  const wide = longAgo || sinceThen;
  const rest = following.slice(turn, life || wide || next === -1 ? following.length : next);
  const near = following.slice(turn, wide || next === -1 ? following.length : next);
  // 「大丈夫」 after a worry of today is a reassurance, not an end: staff still hear of it.
  // The end may be the phrase's own clause (「頭痛はもう治った」「話せるようになった」).
  const ended = endOf(life, following.slice(0, turn) + rest);
  const end = ended ?? (wide || toldBefore ? general.settled.exec(near) : null);
  if (!end) return false;
  // Up to the end of the sentence that tells the end, and no further than a clause past it:
  // 「今は週1くらい」 is less often, not over.
  const stop = ended ? Math.max(0, end.index + end[0].length - turn) : end.index + end[0].length;
  const sentenceEnd = rest.indexOf("。", stop);
  const upTo = Math.min(stop + 24, sentenceEnd === -1 ? rest.length : sentenceEnd);
  if (life && general.lessOften.test(rest.slice(Math.max(0, stop - end[0].length), upTo))) {
    return false;
  }
  // 「今は離れて暮らしてるから大丈夫なんだけど、ちょっとだけ胸がざわざわ」: an end with a but.
  if (general.butStill.test(rest.slice(stop, sentenceEnd === -1 ? rest.length : sentenceEnd))) {
    return false;
  }
  // A risk to life is not over if anything after says otherwise (「また やっちゃいそう」).
  return !general.notOver.test(life ? following.slice(turn) : rest.slice(0, upTo));
}

/**
 * 「うたで「しんでしまいたい」ってかし」「ドラマでおんなのこがとびおりるシーン」「監禁ものの映画」:
 * a story or song and, for a risk to life, its words quoted, a character acting or a scene; never
 * the person's own reaction (「ドラマ見てたら死にたくなった」).
 */
export function onStage(
  life: boolean,
  { lead, phrase, after, following, preceding, stories }: Surroundings,
): boolean {
  if (general.openQuote.test(lead) && general.titled.test(after)) return true;
  // 「『しね』って いう セリフ」: the phrase took the closing quote with it.
  const close = phrase.indexOf("」");
  if (
    close > 0 &&
    general.openQuote.test(lead + phrase.slice(0, close)) &&
    general.titled.test(phrase.slice(close) + after)
  ) {
    return true;
  }
  if (general.genre.test(after) || general.namedLine.test(after)) return true;
  if (general.scene.test(after) && general.anyStory.test(preceding + following)) return true;
  if (!life) {
    // An everyday word in a story, or a feeling about it told right after (「映画見た。つらかった」);
    // not what stays with the person (「ニュース見てから眠れない」).
    if (stories.length === 0 || general.lasting.test(phrase + after)) return false;
    const leadFrom = preceding.length - lead.length;
    const sentenceFrom = preceding.lastIndexOf("。", leadFrom - 2) + 1;
    const last = (from: number, to: number): Span | undefined =>
      stories.findLast((span) => span.start >= from && span.end <= to);
    let anchor = last(leadFrom, preceding.length);
    let since = anchor ? preceding.slice(anchor.end) : "";
    if (!anchor && lead.length <= 8 && !general.firstPerson.test(lead)) {
      anchor = last(sentenceFrom, leadFrom);
      since = anchor ? preceding.slice(anchor.end, leadFrom) : "";
    }
    // 「映画を見ました。タイタニックです。最後みんな海におちて、かなしかった」: the story told on
    // over two sentences, with nothing of the person's own day in between.
    if (!anchor && lead.length <= 20) {
      const story = stories.at(-1);
      if (story && !general.storyBreak.test(preceding.slice(story.end))) {
        anchor = story;
        since = preceding.slice(story.end);
      }
    }
    if (!anchor) return false;
    if (general.firstPerson.test(since)) return false;
    // 「主人公が…ミスばっかりして上司に怒られる」: what a character does and undergoes.
    if (general.characterSubject.test(anchor.word) && /^(?:が|は|も)/u.test(since)) return true;
    // 「ドラマを見ても、歌を聞いても涙が出る」: not about the story.
    return !general.evenWhen.test(since);
  }
  // 「刑事ドラマ見てました。犯人が最後に崖からとびおりて」: a character of the story told before.
  const character = general.characterActs.test(lead);
  const anchor =
    general.storyOrSong.exec(lead) ??
    (character ? general.storyOrSong.exec(sentenceBefore(preceding, lead)) : null);
  if (!anchor) return false;
  const inLead = anchor.input === lead;
  const since = inLead ? lead.slice(anchor.index + anchor[0].length) : lead;
  if (general.firstPerson.test(since)) return false;
  // 「この歌の「きえたい」って自分のことみたい」: the person's own words after all.
  const reaction = following.slice(0, 48);
  if (
    general.reaction.test(after) ||
    (general.identifies.test(reaction) && !general.writerUnaffected.test(reaction))
  ) {
    return false;
  }
  return (
    general.openQuote.test(since) ||
    general.spoken.test(after) ||
    general.characterActs.test(since) ||
    (inLead && general.characterActs.test(lead.slice(anchor.index))) ||
    (!inLead && character) ||
    general.partOfStory.test(after)
  );
}

/**
 * 「消えたいとか言ったけど、そういう意味じゃなくて」「「もう無理」と送りましたが、ゲームのことです」
 * 「死にたいと思うことはありますかと聞かれたので、ないです、と答えました」.
 */
export function takenBackLater({ after, following }: Surroundings): boolean {
  // 「ないって答えたんですけど、本当はちょっとあります」
  if (general.butReally.test(following)) return false;
  if (general.takenBack.test(after.slice(0, 12)) || general.promised.test(following)) return true;
  if (general.asked.test(following) || general.thoughtDenied.test(following)) return true;
  return general.quotedOrSaid.test(after) && general.takenBack.test(following.slice(0, 64));
}
