// The phrase tables' reading of a message: categories and severities, with the person's own words as evidence.
import { severities, type Category, type Severity } from "../../vocabulary/categories";
import { concernTables } from "./concern-phrases";
import { abuseTable, acuteDangerTable } from "./abuse-phrases";
import { crisisTable } from "./crisis-phrases";
import { harmToOthersTable } from "./harm-phrases";
import { foldPattern, foldText, type FoldedText } from "./fold";
import {
  character,
  denialTail,
  leadInOnly,
  family,
  firstPerson,
  longAgo,
  negationTail,
  notOver,
  lessOften,
  onScreen,
  ended,
  pet,
  petAfterOwner,
  meansGivenUp,
  neighbourhood,
  recently,
  settled,
  someoneElse,
  stillGoingOn,
  storyOrSong,
  storyPart,
  takenBack,
  titleNoun,
  toldAsPast,
  toldBefore,
  workplace,
  writerUnaffected,
} from "./fragments";
import { anyOf, compileTables, type CompiledRule, type Outcome } from "./rules";

export interface RuleFinding {
  category: Category;
  severity: Severity;
  /** The matched words as they appear in the original text (evidence for staff). */
  phrases: string[];
  /** Set when the risk to life is to someone else (他害): the reply differs. */
  harmToOthers?: true;
}

export interface RuleReading {
  findings: RuleFinding[];
  /** The most urgent finding's severity, or null when nothing matched. */
  severity: Severity | null;
  /**
   * A phrase of a risk to life that a context read as harmless here (an idiom, a negation,
   * fiction, someone else): the rules recognised it and decided it is not one.
   */
  defused: boolean;
}

interface Hit {
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  harmToOthers: boolean;
}

const rules: CompiledRule[] = compileTables([
  crisisTable,
  harmToOthersTable,
  abuseTable,
  acuteDangerTable,
  ...concernTables,
]);

const ruleNumbers = new Map(rules.map((rule, number) => [rule, number]));

const lifeCategories: ReadonlySet<Category> = new Set(["crisis", "abuse"]);

/** Context windows stay short: the words that change a phrase sit next to it, and it keeps long texts linear. */
const nearby = 32;
const around = 64;
/** How far the general readings look: back within the sentence, and on through the message. */
const leadLength = 48;
/**
 * How far a "whole message" context reads from the phrase: the message a person writes, but not
 * the far end of a 5,000-character letter (which would also make every phrase re-read all of it).
 */
const messageReach = 320;
const onwardLength = 96;

const rank = (severity: Severity): number => severities.indexOf(severity);

const doubleNegative = /^(?:い|かった)?(?:わけ|訳|こと)(?:は|も)?(?:じゃ|では)(?:な|あり)/u;

const compile = (source: string): RegExp => new RegExp(foldPattern(source), "u");

/**
 * A list of words written as 「a|b|c」, laid out as a prefix tree (smaller, faster code): split at
 * the top level only, so 「行けて(?:な|へん)」 stays whole.
 */
function words(list: string): string {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const char = list[i];
    if (char === "\\") i++;
    else if (char === "(" || char === "[") depth++;
    else if (char === ")" || char === "]") depth--;
    else if (char === "|" && depth === 0) {
      parts.push(list.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(list.slice(from));
  return anyOf(...parts);
}

/** Care and its places, which a person goes to as a routine. */
const routine = `^(?:${anyOf(
  "病院",
  "びょういん",
  "通院",
  "つういん",
  "受診",
  "診察",
  "しんさつ",
  "クリニック",
  "主治医",
  "しゅじい",
  "デイケア",
  "カウンセリング",
  "治療",
  "ちりょう",
  "服薬",
  "リハビリ",
  "訪問看護",
  "精神科",
  "心療内科",
  "歯医者",
  "はいしゃ",
)})`;

/** Words after which a clause's subject may no longer be the one acting (「友達が休んで、私が」). */
const clauseGoesOn =
  "て|んで|いで|から|ので|のに|のは|のが|のも|けど|けん|さかい|たら|なら|せい|ため|がち|すぎ|ばかり|ばっかり";

/** Long ago as a time frame (「去年の冬は」「3年前」「子どもの頃」). */
const timeFrame =
  "昔(?!から)|むかし(?!から)|以前|去年|きょねん|昨年|一昨年|おととし|何年も前|[0-9一二三四五六七八九十何数半]+(?:年|ヶ月|か月|カ月|ヵ月)(?:くらい|ぐらい|ほど)?前" +
  "|(?:子ども|子供|こども|小さい|ちいさい|若い|わかい|学生|高校|中学|小学)(?:の)?(?:頃|ころ|時|とき|時代)|あの頃|あのころ|あの時|あのとき|一時期|いちじき";

/** The readings that apply to every table (fragments.ts): they only ever make a phrase harmless. */
const general = {
  longAgo: compile(longAgo),
  lastMonth: compile("先月|せんげつ"),
  oldStory: compile(
    "(?:[0-9一二三四五六七八九十何数半]+(?:年|ねん|ヶ月|か月|カ月|かげつ)(?:も|くらい|ぐらい)?前|昔|むかし|だいぶ前|ずっと前|かなり前)の(?:話|はなし|こと)",
  ),
  /** 「もう2年やってない」「あれから3年たちました」. */
  yearsSince: compile(
    "(?:もう|あれから)[0-9一二三四五六七八九十何半]+(?:年|ねん|ヶ月|か月|カ月|かげつ)(?:(?:して|やって)(?:ない|へん|ません)|たち|経ち|たっ|経っ|たつ|経つ)",
  ),
  recently: compile(recently),
  toldAsPast: compile(toldAsPast),
  toldBefore: compile(toldBefore),
  stillGoingOn: compile(stillGoingOn),
  since: compile("(?:週|月|日|朝|晩|夜|前)から|以来"),
  changedSince: compile(
    "(?:てから|にしてから|始めてから|以来)[^。]{0,8}(?:全然|ぜんぜん|ほとんど|一度も|一回も|もう)",
  ),
  settled: compile(settled),
  ended: compile(ended),
  meansGivenUp: compile(meansGivenUp),
  notOver: compile(notOver),
  lessOften: compile(lessOften),
  takenBack: compile(takenBack),
  butReally: compile(
    "本当は|ほんとは|ほんとうは|本当に|ほんとに|実は|じつは|嘘|うそ(?!つき)|でも(?:やっぱ|最近|今)",
  ),
  quotedOrSaid: compile("^[^。]{0,4}?(?:」|って|と|とか|は)"),
  asked: compile(
    "^[^。]{0,16}。?」?(?:って|と)(?:聞かれ|きかれ|質問され|訊かれ)[^。]{0,12}?(?:ない(?:です|よ|、|と|って)|ありません|いいえ|全然|ぜんぜん|思ってな|おもってな)",
  ),
  storyOrSong: compile(`${storyOrSong}(?!.*${storyOrSong})`),
  anyStory: compile(storyOrSong),
  firstPerson: compile(firstPerson),
  openQuote: compile("「[^」]*$"),
  spoken: compile(
    "^[^。、]{0,8}?(?:」|って(?:いう|言う|ゆう|言って|いって|言った|いった|言ってる|いってる|歌|うた|かし|歌詞|セリフ)|という|とかいう)",
  ),
  characterActs: compile(`${character}(?:が|は|も|、)[^。、]{0,12}$`),
  /** A character of the story as the subject (「主人公が…上司に怒られる」). */
  characterSubject: compile("^(?:主人公|キャラ|登場人物|ヒロイン|ヒーロー|犯人)$"),
  /** The person's own life, which a story two sentences back does not reach. */
  storyBreak: compile(
    `${firstPerson}|仕事|しごと|会社|かいしゃ|職場|しょくば|バイト|ばいと|パート|ぱーと|今日|きょう|明日|あした|上司|作業|さぎょう|面接|学校|病院|薬|くすり|最近|さいきん|いつも|毎日|まいにち|ずっと|眠|ねむ|寝`,
  ),
  partOfStory: compile(
    `^[^。、」]{0,6}」?(?:って|という|っていう|とかいう|の|な|する|した|る|た|ちゃう)?${storyPart}`,
  ),
  scene: compile("^[^。、]{0,4}?(?:シーン|描写)"),
  genre: compile(`^(?:もの|物|系|モノ)の?${storyOrSong}`),
  titled: compile(
    `^[^」。]{0,12}」(?:って|という|っていう|とかいう|みたいな|的な|の|が)?${titleNoun}`,
  ),
  /** 「I want to die ってセリフ」: a line named as one, quoted or not. */
  namedLine: compile(
    "^(?:って|という|っていう|とかいう)(?:セリフ|台詞|せりふ|歌詞|フレーズ|決め台詞)",
  ),
  reaction: compile("^(?:く)?な(?:っ|る|り)"),
  lasting: compile(
    words(
      "ずっと|毎日|眠れ|ねむれ|寝れ|まだ|今も|いまも|離れ|思い出|おもいだ|怖くて|こわくて|不安で|気分|落ち込|おちこ|沈",
    ),
  ),
  evenWhen: compile("[てで]も|して|せい|ので|から|夜更かし|よふかし|徹夜"),
  identifies: compile(
    `${firstPerson}|ずっと(?!聴|聞|きい|きく|歌|うた|リピ|りぴ|見|み)|わかる|分かる|共感|同じ|おなじ|今も|いまも`,
  ),
  someoneActs: compile(
    `${someoneElse}(?:の[^。、がはも]{1,6})?(?:が|は|も|って)(?:な|ね|さ)?、?(?:(?!${clauseGoesOn}|${firstPerson}|${family}(?!の))[^。、]){0,10}$`,
  ),
  // 「店長 骨折」; not 「先生 眠れない」「田中さん 休みます」, which speak to staff.
  someoneBare: compile(
    `(?:^|[。、])(?:${workplace}|はんちょう|かちょう|てんちょう|せんぱい|どうりょう)$`,
  ),
  someoneComma: compile(
    `(?:の|た|な)[^。、]{0,6}(?:${someoneElse}|人|ひと)、(?:(?!${firstPerson})[^。、]){0,8}$`,
  ),
  /** For violence the one who does it is often family (「友だちが彼氏になぐられた」). */
  someoneSuffers: compile(
    `${someoneElse}(?:の[^。、がはも]{1,6})?(?:が|は|も)(?:(?!て|んで|いで|から|ので|のに|けど|たら|なら|${firstPerson})[^。、]){0,10}$`,
  ),
  /** Play, sport and games, where a blow is part of it (「プロレスごっこで蹴られた笑」). */
  play: compile(
    "ごっこ|チャンバラ|ちゃんばら|プロレス|柔道|空手|剣道|ボクシング|格闘技|スパーリング|ゲームで|げーむで",
  ),
  playful: compile("笑|w|楽し|たのし|負け|まけ|勝っ"),
  againAndAgain: compile("毎日|いつも|毎回|無理やり|むりやり|言われて|いわれて"),
  /** 「薬いっぱい飲んだら楽になれる、とかは思ってない」: a thought told and denied. */
  thoughtDenied: compile(
    "^[^。]{0,14}?(?:とか|なんて|って|と)(?:は|も)?(?:全然|ぜんぜん|別に|べつに|一度も|いちども)?(?:思って(?:は|も)?(?:い)?(?:ま)?(?:な|せ)|おもって(?:は|も)?(?:い)?な|思わな|おもわな|考えて(?:は|も)?(?:い)?な|思ったこと(?:は|も)?な)(?![^。]{0,3}(?:日|時|とき|よう))",
  ),
  /** 「前に「消えたい」って何回も送ってしまって」: words said before, taken up again. */
  saidThen: compile("^」?(?:って|と)[^。]{0,8}(?:送っ|おくっ|言っ|いっ|話し|はなし|書い|かい)"),
  /** 「自殺した人の家族」「襲われた人おる」「痴漢を捕まえた人」: someone the phrase describes. */
  whoDid: compile(
    "^(?:(?:を|に)[^。、]{0,5}?|て|で|てい|でい)?(?:た|だ)(?:人(?!生|間)|ひと(?!り)|方(?!が|法)|子(?!ども|供)|同級生|相手|やつ|奴)(?:が|も|は|の|を|に|お|い|、)",
  ),
  whoIs: compile(
    "^(?:人(?!生|間)|ひと(?!り)|方(?!が|法)|子(?!ども|供))(?:が|も|は|の|を|に|お|い|、)",
  ),
  witnessed: compile("^(?:を|に|の)?(?:見かけ|みかけ|目撃|もくげき|捕まえ|つかまえ)"),
  /** Heard from or about someone (「〜らしい」「〜たそうです」「〜んだって」), not 「って言われた」. */
  hearsay: compile(
    "^[^。]{0,16}(?:らしい|らしく|らしか|[たるだ]そう(?:です|だ|や|な)|みたい(?!に)|とのこと|と聞|ときい|って聞|ってきい|[んただ]って(?=$|[。、よねわさ])|んやって|んだって|と言って|っていって|って(?:話し|はなし)て|(?:んだ|んや|た|だ)(?:ど|げな)(?=$|[。、よねわさな])|んだと(?=$|[。、よねわさ]))",
  ),
  theirStory: compile(
    `${someoneElse}の(?:話|はなし|こと)(?:なんです|なのです|なんだ|なんやけど|やけど|だけど|ですが|なんですが|なのですが|です|で|、)`,
  ),
  /** A neighbour's household named bare (「となりの家、救急車きとった」「おとなりのおばあちゃん」). */
  neighbourBare: compile(`${neighbourhood}[^。、にをでとへ]{0,8}(?:が|は|も)?、?$`),
  neighbourKin: compile(`${neighbourhood}[^。、]{0,8}(?:${family}|${petAfterOwner})`),
  /** 「近所のじいちゃんが救急車で」「隣のばあちゃん、雪で転んで」. */
  neighbourActs: compile(
    `${neighbourhood}[^。、にをでとへ]{0,8}(?:が|は|も)、?(?:(?!${clauseGoesOn}|${firstPerson})[^。、]){0,10}$`,
  ),
  neighbourTopic: compile(
    `${neighbourhood}[^。、にをでとへ]{0,8}(?:が|は|も)?、(?:(?!${firstPerson})[^。、]){0,12}$`,
  ),
  /** Someone as a subject (「先輩が」「同じ寮の子がな、」); what follows is read apart. */
  someoneAsSubject: new RegExp(
    foldPattern(`${someoneElse}(?:の[^。、がはも]{1,6})?(?:が|は|も)(?:な|ね|さ)?、?`),
    "gu",
  ),
  /** Their feelings, told with respect or as heard (「落ち込んでいらっしゃいました」「悲しいって」). */
  theirFeeling: compile(
    "^[^。]{0,6}(?:いらっしゃ|おられ|らしい|らしく|みたい(?!に)|そう(?:です|だ|や|な)|って(?:言|い|ゆ)|」(?:って|と))|^(?:って|っていって|ってゆって)[^。]{0,3}$",
  ),
  /** Sadness that goes on (「悲しくて泣いてる」「さみしくて眠れない」). */
  grieving: compile("泣|なけ|眠れ|ねむれ|寝れ|つら|辛|しんど|立ち直|たちなお|ずっと"),
  /** A death (for sadness told after someone else's pet or relative died). */
  died: compile(words("死|しん|亡|なくな|虹の橋|にじのはし|天国|てんごく|旅立|たびだ")),
  saidToMe: compile("^(?:[^。「」]{0,16}」)?(?:って|と)(?:言|い|ゆ)われ(?!た(?:い|く))"),
  saidToMeWithin: compile("(?:って|と)(?:言|い|ゆ)わ$"),
  saidAfter: compile(
    "^[^。」]{0,6}」?(?:って|と|とか)?(?:ずっと|何回も|なんかいも|めっちゃ|よく)?(?:言|い[っうわ]|ゆ[っうー]|叫|さけ|書|つぶや|ぼや|送|おく)",
  ),
  /** A game, a stream, or the one who said it fine again: nothing for the person to act on. */
  saidLightly: compile(
    "ゲーム|げーむ|配信|実況|ボス|ぼす|負け|まけ|ガチャ|がちゃ|ランク|らんく|試合|しあい|イベ|攻略|こうりゃく" +
      "|(?:今日は|きょうは|今は|いまは|もう|すぐ)[^。]{0,10}(?:ケロッ|けろっ|元気|げんき|笑って|わらって|大丈夫|だいじょうぶ|平気|へいき|カラオケ|からおけ|遊|あそ|普通|ふつう)(?![^。]{0,3}(?:な[いかく]|へん|ませ|ん(?:かった|のや)))" +
      "|(?:冗談|じょうだん|ネタ|ねた)(?!に見え|にみえ|じゃな|ではな|ちゃう|やな|に(?:は|も)?(?:見え|みえ|聞こえ|きこえ))",
  ),
  worried: compile(
    words(
      "心配|しんぱい|不安|ふあん|どうしよう|どうしたら|どうすれば|止め|とめ|助け|たすけ|相談|そうだん|怖|こわ|気にな|きにな|本気|ほんき|できる|何か|なにか|なんとか|何とか|[?？]|わかる|分かる|共感|きょうかん",
    ),
  ),
  ownWish: compile(
    `${firstPerson}|たい|もう|疲れ|つかれ|死|しに|しぬ|消え|きえ|会いた|あいた|そばに|ところに`,
  ),
  petSubject: compile(`${pet}(?:の[^。、]{0,6})?(?:が|は|も)、?[^。]{0,12}$`),
  passive: compile("[かがさたなばまらわ]れ(?!し)|にあ[っうい]|に遭"),
  publicFigure: compile(
    "(?:有名人|芸能人|アイドル|ユーチューバー|youtuber|vtuber|ブイチューバー|配信者|実況者|ストリーマー|推し(?:メン)?|俳優|女優|歌手|政治家)(?:が|は|も)",
  ),
  /** Someone else's relative or pet (「友達のお母さん」「同僚の猫ちゃん」). */
  theirFamily: compile(
    `${someoneElse}(?:の|が|は|も|、)、?(?:(?!${firstPerson})[^。]){0,6}(?:${family}|${pet})(?!.*${firstPerson})`,
  ),
  justThat: compile(
    "^(?:だった|やった|した|しとった|してた|な)だけ(?!ど|じゃ|で(?:は|も)?な)|^だけ(?=$|[。、!]|です|や(?!け)|よ|だよ)",
  ),
  merely: compile("ただの$"),
  mistaken: compile(
    "^[^。、]{0,3}?(?:と|って)?(?:思|おも)(?:っ|う)?たら[^。]{0,16}(?:だけ|違|ちが|勘違い|かんちがい|じゃなかった|ただの)",
  ),
  /** 「ぶっころされるかと思った笑」「死ぬかと思った」: a fright told as a figure of speech. */
  figureOfFright: compile("^(?:る|た|ぬ)?かと(?:思|おも)(?:った|いました|うた)"),
  keptUp: compile(
    "^(?:も|は|を|に)?(?:ちゃんと|きちんと)[^。、]{0,8}?(?:てる|てます|ている|ています|めてる|めてます|ってる|ってます)(?!けど|が)",
  ),
  /** Care the person keeps going to (「通院も続けて」「デイケアの日」「診察おわり」). */
  /** 「夜勤明けのラーメン、最高」: the word names the time of a treat. */
  treat: compile(
    "^の[^。]{0,12}(?:最高|さいこう|優勝|ゆうしょう|うま[いす]|美味|おいし|最強|さいきょう|幸せ|しあわせ|たまらん|格別|かくべつ|染みる|しみる)",
  ),
  routine: compile(routine),
  routineOnly: compile(`${routine}(?:に|へ|で|の|を|は|も)?$`),
  /** What makes a visit to care a worry after all (pain, fear, a result, a change of medicine). */
  troubled: compile(
    words(
      "痛|いた[いくか]|熱|ねつ|しんど|つら|辛|不安|ふあん|心配|しんぱい|眠れ|ねむれ|寝れ|具合|ぐあい|体調|たいちょう|悪|わる[いくか]|だる|吐|苦し|くるし|困|こま|相談|そうだん|どうしよう|どないしよ|怖|こわ|検査|けんさ|増え|ふえ|減ら|へら|変え|かえ[らて]|入院|にゅういん|行けな|いけな|行けて(?:な|へん)|行きたくな|いきたくな|行かな|いかな|無理|むり|やば|できな|わからな|分からな|副作用|ふくさよう|血|怪我|けが|倒れ|たおれ|救急|きゅうきゅう|病気|びょうき|症状|しょうじょう|診断|しんだん|手術|しゅじゅつ|咳|せき|風邪|かぜ|インフル|コロナ|めまい|頭痛|ずつう|腹痛|死|しに|しぬ|消え|きえ|泣|なき|ないた|嫌|いや|サボ|さぼ|予約|よやく|お金|おかね|高|たか[いく]|忘れ|わすれ|怒|おこ|[?？]" +
        // a day off, being late, medicine, a request: staff still hear of it
        "|休みます|休みたい|やすみたい|休ませ|やすませ|お休み(?:を|もら|いただ)|休む|やすむ|休ん|やすん|休暇|午前|ごぜん|午後|ごご|半休|遅れ|おくれ|遅刻|ちこく|早退|そうたい|早く帰|出勤|しゅっきん|伝え|つたえ|薬|くすり|面談|めんだん|かぶ|重な|かさな|ついて|一緒|いっしょ|どう|ほしい|欲しい|くださ|下さ|たい|もらえ|いただ|確認|かくにん|聞き|きき",
    ),
  ),
  /** A good or ordinary day told (「たのしかった」「先生やさしかった」「帰りにパン屋」「草」). */
  goodDay: compile(
    words(
      "楽し|たのし|嬉し|うれし|よかった|良かった|褒め|ほめ|やさし|優し|笑|わら|草|(?<![a-z])w|おわり|終わり|終わった|おわった|帰りに|かえりに|美味|おいし|うま[いか]|行ってきた|いってきた|行ってきま|いってきま|すごい|すげ|凄い|拍手|はくしゅ|おめでと|決まった|きまった",
    ),
  ),
  keptOn: compile(
    "^(?:も|は|を)?(?:ちゃんと|きちんと|ずっと|毎回|まいかい)?(?:続け|つづけ)(?:て|た|られ)(?!な|ても|へん)",
  ),
  /**
   * 「手術、ぶじ終わったって」「離婚の手続きもすべて終わりました」: something that went well or is
   * done with.
   */
  wentWell: compile(
    "(?:無事|ぶじ)(?:に)?[^。、]{0,4}?(?:終わ|おわ|済|すみ|すん|成功|せいこう|退院|たいいん|生まれ|うまれ|産まれ)|(?:成功|せいこう)(?:した|しました|だった|でした)|(?:うまく|上手く)(?:いった|いきました)|(?:手術|しゅじゅつ)(?:は|も)?(?:もう)?(?:終わ|おわ)(?:った|りました)",
  ),
  doneWith: compile(
    "^[^。]{0,10}?(?:すべて|全て|全部|ぜんぶ|無事|ぶじ|やっと|ようやく)(?:に)?(?:終わ|おわ|済|すみ|すん|完了|片付|かたづ)(?:った|りました|ました|んだ|みました|した)",
  ),
  butBefore: compile("(?:みたい|そう|[たいだんなや]|ん|ねん|から)$"),
  kind: compile(
    words(
      "ありがと|サンキュー|さんきゅー|thank|助か|たすか|楽しか|たのしか|えらい|偉い|すごい|凄い|よかった|良かった|上手|じょうず|うまい|さすが|頑張|がんば|おかえり|おめでと|かわいい|可愛い|優し|やさし|任せ|まかせ|楽になった|らくになった|大丈夫",
    ),
  ),
  unkind: compile(
    words(
      "死|しね|しぬ|殺|ころ|なきゃ|なけれ|なけりゃ|生まれ|うまれ|バカ|ばか|アホ|あほ|クビ|くび|辞め|やめ|いらない|いらん|使えな|つかえな|遅い|おそい|ちゃんと|何回|なんかい|邪魔|じゃま|うざ|きも|くさ|消え|きえ|ダメ|だめ|無理|むり|迷惑|めいわく|じゃな|ない|なく|来るな|くるな|なんで|なぜ|お前|おまえ|[?？]",
    ),
  ),
  sentByMistake: compile(
    "^(?:間違|まちが)え(?:て|ちゃって)(?:スタンプ|写真|しゃしん|メッセージ|ライン|らいん|電話|でんわ)?(?:を)?(?:送|おく[っりれ]|押し|おし(?:た|て|ちゃ)|誤爆|ごばく|お?かけ|電話|でんわ)",
  ),
  callByMistake: compile("(?:電話|でんわ|着信|ちゃくしん|ライン|らいん)(?:を|は|、)?$"),
  noBusiness: compile(
    "(?:用事|ようじ|用件|ようけん)(?:は|も)?(?:特に|とくに)?(?:ない|なし|ありません|無い)|失礼しました|しつれいしました|ごめん",
  ),
  apologyOnly: compile(
    "^(?:すみません|すいません|ごめん(?:なさい|ね)?|失礼しました|しつれいしました|あ|あっ)?[、。]?$",
  ),
  mistakeOnly: compile(
    "^(?:間違|まちが)え(?:ました|た|ちゃった|ちゃいました|てた|てました)[。!]*$",
  ),
  /** 「しにたいなんて もう いわん。だいじょうぶ」: a promise not to say it again, and fine. */
  promised: compile(
    "^(?:なんて|とか|って|は)(?:もう|二度と|にどと)(?:言|い)わ(?:ん|ない|へん|ねえ)(?!で|と|けど|から)[^。]{0,4}。?[^。]{0,12}(?:大丈夫|だいじょうぶ|だいじょぶ|平気|へいき|元気|げんき|安心|あんしん)",
  ),
  incident: compile(`事故|事件|火事|地震|人身|騒ぎ|${someoneElse}(?:が|は|も|、)`),
  /** Someone named before the phrase, with no 「私」 after them (「となりのひと かいしゃ くび」). */
  someoneNamed: compile(`${someoneElse}(?:(?!${firstPerson}|${family})[^。、]){0,8}$`),
  /** Someone leaving (「先輩が来月で辞める」「佐々木さん、異動」): missing them is no worry. */
  leaving: compile(
    `(?:${someoneElse}|${family}|同期|の人)[^。]{0,24}(?:辞め|やめ|退職|異動|いどう|転勤|てんきん|卒業|引っ越|ひっこ|転職|寿退社|定年|退去|たいきょ|退所|たいしょ|引退|いんたい)`,
  ),
  missing: compile("^(?:さみし|寂し|さびし|かなし|悲し|淋し)"),
  towardMe: compile("て(?:き|く|こ)|(?:ら|さ)れ"),
  writerUnaffected: compile(writerUnaffected),
  /** A sentence told in the past, ending here (「…休みがちでした。」「…だった。」). */
  endsInPast: compile(
    "(?:た|でした|ました|だった|やった|かった|てた|とった|とりました|ておりました)[よねわなさ]?[。、]?$",
  ),
  /** A time long ago framing the clause (「3年前の今ごろは」「あの頃は」). */
  boundedPast: compile(`(?:${timeFrame})(?:の[^。、]{0,6})?(?:は|に|、)`),
  sinceThen: compile("^(?:あれから|それから|その後|そのあと)"),
  stillNow: compile("今も|今でも|いまでも|いまも|いまだに|未だに"),
  /** A time told as a frame for what follows: long ago, not 「前の彼」. */
  timeFrame: compile(timeFrame),

  /** 「大丈夫なんだけど、ちょっと…」: what follows an end and takes it back in part. */
  butStill: compile("(?:けど|けれど|が、|でも、|ものの)[^。]{2,}"),
  /** Words that put the phrase in the present (「今も」「最近」「また」). */
  now: compile(
    "今|いま(?!まで)|最近|さいきん|また|このごろ|この頃|ここ(?:最近|数日|何日|[0-9一二三]|しばらく)",
  ),
  /** A denial said to someone and then taken back (「って言ったけど、本当は」). */
  retracted: compile(
    "^[^。]{0,4}?(?:」|って|と|tte|to)[^。]{0,16}?(?:言|い[っうわ]|ゆ[っう]|答え|こたえ|送|おく|話し|はなし|itta|iimashita|kotaeta)[^。]{0,16}(?:本当は|ほんとは|ほんとうは|ほんまは|実は|じつは|嘘|うそ(?!つき)|hont?ou? ?wa|jitsu ?wa|uso)|^[^。]{0,24}[。、]?(?:でも|けど)?、?(?:(?:嘘|うそ)(?:や|だ|です|でした|。|、|$)|(?:本当は|ほんとは|ほんとうは|ほんまは|実は|じつは|hont?ou? ?wa|jitsu ?wa)[^。]{0,6}(?:ずっと|まだ|今も|いまも|思って|おもって|omotte|あります|ある))",
  ),
};

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

function sentenceAround(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf("。", start - 1) + 1;
  const to = text.indexOf("。", end);
  return [from, to === -1 ? text.length : to];
}

interface Surroundings {
  /** The sentence before the phrase (at most `leadLength` characters). */
  lead: string;
  phrase: string;
  /** The sentence after the phrase (at most `nearby` characters). */
  after: string;
  /** The message after the phrase (at most `onwardLength` characters), across sentences. */
  following: string;
  /** The message before the phrase (at most `onwardLength` characters), across sentences. */
  preceding: string;
  /** Words for fiction or the news (`onScreen`) in `preceding`, as offsets into it. */
  stories: readonly Span[];
}

interface Span {
  start: number;
  end: number;
  word: string;
}

/** What is worked out once per message and shared by every phrase read in it. */
class MessageIndex {
  private storySpans: Span[] | null = null;
  /** Results of phrases read in the very same surroundings (「しにたい」 × 1,000). */
  readonly outcomes = new Map<string, Outcome>();
  /** How often each rule has matched so far. */
  readonly hitsByRule = new Map<CompiledRule, number>();

  constructor(readonly folded: string) {}

  /**
   * The words for fiction or the news (`onScreen`) that lie within [from, to), as offsets from
   * `from`: found once in the whole message, where they do not overlap, so the last one in a
   * stretch is the one a search of that stretch alone would find last.
   */
  storiesIn(from: number, to: number): Span[] {
    if (this.storySpans === null) {
      this.storySpans = [];
      for (const match of this.folded.matchAll(storyWords)) {
        const start = match.index;
        this.storySpans.push({ start, end: start + match[0].length, word: match[0] });
      }
    }
    const all = this.storySpans;
    // The first span that starts at or after `from` (spans are in order and do not overlap).
    let low = 0;
    let high = all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((all[middle]?.start ?? Infinity) < from) low = middle + 1;
      else high = middle;
    }
    const spans: Span[] = [];
    for (let i = low; i < all.length; i++) {
      const span = all[i];
      if (!span || span.start >= to) break;
      if (span.end <= to)
        spans.push({ start: span.start - from, end: span.end - from, word: span.word });
    }
    return spans;
  }
}

const storyWords = new RegExp(foldPattern(onScreen), "gu");

/**
 * 「昔は死にたいと思ってたけど、今は大丈夫」「先月は金欠だったけど今月は大丈夫」: a past (long ago
 * for a risk to life; yesterday will do for an everyday worry) and, after the phrase, its end,
 * with nothing saying it is back (「最近また」「今も」「本当は」).
 */
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

function toldAsOver(
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
function onStage(
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

/** Someone else hurt now: the person may want help to help them, but it is not their own danger. */
const theirDanger: Outcome = { category: "other", severity: "normal" };

/**
 * 「店長 骨折」「同じホームの田村さん、入院しとった」「はんちょうがかちょうにおこられてた」
 * 「自殺した人の家族」「友達の話やけど、旦那にたたかれてたんやって」.
 */
function someoneElses(category: Category, around: Surroundings): Outcome | undefined {
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

/** The sentence before the phrase's own (「…来てた。」), or "". */
function sentenceBefore(preceding: string, lead: string): string {
  const earlier = preceding.slice(0, preceding.length - lead.length);
  return earlier.slice(earlier.lastIndexOf("。", earlier.length - 2) + 1);
}

/**
 * 「消えたいとか言ったけど、そういう意味じゃなくて」「「もう無理」と送りましたが、ゲームのことです」
 * 「死にたいと思うことはありますかと聞かれたので、ないです、と答えました」.
 */
function takenBackLater({ after, following }: Surroundings): boolean {
  // 「ないって答えたんですけど、本当はちょっとあります」
  if (general.butReally.test(following)) return false;
  if (general.takenBack.test(after.slice(0, 12)) || general.promised.test(following)) return true;
  if (general.asked.test(following) || general.thoughtDenied.test(following)) return true;
  return general.quotedOrSaid.test(after) && general.takenBack.test(following.slice(0, 64));
}

/** 「会社の近くで事故あったみたい。救急車来てた。私は大丈夫です」: someone else's, and said so. */
function bystander(
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
 * 「お客さんに「ありがとう、あなたでよかった」って言われました」「店長が「おかえり」って」:
 * what someone said to the person was kind.
 */
function kindWords({ lead, phrase }: Surroundings): boolean {
  if (!phrase.startsWith("」")) return false;
  const open = lead.lastIndexOf("「");
  if (open === -1) return false;
  const quote = lead.slice(open + 1);
  return general.kind.test(quote) && !general.unkind.test(quote);
}

/** 「最後にサンキューって言われて、うれしかった」「最後に「ありがとう、楽になった」って言われた」. */
function kindlySaidToMe({ lead, phrase, after }: Surroundings): boolean {
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
function theirsLightly(
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

/**
 * What a reading that holds for every table makes of the phrase here: nothing (null), someone
 * else's danger, or undefined when none applies and the phrase's own rule decides.
 */
function generalReading(rule: CompiledRule, around: Surroundings): Outcome | undefined {
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

/**
 * 「死にたいとかは思ってへんって言うたけど、あれうそや」「していませんと言いましたが、本当は」: a
 * denial the person takes back right after.
 */
function denialRetracted(folded: string, from: number): boolean {
  return general.retracted.test(folded.slice(from, from + 48));
}

/** What the phrase at [start, end) means here: its rule's outcome, a context's, or nothing. */
function interpret(rule: CompiledRule, index: MessageIndex, start: number, end: number): Outcome {
  const { folded } = index;
  const [from, to] = sentenceAround(folded, start, end);
  const before = folded.slice(Math.max(from, start - nearby), start);
  const after = folded.slice(end, Math.min(to, end + nearby));
  // 「しにたいとか／おもってないよ」: a line that ends on words leading in to the next one's negation.
  const tail =
    to < folded.length &&
    end + nearby > to &&
    /(?:とか|なんて|なんか|って|とは|など)(?:は|も)?、?$/u.test(after) &&
    leadInOnly.test(after)
      ? `${after}${folded.slice(to + 1, to + 1 + nearby)}`
      : after;
  const negation = rule.negatable ? negationTail.exec(tail) : null;
  // 「のんでないわけじゃないけど」: a negation itself denied is no denial, and one taken back
  // (「思ってへんって言うたけど、あれうそや」) is none either.
  if (
    negation &&
    !doubleNegative.test(tail.slice(negation[0].length)) &&
    !denialRetracted(folded, end + negation[0].length + (negation[0].length > after.length ? 1 : 0))
  ) {
    return null;
  }
  const denial = denialTail.exec(after);
  // 「のんでないわけじゃないけど」: a denied negative is only partly so.
  if (
    denial &&
    !(
      /(?:な|ない|なく|ず|ません)$/u.test(folded.slice(start, end)) &&
      /^(?:けど|けれど|が|、)/u.test(after.slice(denial[0].length))
    ) &&
    !denialRetracted(folded, end + denial[0].length)
  ) {
    return null;
  }
  const surroundings: Surroundings = {
    lead: folded.slice(Math.max(from, start - leadLength), start),
    phrase: folded.slice(start, end),
    after,
    following: folded.slice(end, end + onwardLength),
    preceding: folded.slice(Math.max(0, start - onwardLength), start),
    stories: index.storiesIn(Math.max(0, start - onwardLength), start),
  };
  const reading = generalReading(rule, surroundings);
  if (reading !== undefined) return reading;
  let sentence: string | null = null;
  let message: string | null = null;
  for (const context of rule.contexts) {
    if (context.before && !context.before.test(before)) continue;
    if (context.after && !context.after.test(after)) continue;
    if (context.sentence) {
      sentence ??= folded.slice(Math.max(from, start - around), Math.min(to, end + around));
      if (!context.sentence.test(sentence)) continue;
    }
    if (context.message) {
      message ??= folded.slice(Math.max(0, start - messageReach), end + messageReach);
      if (!context.message.test(message)) continue;
    }
    return context.then;
  }
  return { category: rule.category, severity: rule.severity };
}

/** How far a phrase's reading looks either way: everything interpret() reads lies within it. */
const readingReach = Math.max(messageReach, onwardLength, around, leadLength, nearby * 2 + 48);

/**
 * A phrase's reading, worked out once for each surroundings: a long message that repeats itself
 * (「しにたい」 × 1,000) reads the same words the same way.
 */
function interpretOnce(
  rule: CompiledRule,
  index: MessageIndex,
  start: number,
  end: number,
): Outcome {
  const seen = (index.hitsByRule.get(rule) ?? 0) + 1;
  index.hitsByRule.set(rule, seen);
  if (seen <= 4) return interpret(rule, index, start, end);
  const from = Math.max(0, start - readingReach);
  const key = `${ruleNumbers.get(rule) ?? -1}:${start - from}:${end - start}:${index.folded.slice(from, end + readingReach)}`;
  const known = index.outcomes.get(key);
  if (known !== undefined) return known;
  const outcome = interpret(rule, index, start, end);
  index.outcomes.set(key, outcome);
  return outcome;
}

function findHits(folded: string): { hits: Hit[]; defused: boolean } {
  const hits: Hit[] = [];
  let defused = false;
  const index = new MessageIndex(folded);
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = rule.pattern.exec(folded)) !== null) {
      const start = match.index;
      const end = start + match[0].length;
      if (end === start) {
        rule.pattern.lastIndex++;
        continue;
      }
      const outcome = interpretOnce(rule, index, start, end);
      const category = outcome ? (outcome.category ?? rule.category) : null;
      if (
        lifeCategories.has(rule.category) &&
        rule.severity === "urgent" &&
        (outcome === null || category !== rule.category || outcome.severity !== "urgent")
      ) {
        defused = true;
      }
      if (outcome && category) {
        hits.push({
          category,
          severity: outcome.severity,
          start,
          end,
          harmToOthers: rule.harmToOthers && category === "crisis",
        });
      }
    }
  }
  return { hits, defused };
}

/** Words a crisis phrase already covers (「生きるのがつらい」's 「つらい」) add no second finding. */
function withoutCrisisEchoes(hits: Hit[]): Hit[] {
  const crisis = hits.filter((hit) => hit.category === "crisis");
  if (crisis.length === 0) return hits;
  return hits.filter(
    (hit) =>
      hit.category === "crisis" ||
      !crisis.some((outer) => outer.start < hit.end && hit.start < outer.end),
  );
}

/** The original text behind folded [start, end): the person's own words, spaces and emoji included. */
function originalSpan(original: string, folded: FoldedText, start: number, end: number): string {
  const from = folded.starts[start] ?? 0;
  const to = folded.ends[end - 1] ?? original.length;
  return original.slice(from, to);
}

function toFindings(original: string, folded: FoldedText, hits: Hit[]): RuleFinding[] {
  const byCategory = new Map<Category, Hit[]>();
  for (const hit of hits) {
    const list = byCategory.get(hit.category);
    if (list) list.push(hit);
    else byCategory.set(hit.category, [hit]);
  }
  const findings: RuleFinding[] = [];
  for (const [category, list] of byCategory) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let severity: Severity = "low";
    const spans: [number, number][] = [];
    for (const hit of list) {
      if (rank(hit.severity) < rank(severity)) severity = hit.severity;
      const lastSpan = spans[spans.length - 1];
      // Overlapping matches of one category are one piece of evidence.
      if (lastSpan && hit.start < lastSpan[1]) lastSpan[1] = Math.max(lastSpan[1], hit.end);
      else spans.push([hit.start, hit.end]);
    }
    const phrases = [...new Set(spans.map(([s, e]) => originalSpan(original, folded, s, e)))];
    const harmToOthers = list.some((hit) => hit.harmToOthers && hit.severity === "urgent");
    findings.push({ category, severity, phrases, ...(harmToOthers ? { harmToOthers } : {}) });
  }
  return findings.sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** Reads one message with the phrase tables; never throws, whatever the text holds. */
export function readByRules(text: string, folded: FoldedText = foldText(text)): RuleReading {
  if (folded.text === "") return { findings: [], severity: null, defused: false };
  const { hits, defused } = findHits(folded.text);
  const findings = toFindings(text, folded, withoutCrisisEchoes(hits));
  const crisis = findings.some((finding) => lifeCategories.has(finding.category));
  return { findings, severity: findings[0]?.severity ?? null, defused: defused && !crisis };
}

/**
 * V8 compiles a regular expression on its first use, once for one-byte and once for two-byte
 * subjects: first to bytecode for its interpreter, then, used again, to machine code. Doing it for
 * every pattern when the module loads (on Workers: at isolate start-up, which has its own CPU
 * allowance) keeps the compiling out of the first message's budget. A subject of 1,000 characters
 * or more makes V8 compile straight to machine code, skipping the bytecode: V8 stops optimizing the
 * patterns it compiles once a megabyte of regular-expression code has been generated (bytecode
 * counts in full), and unoptimized, the phrase tables read a long message several times slower.
 */
function compileNow(): void {
  const patterns: RegExp[] = [negationTail, denialTail, leadInOnly, ...Object.values(general)];
  for (const rule of rules) {
    patterns.push(rule.pattern);
    for (const context of rule.contexts) {
      for (const pattern of [context.before, context.after, context.sentence, context.message]) {
        if (pattern) patterns.push(pattern);
      }
    }
  }
  patterns.push(storyWords);
  for (const subject of ["あ".repeat(1_000), "a".repeat(1_000)]) {
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      pattern.test(subject);
      pattern.lastIndex = 0;
    }
  }
  readByRules("友達が「死にたい」って言ってた");
}

compileNow();
