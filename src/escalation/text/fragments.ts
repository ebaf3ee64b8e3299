// Words and contexts the phrase tables share: who is speaking or acting, fiction, the past, negation.
import { foldPattern } from "./fold";
import { anyOf, type Context } from "./rules";

export const firstPerson = anyOf(
  "私",
  "わたし",
  "あたし",
  "僕",
  "ぼく",
  "俺",
  "おれ",
  "自分",
  "じぶん",
  "うち",
);

export const family = anyOf(
  "お父さん",
  "おとうさん",
  "お母さん",
  "おかあさん",
  "父親",
  "母親",
  "両親",
  "父",
  "母",
  "親",
  "パパ",
  // 「ママ」 folds to 「まま」, which is also 「そのまま」「わがまま」
  "(?<![のがわ])ママ",
  "親父",
  "おやじ",
  "おふくろ",
  "お兄ちゃん",
  "お姉ちゃん",
  "兄貴",
  "姉貴",
  "兄",
  "姉",
  "弟",
  "妹",
  "兄弟",
  "祖父",
  "祖母",
  "おじいちゃん",
  "おばあちゃん",
  "じいちゃん",
  "ばあちゃん",
  "夫",
  "旦那",
  "だんな",
  "主人",
  "妻",
  "嫁",
  "奥さん",
  "彼氏",
  "恋人",
  "パートナー",
  "家族",
  "義父",
  "義母",
  "叔父",
  "叔母",
  "伯父",
  "伯母",
  "息子",
  "娘",
  "子ども",
  "子供",
);

export const workplace = anyOf(
  "上司",
  "社長",
  "店長",
  "副店長",
  "先輩",
  "同僚",
  "後輩",
  "主任",
  "課長",
  "部長",
  "係長",
  "班長",
  "リーダー",
  "チーフ",
  "マネージャー",
  "工場長",
  "所長",
  "職場の人",
  "会社の人",
  "パートさん",
  "パートの人",
  "社員さん",
  "お局",
  "指導係",
  "オーナー",
  "現場の人",
  "職場のみんな",
);

const others = anyOf(
  "友達",
  "ともだち",
  "友人",
  "親友",
  "知り合い",
  "知人",
  "近所の人",
  "隣の人",
  "知らない人",
  "お客さん",
  "客",
  "あいつ",
  "あの人",
  "彼女",
  "彼",
  "芸能人",
  "俳優",
  "女優",
  "歌手",
  "有名人",
  "アイドル",
  "ユーチューバー",
  "youtuber",
  "主人公",
  "キャラ",
  "登場人物",
  "犬",
  "猫",
  "ペット",
  "さん",
  "くん",
  "ちゃん",
  "の人",
  "人",
);

export const thirdPerson = anyOf(family, workplace, others);

/** The closest subject before the phrase is someone else, with no 「私」 after it. */
export function subjectIs(who: string, particles = "が|は|も"): string {
  // 「友達がいないから」 says who is missing, not who acts.
  return `${who}(?:${particles})(?!いな|居な|いれ|いて)(?:(?!${firstPerson})[^、]){0,10}$`;
}

export const fiction = anyOf(
  "ドラマ",
  "映画",
  "えいが",
  "アニメ",
  "漫画",
  "まんが",
  "小説",
  "ゲーム",
  "曲",
  "歌詞",
  "歌",
  "ニュース",
  "番組",
  "動画",
  "舞台",
  "物語",
  "ストーリー",
  "作品",
  "ラノベ",
  "ボカロ",
);

/**
 * What a quoted phrase can be the title or words of. Not 「話」「回」, and 「本」 only as a book, so
 * 「死にたいって話した」「死にたいって本気で思う」 stay the person's own words.
 */
const titleNoun = anyOf(
  "曲",
  "歌(?![っういわえお])",
  "うた(?![っういわえお])",
  "本(?!気|当|音|人|心)",
  "小説",
  "漫画",
  "まんが",
  "映画",
  "ドラマ",
  "アニメ",
  "タイトル",
  "歌詞",
  "動画",
  "セリフ",
  "台詞",
  "ボカロ",
  "シーン",
  "場面",
  "ニュース",
  "記事",
);

const distantPast = anyOf(
  "昔",
  "むかし",
  "以前",
  "前は",
  "学生の頃",
  "学生時代",
  "子どもの頃",
  "子供の頃",
  "こどもの頃",
  "小さい頃",
  "若い頃",
  "10代",
  "十代",
  "中学",
  "高校",
  "小学",
  "何年も前",
  "[0-9]+年前",
  "前の会社",
  "前の職場",
);

/** The same words reported as someone else's (「友達が「死にたい」って言ってた」). */
const reported = "^」?(?:って|と|とか)(?:言|い[っうわ]|話|書|つぶや|ライン|メッセ|漏ら|泣|送)";

export const netPlaces = anyOf(
  "ネット",
  "sns",
  "ツイッター",
  "twitter",
  "(?<![a-z])x(?![a-z])",
  "インスタ",
  "tiktok",
  "ティックトック",
  "ユーチューブ",
  "youtube",
  "掲示板",
  "5ch",
  "2ch",
  "ツイート",
  "投稿",
  "コメント",
  "ブログ",
  "配信",
  "ライングループ",
  "lineグループ",
  "グループライン",
);

/** What follows a word for an act when the person wants it (「自殺したい」「リスカしたくなる」). */
const desire = "^(?:を|が)?(?:し|する)?(?:たい|たく(?!な(?:い|かっ|く))|ちゃいたい|てしまいたい)";
/** The same wish reported as someone else's (「兄が自殺したいって言ってた」). */
const desireReported = `${desire}[^。、]{0,3}」?(?:って|と|とか)(?:言|い[っうわ]|話|書|つぶや|ライン|メッセ|漏ら|泣|送)`;
/** What follows it when they plan it (「飛び降りよう」「吊ろうかな」「自殺するつもり」). */
const plan = "^(?:を|が)?(?:し|する|して)?(?:よう|う(?:と|か)|ちゃおう|つもり|しか|かな)";
/** Something that started long ago and has not stopped (「中学の時から」「昔から」「今でも」). */
const stillGoingOn = "(?:頃|時|ころ|とき|昔|前|年)から|ずっと|今も|今でも|いまだに|未だに";

/**
 * A wish or plan in the first person (「死にたい」「消えたい」): only a title, someone else's
 * reported words or a distant past changes it. Jokes and hyperbole do not: a person may hide a real
 * wish behind 「w」.
 */
export const wishContexts: readonly Context[] = [
  { after: `^[^」。]{0,12}」(?:って|という|っていう|とかいう|の)?${titleNoun}`, then: null },
  { after: `^(?:という|っていう|とかいう)${titleNoun}`, then: null },
  { after: `^って${titleNoun}(?=$|[。、]|が|を|は|の|に|で|も|好|聞|見|読)`, then: null },
  { before: `(?:歌詞|セリフ|台詞|タイトル|曲|歌)(?:に|で|が|は|の)「$`, then: null },
  { before: subjectIs(thirdPerson), sentence: fiction, then: null },
  // 「母は「死にたい」って言う私を怒る」: the words are still the person's own.
  {
    after: `^」?(?:って|と)[^。、]{0,6}${firstPerson}(?:を|に|が|は)`,
    then: { category: "crisis", severity: "urgent" },
  },
  { before: subjectIs(family), after: reported, then: { category: "family", severity: "high" } },
  {
    before: subjectIs(thirdPerson),
    after: reported,
    then: { category: "other", severity: "high" },
  },
  { sentence: stillGoingOn, then: { category: "crisis", severity: "urgent" } },
  {
    sentence: distantPast,
    after: "^(?:と|って)(?:思って(?:い)?た|おもってた|思った|考えてた|時期)",
    then: { category: "mood", severity: "high" },
  },
];

/**
 * A word for an act or a note (「自殺」「リスカ」「遺書」「OD」): someone else's, the news, fiction
 * or long ago is grief or history, not a present danger.
 */
export const mentionContexts: readonly Context[] = [
  { after: `^(?:予防|防止|対策|報道|者数|率|点)`, then: null },
  { sentence: "(?:主人公|キャラ|登場人物)(?:が|は|も|、)", then: null },
  { before: subjectIs(thirdPerson), sentence: fiction, then: null },
  {
    before: `${fiction}(?:の|で見た|で観た|で読んだ|でやってた|で)(?:${thirdPerson}の)?$`,
    then: null,
  },
  {
    after: `^(?:の|な|する|した)?(?:シーン|場面|描写|ニュース|記事|話(?:を|が)?[^。]{0,6}(?:見た|聞いた|読んだ|見て|読んで|聞いて(?!ほし|くれ|もら|下さ|くだ)))`,
    then: null,
  },
  {
    before: subjectIs(family),
    after: desireReported,
    then: { category: "family", severity: "high" },
  },
  {
    before: subjectIs(thirdPerson),
    after: desireReported,
    then: { category: "other", severity: "high" },
  },
  // 「自殺したい」 is the person's own wish whoever else the sentence names (「友達が止めたけど」).
  { after: desire, then: { category: "crisis", severity: "urgent" } },
  { after: "^(?:が|者が)(?:あった|出た|あり|起き)", then: { category: "mood", severity: "high" } },
  { before: subjectIs(family), then: { category: "family", severity: "high" } },
  { before: `${family}の[^、]{0,2}$`, then: { category: "family", severity: "high" } },
  { before: subjectIs(thirdPerson), then: { category: "mood", severity: "high" } },
  { before: `${thirdPerson}の[^、]{0,2}$`, then: { category: "mood", severity: "high" } },
  // 「飛び降りよう」「中学の時からリスカしてる」: a plan, or something that has not stopped.
  { after: plan, then: { category: "crisis", severity: "urgent" } },
  { sentence: stillGoingOn, then: { category: "crisis", severity: "urgent" } },
  { sentence: distantPast, then: { category: "mood", severity: "high" } },
];

/** Everyday causes that make 「死ぬ」 hyperbole: heat, sleepiness, laughter, cuteness, work. */
export const hyperboleCause = `${anyOf(
  "暑",
  "あつ(?:い|く|す)",
  "寒",
  "さむ",
  "眠",
  "ねむ",
  "忙",
  "いそが",
  "疲",
  "つかれ",
  "お腹",
  "おなか",
  "腹",
  "はら",
  "笑",
  "わら",
  "ウケ",
  "うけ",
  "可愛",
  "かわい",
  "尊",
  "とうと",
  "おもしろ",
  "面白",
  "痛",
  "辛",
  "からい",
  "からす",
  "重",
  "臭",
  "くさい",
  "課題",
  "宿題",
  "テスト",
  "試験",
  "残業",
  "満員",
  "筋肉痛",
  "花粉",
  "緊張",
  "恥ずかし",
  "はずかし",
)}[^、]{0,8}$`;

/**
 * What may follow a phrase to deny it: 「死にたいとは思わない」「殴られてはいない」「不安はない」
 * 「辞めたいわけじゃない」. 「〜じゃないかな」 and 「思わない日はない」 are not denials.
 */
export const negationTail = new RegExp(
  foldPattern(
    "^(?:とは|なんて|なんか|って|とか|は|も|わけ|訳|たり|こと|事|て|で|い|し|な|され|ても|でも|もう" +
      "|全然|ぜんぜん|別に|べつに|特に|とくに|まったく|全く|一切|いっさい|一度も|いちども)*" +
      "(?:思わ(?!ない(?:日|時|とき))|おもわ(?!ない(?:日|時|とき))" +
      "|思って(?:は|も)?(?:い|ま)?(?:な|せ)|おもって(?:は|も)?(?:い)?な" +
      "|思ったこと(?:は|も)?(?:一度も|いちども)?(?:な|ありませ)" +
      "|(?:じゃ|じゃあ|では)(?:な(?!いか|いの|いです?か)|ありませ)" +
      "|ない|なかった|ありませ|ません)",
  ),
  "u",
);
