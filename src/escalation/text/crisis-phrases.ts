// Phrases that signal a risk to life: wishes to die, plans and means, self-harm, overdose, farewells.
import {
  family,
  firstPerson,
  hyperboleCause,
  mentionContexts,
  subjectIs,
  thirdPerson,
  wishContexts,
} from "./fragments";
import { anyOf, type Context, type PhraseTable } from "./rules";

/** Net spellings of 「死」: 「氏」「タヒ」「4」, and kana for people who write little kanji. */
const deathSpelling = anyOf("氏", "タヒ", "4", "し", "ち", "市");

/**
 * After a kana or slang spelling, 「しにたい」 must end there or go on as a wish does, so that
 * 「私にたいして」「うちにたい焼き」「田中氏にたいへん」 stay quiet.
 */
const wishGoesOn =
  "(?=$|[。、」w笑]|な(?!い)|よ|ね|わ|の|って|と|けど|か(?!い|ん)|ん|気|き|時|とき|日|夜|です|ほど|くら|ぐら|思|おも|し(?![てたまよなす])|から|すぎ|過ぎ|泣|もう)";

/** 「〜たく」 that goes on to a wish (「死にたくなる」「死にたくて」), not to 「死にたくない」. */
const wantingOn = "たく(?!な(?:い|かっ|く|さ))";

const drug = anyOf(
  "薬",
  "くすり",
  "睡眠薬",
  "睡眠導入剤",
  "眠剤",
  "安定剤",
  "精神薬",
  "頓服",
  "とんぷく",
  "市販薬",
  "風邪薬",
  "鎮痛剤",
  "痛み止め",
  "処方薬",
  "錠剤",
);
/** Amounts that can only mean too much. */
const tooMuch = anyOf(
  "まとめて",
  "大量に?",
  "たいりょうに?",
  "一気に",
  "いっきに",
  "ありったけ",
  "一度に",
  "何シート",
  "何錠",
  "[1-9][0-9]+(?:錠|粒|個)",
  "[0-9]+(?:シート|箱|瓶)",
);
/** Amounts that also describe a day's dose taken as prescribed (「朝の薬は全部飲んだ」). */
const all = anyOf("全部", "ぜんぶ", "たくさん", "いっぱい");
const swallowed = "(?:飲|の)(?:んだ|んじゃ|みま|みた|もう|む|んで|め)";

/** Taking the day's dose as prescribed (「朝の薬は全部飲んだ」) is the opposite of an overdose. */
const asPrescribed: Context = {
  sentence: anyOf(
    "ちゃんと",
    "きちんと",
    "忘れず",
    "わすれず",
    "処方(?:通り|どおり)",
    "言われた(?:通り|とおり)",
    "(?:朝|昼|夜|寝る前|食後|食前|今日|きょう|1回|一回|毎日|いつも)の(?:分|薬|くすり)",
  ),
  then: null,
};
/** 「毎日ぜんぶ飲んでます」: a habit, not an act. */
const habitually: Context = { after: "^(?:る|ます|います|いる)", then: null };

/** Goodbyes that belong to a job, a move or the end of support, not to a life. */
const plannedGoodbye: Context = {
  message: anyOf(
    "退職",
    "辞め",
    "やめる",
    "やめます",
    "転職",
    "引っ越",
    "ひっこ",
    "異動",
    "卒業",
    "終了",
    "最後の面談",
    "最終日",
    "契約",
    "来月から",
    "これからも",
    "また(?:会|連絡|よろしく)",
    "よろしく",
    "お元気で",
    "また(?:明日|あした|来週|ね)",
    "じゃあね",
    "今日は(?:ありがとう|楽しかった)",
    "定年",
    "(?:支援|利用)(?:が|は|も)?(?:終わ|おわ)",
  ),
  then: null,
};

/** A goodbye from someone worn out is not about a job, whatever else the message says. */
const worn: Context = {
  message: "疲れ|つかれ|無理|限界|死|消え|つらい|辛い|しんどい|苦し",
  then: { severity: "urgent" },
};

const hyperbole: Context = { before: hyperboleCause, then: null };
const laughing: Context = { after: "^[^。]{0,3}(?:笑|w|草)", then: null };
/** 「恥ずかしくて消えたい」「死にたくなるほど恥ずかしかった」: hyperbole about embarrassment. */
const embarrassed: Context = {
  before: `(?:恥ずかし|はずかし)[^、]{0,8}$`,
  then: { category: "mood", severity: "low" },
};
const embarrassedAfter: Context = {
  after: "^(?:なる|なった)?(?:ほど|くらい|ぐらい)(?:恥ずかし|はずかし)",
  then: { category: "mood", severity: "low" },
};
const awayFromWork: Context = {
  before: `(?:会社|職場|仕事|バイト|学校)から$`,
  then: { category: "mood", severity: "high" },
};
/** 「死にたくないけど生きるのもつらい」: the person says they do not want to die. */
const deniesWish: Context = {
  message: "死にたく(?:は)?ない|死にたいわけじゃ|死ぬつもりは(?:ない|ありません)|死なないよ",
  then: { category: "mood", severity: "high" },
};

export const crisisTable: PhraseTable = {
  category: "crisis",
  rules: [
    // wishes to die, in kanji, kana, slang and romaji
    {
      pattern: `死に(?:たい|${wantingOn}|てえ|て(?=$|[。、」!])|たみ|たさ)`,
      severity: "urgent",
      contexts: [embarrassed, embarrassedAfter, ...wishContexts],
    },
    {
      pattern: `${deathSpelling}に(?:たい${wishGoesOn}|${wantingOn}(?=な|て)|たみ)`,
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern:
        "(?<![a-z])(?:shi|si) ?ni ?(?:tai|taku|tee)|(?<![a-z])(?:wanna|want ?to|want) ?die(?![a-z])|kill ?my ?self|end ?my ?life|suicid|(?<![a-z])kms(?![a-z])|(?<![a-z])(?:kietai|kiechaitai)",
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern: "死のう|しのう(?=と|か|って|よ|$|。)|死の(?:っ)?かな",
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern:
        "死んで(?:しまい|しまお|しまえ|やる|やろ|楽に|お詫び|詫び|償)|死んじゃ(?:いたい|おう|おっ)|しんでしまいたい|しんじゃいたい",
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern:
        "(?:死|し)んだ(?:方|ほう)が(?:まし|いい|楽|よかった)|死ねたら|死ねる(?:方法|場所|薬|なら)|楽に死|死に場所|(?:死|し)ぬ(?:こと|事)(?:ばかり|ばっかり|ばっか|しか)?(?:を)?(?:考え|かんがえ)",
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern: "死ねば(?:いい|楽|よかった)",
      severity: "urgent",
      contexts: [
        {
          before: `${thirdPerson}(?:なんか|なんて|が|は|も|って)?$`,
          then: { category: "other", severity: "low" },
        },
        ...wishContexts,
      ],
    },
    {
      pattern:
        "(?:死|し)ぬ(?:しかない|しかねえ)|死ぬ(?:以外|つもり|覚悟(?!で)|決心|準備|方法|場所|手段|計画)|死ぬ気(?!で)|死ぬ(?:こと|って|と)(?:に)?(?:した|決め)",
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern:
        "死なせて|死にます|死にに(?:行|い)|(?<!ろくな)死に方|(?:もう)?死んでもいい(?=や|かな|と|よ|。|$)",
      severity: "urgent",
      contexts: [hyperbole, ...wishContexts],
    },
    {
      pattern: `(?:今から|いまから|これから|今夜|今日|明日|もう)(?:、)?(?:死(?:ぬ|のう)|しぬ|しのう)(?!ほど|かと|くらい|ぐらい|かも|って|気|んじゃ|じゃ)`,
      severity: "urgent",
      contexts: [hyperbole, laughing, ...wishContexts],
    },
    { pattern: "死にたかった", severity: "urgent", contexts: mentionContexts },
    {
      pattern: "(?:タヒ|氏)(?:りたい|ろう|る(?=わ|。|$))",
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern: `${firstPerson}(?:が|は)?(?:死んでも|しんでも|いなくなっても|消えても)(?:誰も|だれも|何も|なにも)`,
      severity: "urgent",
      contexts: wishContexts,
    },
    { pattern: "(?:飲んで|のんで|飛んで|とんで)死", severity: "urgent", contexts: wishContexts },

    // wanting to vanish
    {
      pattern: `(?:消|き)え(?:たい|${wantingOn}|てしまいたい|ちゃいたい|てなくなりたい|てしまえたら|去りたい|られたら)`,
      severity: "urgent",
      contexts: [embarrassed, embarrassedAfter, awayFromWork, ...wishContexts],
    },
    {
      pattern: `(?:い|居)なくなり(?:たい|${wantingOn})|いなくなってしまいたい|いなくなれたら|(?:自分|私|わたし|僕|俺)(?:を|の存在を)消したい`,
      severity: "urgent",
      contexts: [awayFromWork, ...wishContexts],
    },
    {
      pattern: "(?:いない|いなくなった|消えた|死んだ)(?:方|ほう)が(?:いい|まし|楽|みんなの)",
      severity: "urgent",
      contexts: [
        { before: subjectIs(thirdPerson, "が|は|も|なんか|なんて|って"), then: null },
        ...wishContexts,
      ],
    },
    {
      pattern: "この世から(?:消|き|いなく|おさらば)|この世に(?:もう)?いない",
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern:
        "もう(?:この世に)?いない(?:と思|かも|から)|(?:目が覚め|目覚め|朝が来|明日が来)なければ|生きてて(?:ごめん|すみません|申し訳)",
      severity: "urgent",
      contexts: [
        { before: "(?:会社|職場|家|部屋|ここ|席|事務所|寮)(?:に|には)?[^、]{0,2}$", then: null },
        ...wishContexts,
      ],
    },

    // tired of living
    {
      pattern:
        "生まれてこなければ|生まれてこなきゃ|生まれてきたくなかった|生まれなければよかった|産まれてこなければ|生まれてきてごめん",
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern: `生き(?:てい|て)?たくない|(?:生|い)き(?:る|てる)(?:の|こと)に(?:疲れ|つかれ)|いき(?:てい|て)たくない|生きるのを(?:やめ|辞め)|(?:生|い)き(?:る|てる|ている|てく|ていく)(?:意味|いみ|価値|理由)(?:が|も|なんて|なんか)?(?:ない|無い|わからない|分からない|見つからない)|生き(?:てる|ていても|てても|てて)(?:も)?(?:意味ない|意味がない|しょうがない|仕方ない|しかたない)|(?:何|なん)のために生きて|もう生きられない`,
      severity: "urgent",
      contexts: wishContexts,
    },
    {
      pattern:
        "(?:生|い)き(?:る|てる|ている|ていく|てく)(?:の|こと)(?:が|も|は|って)?(?:もう)?(?:つらい|辛い|しんどい|苦しい|くるしい|疲れ|つかれ|面倒|めんどう|いや|嫌)",
      severity: "urgent",
      contexts: [deniesWish, ...wishContexts],
    },
    {
      pattern: "生きていけない",
      severity: "urgent",
      contexts: [
        { before: "(?:なしでは|なしじゃ|なしで|無しでは|がないと|ないと)$", then: null },
        {
          before: "(?:給料|お金|金|収入|年金|手取り)[^、]{0,8}$",
          then: { category: "money", severity: "high" },
        },
        ...wishContexts,
      ],
    },
    {
      pattern:
        "(?:終わり|おわり)に(?:したい|しよう|する(?:つもり|しか|(?=$|[。、]|ね|よ|わ|から))|しちゃいたい)|(?:人生|命|いのち)(?:を)?(?:終わら|おわら)せ|人生(?:を)?(?:やめ|辞め)(?:たい|よう|る)",
      severity: "urgent",
      contexts: [
        {
          before:
            "(?:仕事|作業|今日|きょう|残業|話|関係|付き合い|つきあい|会社|バイト|契約|これ|それ|練習|勉強|片付け|掃除|ゲーム|ダイエット|支援|面談|件|喧嘩|けんか|(?:人|やつ|あいつ|彼|彼女|彼氏|友達)(?:と|とは))(?:を|は|も|で)?(?:もう)?(?:早く|はやく)?$",
          then: null,
        },
        ...wishContexts,
      ],
    },

    // overdose
    {
      pattern: "(?<![a-z])od(?![a-z])|オーバードーズ|オーバードース|過量服薬|大量服薬|致死量",
      severity: "urgent",
      contexts: mentionContexts,
    },
    {
      pattern: `${drug}(?:を|も|は)?(?:、)?(?:[^。、]{0,8}(?:も|を))?(?:全部|ぜんぶ)?${tooMuch}(?:、)?${swallowed}`,
      severity: "urgent",
      contexts: [{ before: subjectIs(family), then: { category: "family", severity: "high" } }],
    },
    {
      pattern: `${drug}(?:を|も|は)?(?:、)?${all}(?:、)?${swallowed}`,
      severity: "urgent",
      contexts: [
        asPrescribed,
        habitually,
        { before: subjectIs(family), then: { category: "family", severity: "high" } },
      ],
    },
    {
      pattern: `${drug}(?:を|も)?(?:、)?(?:飲み|のみ)(?:すぎ|過ぎ)`,
      severity: "urgent",
      contexts: [asPrescribed],
    },
    {
      pattern: `${drug}(?:を)?(?:ため|貯め|溜め|集め)(?:込|こ)?(?:んで|んでる|て|てる|ている)`,
      severity: "urgent",
    },

    // self-harm
    {
      pattern: "リスカ|リストカット|アムカ|レグカ|自傷|根性焼き",
      severity: "urgent",
      contexts: mentionContexts,
    },
    {
      pattern: "(?:手首|腕|うで|太もも|太腿)(?:を|も)?(?:切|き)(?:っ|り|る|ろ)",
      severity: "urgent",
      contexts: mentionContexts,
    },
    {
      pattern:
        "(?:手首|腕|うで|首)に(?:カッター|刃|包丁|ナイフ|かみそり|カミソリ)|(?:腕|手首|うで|体|からだ|足)(?:に|を)(?:傷|きず)(?:を)?(?:つけ|付け)|(?:腕|手首|うで)を(?:傷つけ|きずつけ)",
      severity: "urgent",
      contexts: mentionContexts,
    },
    {
      pattern: `${firstPerson}(?:を|の(?:体|からだ)を)(?:傷つけ|きずつけ|殴|なぐ|痛めつけ)|(?:切る|血を見る)と落ち着`,
      severity: "urgent",
      contexts: mentionContexts,
    },

    // means
    {
      pattern:
        "(?:首|くび)(?:を)?(?:吊|つ)(?:る|り|ろ|った|って)|首吊|くびつり|(?:首|くび)を(?:括|くく)|首くくり",
      severity: "urgent",
      contexts: [
        { before: "寝違え[^、]{0,4}$", then: { category: "health", severity: "low" } },
        ...mentionContexts,
      ],
    },
    {
      pattern: "飛び(?:降|下|お)り|とびおり",
      severity: "urgent",
      contexts: [
        { after: "^(?:たい|たく|よう|ちゃいたい|る(?:つもり|しか))", then: { severity: "urgent" } },
        {
          before:
            "(?:階段|段差|ベッド|ソファ|椅子|いす|遊具|ブランコ|すべり台|滑り台|自転車)(?:の上)?(?:から|を)?[^、]{0,3}$",
          then: null,
        },
        ...mentionContexts,
      ],
    },
    {
      pattern:
        "(?:電車|でんしゃ|線路|せんろ|ホーム|車|トラック|踏切|ふみきり)に(?:飛び込|とびこ|飛びこ)|(?:線路|踏切)に(?:入り|はいり)たい|轢かれ(?:たい|ないかな|ればいい|て死)|(?:車|くるま|トラック|電車)に(?:ひかれ)(?:たい|ないかな|ればいい|て死)",
      severity: "urgent",
      contexts: mentionContexts,
    },
    {
      pattern: "練炭|れんたん|硫化水素|樹海(?:に|へ)(?:行|い)",
      severity: "urgent",
      contexts: mentionContexts,
    },
    {
      pattern: `(?:殺して(?:ほしい|欲しい|くれ|ください|下さい)|(?:誰か|だれか|いっそ)(?:、)?${firstPerson}?(?:を)?殺して)`,
      severity: "urgent",
      contexts: [
        { before: `${firstPerson}を$`, then: { category: "crisis", severity: "urgent" } },
        { before: "を$", then: { category: "other", severity: "high" } },
        ...wishContexts,
      ],
    },

    // suicide named, notes and farewells
    { pattern: "自殺|自死|じさつ|jisatsu|jisatu", severity: "urgent", contexts: mentionContexts },
    { pattern: "遺書", severity: "urgent", contexts: mentionContexts },
    {
      pattern:
        "今まで(?:本当に)?(?:ありがとう|有難う|ありがと|お世話になりました|おせわになりました)|(?:みんな|皆|皆さん|みなさん|この世|世界|家族)(?:に|よ)?(?:、)?(?:さようなら|さよなら|ばいばい|バイバイ)|(?:これが|これで)?最後の(?:メッセージ|連絡|言葉)",
      severity: "urgent",
      contexts: [worn, plannedGoodbye, ...wishContexts],
    },
    {
      pattern:
        "先に逝|先立つ不孝|逝き(?:たい|ます)|逝こう|逝っていい|あの世(?:に|へ)|天国(?:に|へ)(?:行|い)きたい",
      severity: "urgent",
      contexts: wishContexts,
    },
    { pattern: "探さないで(?:ください|下さい|ね)?", severity: "urgent", contexts: wishContexts },
    {
      pattern: "さようなら|さよなら",
      severity: "urgent",
      contexts: [
        worn,
        plannedGoodbye,
        {
          message: "今まで|ありがとう|ありがと|ごめん|最後",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
  ],
};
