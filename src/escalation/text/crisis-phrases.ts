// Phrases that signal a risk to life: wishes to die, plans and means, self-harm, overdose, farewells.
import {
  family,
  fiction,
  firstPerson,
  hyperboleCause,
  mentionContexts,
  subjectIs,
  thirdPerson,
  wishContexts,
} from "./fragments";
import { anyOf, type Context, type PhraseRule, type PhraseTable } from "./rules";

/** Net spellings of 「死」: 「氏」「タヒ」「4」, and kana for people who write little kanji. */
const deathSpelling = anyOf("氏", "タヒ", "4", "し", "ち", "市");

/**
 * After a kana or slang spelling, 「しにたい」 must end there or go on as a wish does, so that
 * 「私にたいして」「うちにたい焼き」「田中氏にたいへん」 stay quiet.
 */
const wishGoesOn =
  "(?=$|[。、」w笑]|な(?!い)|よ|ね|わ|の|って|と|けど|か(?!い|ん)|ん|気|き|時|とき|日|夜|です|てす|ほど|くら|ぐら|思|おも|し(?![てたまよなす])|から|すぎ|過ぎ|泣|もう|お(?=$|[。、])|ほんと|本当|まじ|マジ|ガチ|がち|たすけ|助け|だれも|誰も)";

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
  "咳止め",
  "せきどめ",
  "ブロン",
  "メジコン",
  "かぜぐすり",
  "頭痛薬",
  "睡眠改善薬",
  "ねむりぐすり",
  "眠り薬",
  "すいみんやく",
  "ちんつうざい",
  "いたみどめ",
  "ずつうやく",
  "ロキソニン",
  "バファリン",
  "イブ",
  "パブロン",
  "デパス",
  "マイスリー",
  "セロクエル",
  "ハルシオン",
  "レンドルミン",
  "ロヒプノール",
  "サイレース",
  "ベルソムラ",
  "ドリエル",
  "リスパダール",
  "ジプレキサ",
  "kusuri",
);
/** Medicines taken for their effect on the mind, or bought to overdose on. */
const strongDrug = anyOf(
  "睡眠薬",
  "すいみんやく",
  "睡眠導入剤",
  "眠剤",
  "みんざい",
  "安定剤",
  "精神薬",
  "向精神薬",
  "抗不安薬",
  "咳止め",
  "せきどめ",
  "ブロン",
  "メジコン",
  "睡眠改善薬",
  "ねむりぐすり",
  "眠り薬",
  "デパス",
  "マイスリー",
  "セロクエル",
  "ハルシオン",
  "レンドルミン",
  "ロヒプノール",
  "サイレース",
  "ベルソムラ",
  "ドリエル",
);
/** Amounts that can only mean too much. */
const tooMuch = anyOf(
  "まとめて",
  "大量に?",
  "たいりょうに?",
  "一気に",
  "いっきに",
  "いっぺんに",
  "一遍に",
  "いちどに",
  "ありったけ",
  "一度に",
  "何シート",
  "何錠",
  "[1-9][0-9]+(?:錠|粒|個)",
  "[0-9]+(?:シート|箱|瓶)",
  "[0-9一二三四五六七八九十何]+(?:日|週間|か月|ヶ月|カ月|ヵ月)分(?:を|も)?(?:、)?(?:全部|ぜんぶ)?(?:まとめて|一気に|いっきに|一度に)",
);
/** Amounts that also describe a day's dose taken as prescribed (「朝の薬は全部飲んだ」). */
const all = anyOf("全部", "ぜんぶ", "たくさん", "いっぱい", "all");
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
    "(?:朝|あさ|昼|ひる|夜|よる|寝る前|ねるまえ|食後|しょくご|食前|今日|きょう|1回|一回|毎日|まいにち|いつも)の(?:分|ぶん|薬|くすり)",
  ),
  then: null,
};
/** 「くすり ぜんぶ のんだよ。あさの ぶん」: the dose named in the next sentence. */
const doseNamedNext: Context = {
  message:
    "(?:朝|あさ|昼|ひる|夜|よる|寝る前|ねるまえ|今日|きょう)の(?:分|ぶん)(?:。|$|だよ|です|よ)",
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
    "お元気で",
    "また(?:明日|あした|来週|ね)",
    "じゃあね",
    "今日は(?:ありがとう|楽しかった)",
    "定年",
    "(?:支援|利用)[^。]{0,6}(?:終わ|おわ)",
    "退社",
    "修了",
    "新しい(?:職場|仕事|会社|家|部屋|の|とこ|ところ)",
    "(?:明日|来週)から(?!は?(?:、)?もう)",
    "(?:最後|さいご)の(?:出勤|しゅっきん|勤務|きんむ|シフト|しふと|バイト|ばいと|仕事|しごと|授業|練習)",
    "おしあわせ",
    "お幸せ",
    "忘れないで",
    "また(?:何か|なにか|なんか)",
    "らいげつから",
    "がんばります",
    "頑張ります",
    "遊びに",
    "あそびに",
    "転勤",
    "てんきん",
    "こたつ",
    "扇風機",
    "機種変",
    "担当(?:さん|者)?(?:が|も)?(?:変わ|かわ)",
    "やめました",
    "新しい(?:人|担当|方)",
    "実習",
    "研修",
    "インターン",
  ),
  then: null,
};

/** Thanks to a thing being replaced (「15年のった自転車、今までありがとう」). */
const thanksToAThing: Context = {
  before:
    "(?:自転車|じてんしゃ|スマホ|すまほ|携帯|けいたい|パソコン|車|くるま|靴|くつ|服|財布|さいふ|かばん|鞄|バッグ|冷蔵庫|洗濯機|テレビ|ゲーム機|家|部屋|店|お店|番組|連載|制服)(?:、|よ|さん|くん|ちゃん)?$",
  then: null,
};

/** 「最後に「みんなありがとう」って言って」: someone else's goodbye, quoted. */
const quotedGoodbye: Context = {
  after: "^[^。」]{0,10}」(?:って|と)(?:、)?(?:言|い)(?:って|った|われ|ってくれ)",
  then: null,
};

/** A goodbye from someone worn out is not about a job, whatever else the message says. */
const worn: Context = {
  message: "疲れ|つかれ|無理|むり|ムリ|限界|死|消え|つらい|辛い|しんどい|苦し",
  then: { severity: "urgent" },
};

const hyperbole: Context = { before: hyperboleCause, then: null };
const laughing: Context = {
  after: "^[^。]{0,3}(?:笑(?!え|い事|いごと)|w|草(?!も生え|もはえ|じゃ))",
  then: null,
};
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

/** Words that make a message about a life: what turns an ambiguous phrase into a wish to die. */
const lifeTalk =
  "人生|じんせい|生き(?!生き|物|もの)|いきる|いきて|いきと|生まれ|うまれ|存在|そんざい|この世|このよ|命|いのち|死|しにた|しぬ|消えたい|きえたい|無理ゲ|むりげ|クソゲ|くそげ|ハードモード|はどもど";

/** Exhaustion or despair anywhere in the message. */
const distress =
  "もう(?:、)?(?:疲|つか|いや|嫌|無理|むり|いい(?=$|[。、やわよ])|ええ|しんど|限界|げんかい|だめ|ダメ|あかん)|何もかも|なにもかも|なんもかんも|なんもかも|生き(?!生き|物|もの)|いきる|いきて|いきと|人生|じんせい|消え|きえた|死|しにた|しぬ|眠ったまま|ねむったまま|起きたくな|おきたくな|起きなくて|おきなくて|起きんで|おきんで|目が覚め|めがさめ|つらく|辛く|苦しく|くるしく|つらいこと|ことばっか";

/** The same, with the words that make sleep forever rather than a lie-in. */
const sleepSignal = `${distress}|そのまま|このまま|ずっと|ずーっと|永遠|えいえん|二度と|にどと|いっそ`;

/** A day off, an alarm, a cold morning: wanting to sleep on is ordinary. */
const lieIn: Context = {
  message:
    "休みの日|やすみのひ|休日|週末|土日|連休|有給|休暇|日曜|土曜|祝日|明日(?:は)?休み|あした(?:は)?やすみ|アラーム|あらむ|目覚まし|めざまし|二度寝|昼寝|ひるね|寝坊|ねぼう|早起き|はやおき|遅番|午後から|昼から|布団が|ふとんが|気持ちい|きもちい|眠い|ねむい|寒い|さむい",
  then: null,
};

/** Chores and tasks that one wants "over with". */
const taskNearby: Context = {
  sentence:
    "仕事|しごと|作業|さぎょう|宿題|しゅくだい|課題|かだい|片付け|片づけ|かたづけ|掃除|そうじ|洗濯|家事|書類|しょるい|手続き|レポート|ゲーム(?!みたい)|ミッション|今日中|きょうじゅう|までに|残業|シフト|バイト|会議|かいぎ|面談|勉強|話|はなし|喧嘩|けんか|関係|付き合い|つきあい|練習|れんしゅう|試験|テスト|検品|梱包|在庫|この件|あの件|今日は|きょうは|今週|ダイエット|連載|アニメ|ドラマ|漫画|まんが|夏休み|冬休み|学校|授業",
  then: null,
};

/** Words said to the person by someone else (「生きてる価値ない」って言われた): harassment or abuse, not a wish. */
const toldTo =
  "^[^。」]{0,4}」?(?:「[^」。]{0,12}」){0,2}(?:って|と|とか)(?:、)?[^。]{0,10}?(?:(?:言|い)われ|(?:怒鳴|どな)(?:られ|って|る)|叫ば|さけば)";
/** Insults aimed at the person: 「おまえなんか死ねばいい」. */
const insult: Context = {
  before:
    "(?:おまえ|お前|あんた|てめえ|てめー|貴様|きさま|おめえ|おめー)(?:なんか|なんて|は|が|も|みたいな(?:の|やつ))?「?$",
  then: { category: "abuse", severity: "high" },
};
const saidToThem: readonly Context[] = [
  insult,
  { before: `${family}[^。]{0,12}$`, after: toldTo, then: { category: "abuse", severity: "high" } },
  { after: toldTo, then: { category: "workplace", severity: "high" } },
];

/**
 * An old wish told as over: 「前は消えたいって思ってたけど、今はそういう気持ちはない」. Both a past
 * and a present that says it is gone must be in the message.
 */
const resolvedNow: Context = {
  message:
    "^(?=[^]*(?:前|まえ|昔|むかし|以前|去年|昨年|先月|先週|あのとき|あの時|あの頃|あのころ|時期|じき|ころ|頃|てた|ってた|思ってた|言ってた|おもってた|いってた|でした|ました))(?=[^]*(?:死|しに|しぬ|消え|きえ|いな|おらん|生き|いき|ため|od|リスカ|切|首)[^]*(?:(?:今は|いまは|今では|いまでは|最近は|さいきんは)[^。]{0,14}?(?:大丈夫|だいじょうぶ|平気|へいき|落ち着い|落ち着き|おちつい|元気|げんき|楽しい|たのしい|好き|すき(?!ま)|幸せ|しあわせ|慣れ|なれて|前向き|安定)(?!な?ふり|じゃ|で(?:は)?な|とは)|(?<!から|やから|けん)もう(?:、)?(?:大丈夫|だいじょうぶ)(?=です|だよ|よ|。|$)|(?:今は|いまは|今では|いまでは|最近は|さいきんは|今|いま)(?:、)?(?:もう)?(?:、)?(?:そういう|そんな)?(?:気持ち|きもち|こと)?(?:は|も)?(?:、)?(?:全然|ぜんぜん|ほとんど|もう)?(?:(?:大丈夫|だいじょうぶ|平気|へいき|落ち着い|おちつい|元気|げんき|楽しい|たのしい)(?!な?ふり|じゃ|で(?:は)?な|とは)|なくな|無くな|ない(?=$|[。、]|です|よ))|(?:そういう|そんな)(?:気持ち|きもち|こと)(?:は|も)?(?:、)?(?:もう|全然|ぜんぜん|ほとんど)?(?:なくな|無くな|ない|ありません)))",
  then: null,
};

/** 「死にたい、なんて思ってない」「薬いっぱい飲んだら楽になれる、とかは思ってない」. */
const deniedLater: Context = {
  after:
    "^[^。]{0,14}?(?:なんて|とか|とは)(?:は|、)?(?:思|おも|考え|かんがえ)(?:って(?:は|も)?(?:い)?(?:ませ|な)|わな|ってな)",
  then: null,
};

/** 「押し付けてきた」「ぶつけられた」「絞めてきます」: done to the person by someone else. */
const doneToThem: Context = {
  after: "^(?:て|で)?(?:き(?:た|て|ます|まし)|くる|こられ)|^(?:ら|さ)れ",
  then: null,
};

/** 「死んでおわび…とか言ったら笑われた」: said as a joke and laughed off. */
const jokedAbout: Context = {
  message:
    "(?:^|。)[^。]{0,16}。?(?:とか|なんて)(?:、)?(?:言|い)(?:った|っちゃ|ってみ)[^。]{0,10}(?:笑|わら)",
  then: { category: "mood", severity: "low" },
};

/** Others, with the spellings the shared list lacks (「友だち」「同期の子」). */
const someoneElse = anyOf(thirdPerson, "友だち", "同期", "の子", "あの子", "その子");
/** Someone else's words passed on: 「友だちが、死にたいってずっと言ってる」「友達から「死にたい」ってLINEきた」. */
const passedOn =
  "^[^。」]{0,6}」?(?:って|と|とか)?(?:、)?[^。]{0,8}?(?:言|い[っうわえ]|ゆ[うっ]|話|はな|書|つぶや|ライン|line|メッセ|漏ら|泣|送|きた|来た|してきた)";
const reportedByOthers: readonly Context[] = [
  {
    // 「ゆうちゃん、死にたいって前に言ってたから心配」: the writer worries about a friend.
    before: `(?:${thirdPerson}|友だち|の子)(?:(?:が|は|も|から|より)(?:、)?|、)[^、。]{0,8}「?$`,
    after: "^[^。」]{0,6}」?(?:って|と|とか)?(?:、)?[^。]{0,8}?(?:言|い[っうわえ]|ゆ[うっ])",
    message:
      "^(?=[^]*(?:心配|しんぱい|どうしたら|どう返|なんて返|どう言えば|どうすれば))(?=[^]*(?:友|ともだち|同僚|同期|知り合い|先輩|後輩|彼氏|彼女|の子|ちゃん|くん|兄|姉|弟|妹))",
    then: { category: "other", severity: "high" },
  },
  {
    before: `${family}(?:が|は|も|から|より)(?:、)?[^、。]{0,8}「?$`,
    after: passedOn,
    then: { category: "family", severity: "high" },
  },
  {
    before: `${someoneElse}(?:が|は|も|から|より)(?:、)?[^、。]{0,8}「?$`,
    after: passedOn,
    then: { category: "other", severity: "high" },
  },
];

/** Embarrassment that ends in 「消えたい」: a small moment, not a wish to die. */
const embarrassingMoment: Context = {
  message:
    "誤爆|ごばく|黒歴史|くろれきし|穴があったら|あながあったら|お腹(?:が)?鳴|おなか(?:が)?な|転んだ|ころんだ|言い間違え|いいまちがえ|名前(?:を)?(?:間違|まちが)|噛んだ|かんだ|恥|はずかし|まあいっか|笑えた",
  then: { category: "mood", severity: "low" },
};

/** A farewell's second sign besides "last" itself. */
const farewellOther =
  "ありがと|有難|有り難|感謝|お礼|おれい|ごめん|すまん|すみません|申し訳|迷惑|めいわく|元気で|げんきで|忘れ|わすれ|さよなら|さようなら|ばいばい|バイバイ|もう(?:、)?(?:いら|要ら|使わ|つかわ|必要な|会え|あえ)|思い残|おもいのこ|心残|こころのこ|あと(?:の(?:こと|事))?は(?:よろしく|頼|たの|お願い|おねがい)|後のこと";
/** The shared contexts of a wish, with the denials, recoveries and passed-on words they miss. */
const wish: readonly Context[] = [
  deniedLater,
  jokedAbout,
  resolvedNow,
  // 「母は「死にたい」って言う私を怒る」: still the person's own words.
  {
    after: `^」?(?:って|と)[^。、]{0,6}${firstPerson}(?:を|に|が|は)`,
    then: { category: "crisis", severity: "urgent" },
  },
  ...reportedByOthers,
  ...wishContexts,
];
/** The shared contexts of a word for an act, likewise. */
const mention: readonly Context[] = [
  deniedLater,
  {
    before: "(?:の子|同期|友だち|ともだち|友達)(?:が|は)(?:、)?[^、。]{0,6}$",
    after: "^(?!(?:を|が)?(?:し|する)?(?:たい|たく))",
    then: { category: "other", severity: "high" },
  },
  {
    before: subjectIs(anyOf("友だち", "同期", "の子", "あの子", "その子")),
    after: "^(?!(?:を|が)?(?:し|する)?(?:たい|たく))",
    then: { category: "other", severity: "high" },
  },
  ...mentionContexts,
];

// ——— words for the new rules ———

/** Signs that pills are being gathered for an overdose rather than taken as prescribed. */
const pillsGathered =
  "ため|貯め|溜め|集め|あつめ|足り|たり(?=る|ない|へん)|数え|かぞえ|一気|いっき|まとめて|全部(?:飲|の)|ぜんぶ(?:飲|の)|並べ|ならべ|手のひら|てのひら|死|しね|しぬ|楽に|らくに|今夜|こんや|決め|きめ|隠|かくし|こっそり|ストック|すとっく";
/** A prescription's count of pills: a month's supply is not a hoard. */
const pillsPrescribed =
  "処方|しょほう|出され|だされ|出た|でた|もら|貰|先生|せんせい|病院|びょういん|薬局|やっきょく|日分|月分|ヶ月|か月|カ月|週間分|1日|一日|毎日|まいにち|朝|あさ|夜|よる|飲み忘れ|のみわすれ|余って|あまって|残って|のこって|サプリ|さぷり|ビタミン|乳酸菌";

/** Rope and cord (not shoelaces, not skipping ropes). */
const ropeWord =
  "(?:ロープ|ろぷ|荒縄|縄(?!跳|とび)|なわ(?=を|も|が|、|買|か(?!ら)|は)|(?<![靴くつ])紐|(?<![靴くつ])ひも(?=を|も|が|、|買|か(?!ら)|は))";
/** What makes a rope a means: where to hang it, a day to use it. */
const ropeMeant =
  "使う日|つかう日|つかうひ|首|くび|吊|つる(?=し|す)|死|しぬ|しね|決め|きめ|試し|ためし|今夜|こんや|もうすぐ|いつでも|薬も|くすりも";
const ropeUse =
  "どこに(?:かけ|掛け)|かける(?:ところ|場所|とこ)|掛ける(?:ところ|場所|とこ)|かけれる|掛けれる|かけられる|(?:部屋|へや)のどこ|ドアノブ|どあのぶ|丈夫|じょうぶ|使い方|つかいかた|結び方|むすびかた|今夜|こんや|もうすぐ|いつでも|薬も|くすりも";
/** What a rope is usually bought for. */
const ropeChores =
  "キャンプ|引っ越|引越|ひっこ|荷造り|にづくり|荷物|にもつ|段ボール|だんぼーる|ダンボール|新聞|雑誌|古紙|ゴミ|ごみ|縛|しば|テント|釣り|つり(?!革)|登山|山登り|ボート|船|トラック|固定|庭|にわ|犬|いぬ|散歩|さんぽ|リード|洗濯|せんたく|物干し|ものほし|カーテン|工作|手芸|ビーズ|マスク|名札|ストラップ|靴|くつ|エプロン|ズボン|パンツ|ジャージ|作業|倉庫|現場|梱包|こんぽう|結束|縄跳び|なわとび|運動|筋トレ|トレーニング|綱引き|プレゼント|ラッピング|包装|防災|災害|アウトドア|ハンモック";

/** Being at a bridge, the sea or a crossing for an ordinary reason. */
const placeBenign: Context = {
  message:
    "楽し|たのし|家族と|友達|ともだち|みんなで|旅行|りょこう|観光|釣り|つり(?!革)|泳|およ|花火|はなび|bbq|バーベキュー|海水浴|きれい|綺麗|デート|遊び|あそび|遊ん|あそん|サーフィン|写真|しゃしん|夕日|夕焼け|ゆうやけ|ドライブ|散歩|さんぽ|ジョギング|ランニング|通勤|つうきん|仕事で|しごとで|現場|出張|撮|景色|けしき|夜景|やけい|富士山|見える|みえる|お祭り|まつり|渋滞|工事|ピクニック|キャンプ|磯|ご飯|ごはん|食べ|たべ|気持ちいい(?!けど)|きもちいい(?!けど)|水族館|ランチ|カフェ|夕飯|ゆうはん|夕方|ゆうがた|帰りは|かえりは|週末|連休|夏休み|笑|天気|てんき|最高|さいこう|晴れ|はれ|寒かった|さむかった|猫|ねこ|犬|いぬ|鳥|花が|虫",
  then: null,
};
/** Being there alone, at night, not wanting to go back. */
const placeAlone =
  "ひとり|一人|もう|帰らな|かえらな|帰らん|かえらん|帰れな|かえれな|戻らな|もどらな|戻らん|もどらん|帰る気|かえるき|帰りたくな|かえりたくな|このまま|入って|はいって|吸い込|すいこ|深|ふか|冷た|つめた|黒|暗|くら(?:い|く)|すみません|遅く|おそく|静か|しずか|誰も|だれも|ずっと|最後|さいご|終わ|おわ|さよなら|ありがとう|怖|こわ(?:い|く)|死|しぬ|しね|とび|飛び|落ち|おち|速|はや(?:い|か)|見送|みおく|何本|なんぼん|誰にも(?:言|い)わ|だれにも(?:言|い)わ|言わんといて|いわんといて|内緒|ないしょ|引き継ぎ|ひきつぎ";
/** Going far, to the water, on a one-way ticket: where 「もう戻らない」 is a farewell. */
const goingFar =
  "遠く|とおく|遠い|とおい|海|うみ|川|かわ|橋|はし(?!っこ)|樹海|じゅかい|山|やま|片道|かたみち|終電|電車|でんしゃ|一人旅|ひとり旅|どこか|どっか|家出|いえで|ひとり|一人|今まで|いままで|ありがと|さよなら|ばいばい|探さないで|さがさないで|鍵|かぎ|最後|さいご|世話|せわ|お世話|準備|じゅんび|お金(?:を)?(?:おろ|下ろ)|行ってきます|いってきます|港|みなと";

/** Kindnesses thanked for "until now" in a farewell. */
const kindAct =
  "(?:(?:たくさん|いっぱい|いろいろ|色々|ずっと)(?:、)?)?(?:支えて|ささえて|話(?:を)?聞いて|はなし(?:を)?きいて|話聞いて|助けて|たすけて|見捨てないで|みすてないで|面倒(?:を)?(?:見|み)て|めんどう(?:を)?みて|世話して|せわして|仲良くして|なかよくして|優しくして|やさしくして|一緒にいて|いっしょにいて|見守って|みまもって|相談に乗って|そうだんにのって|教えて|おしえて|支援して|しえんして|応援して|おうえんして|気にかけて|きにかけて|かまって)";
const thanks =
  "(?:ありがと|有難う|有り難う|サンキュー|さんきゅ|thanks|thank|お世話に|おせわに|世話になっ|せわになっ|おおきに|感謝)";

/** Giving things away for an ordinary reason. */
const givenAwayBenign: Context = {
  message:
    "断捨離|だんしゃり|引っ越|引越|ひっこ|メルカリ|めるかり|フリマ|ミニマリスト|大掃除|衣替え|模様替え|新しい(?:の|もの|やつ)|買い替え|かいかえ|買い換え|卒業|着なくなった|サイズ|小さくなった|壊れ|こわれ|古い|ふるい|プレゼント|誕生日|お土産|おみやげ|お返し|おかえし|お祝い|差し入れ|さしいれ|おすそわけ|お裾分け|作りすぎ|余った|あまった|もらいもの|貰い物|ゴミの日|ごみのひ|粗大ごみ|分別|燃えるゴミ|賞味期限|レシート|書類|プリント|給料|家賃|仕送り|atm|服|ふく|洋服|旅行|りょこう|出張|あいだ|間だけ|日だけ|入院|預か|あずか|詐欺|さぎ|騙|だま(?:さ|され)|飲まなくても|のまなくても|飲まない|のまない|使われ|つかわれ|勝手に|かってに",
  then: null,
};
/** What makes giving things away a farewell: no more need of them. */
const nothingLeft =
  "もう(?:、)?(?:いら|要ら|使わ|つかわ|使う(?:こと|事)(?:は|も)?な|必要な|ひつような|書くこと|かくこと|用(?:は)?な|ようない|世話でき|せわでき|面倒み(?:れ|られ)|めんどうみ(?:れ|られ))|(?:何|なに|なん)(?:も|一つも)(?:いらない|要らない|いらん|要らん|残って|のこって|ない(?=$|[。、]|から|し|です))|(?:最後|さいご)(?:だから|やから|だし|です|や|の(?:お願い|おねがい))|思い残|おもいのこ|心残|こころのこ|形見|かたみ|あと(?:の(?:こと|事))?は(?:よろしく|頼|たの|お願い|おねがい)|後のこと|捨てていい|すてていい|あげて(?:ください|ほしい|ね)|(?:私|わたし|僕|ぼく|俺|おれ|自分|じぶん|ワシ|わし)(?:は)?(?:、)?(?:もう)?(?:、)?(?:使わ|つかわ|いら|要ら)|(?:わ|おい|おら|うち)(?:に)?は(?:、)?もう(?:、)?(?:いら|要ら|使わ|つかわ)|布団しか|ふとんしか|大事に(?:して(?:い)?た|してくれる)|大切にしてくれる|宝物|たからもの|(?:貯金|ちょきん|お金|おかね)(?:を|は)?(?:、)?(?:全部|ぜんぶ)";

/** Pets someone asks others to take on. */
const pet = anyOf(
  "猫",
  "ねこ(?!ん|む|み)",
  "犬",
  "いぬ",
  "わんこ",
  "にゃんこ",
  "金魚",
  "きんぎょ",
  "ハムスター",
  "はむすたー",
  "インコ",
  "うさぎ",
  "熱帯魚",
  "メダカ",
  "めだか",
  "ペット",
  "小鳥",
);

/** Parts of the body that are cut, burnt or struck. */
const bodyPart =
  "(?:手首|てくび|腕|うで|手の甲|てのこう|手のひら|てのひら|手|て(?=に|を|の甲)|足|あし|脚|太もも|ふともも|指|ゆび|肌|はだ|お腹|おなか|顔|かお|首|くび|肩|頭|あたま|唇|くちびる|体|からだ)";
/** Where people cut themselves. */
const cutPlace =
  "(?:手首|てくび|腕|うで|太もも|ふともも|太腿|足|あし|脚|手の甲|てのこう|二の腕|にのうで|肩|お腹|おなか|肌|体|からだ|見えない(?:ところ|とこ|所)|みえない(?:ところ|とこ))";
/** 「切る」 in the forms self-harm takes. */
/** 「き」 that can be 「切」: not the end of 「できる」「生きる」「起きる」「着る」. */
const kiKana = "(?<![でいおあつすにみひ])き";
const cutTail =
  "(?:っ(?:た|て|ちゃ|と|ちま|てしま|てしも|てもう|てる)|る(?=$|[。、]|の|こと|よう|と|から|ん|わ|って)|り(?:たい|たく|ました|始め|はじめ|ます)|ら(?:ない|ん)と)";
/** Things that are cut in everyday life. */
const cutObjects =
  "髪|かみ(?!そり)|前髪|まえがみ|爪|つめ(?!た)|電話|でんわ|野菜|やさい|肉|玉ねぎ|たまねぎ|紙|テープ|ケーブル|スイッチ|電源|でんげん|縁|関係|契約|回線|ライン|line|期限|締め切り|しめきり|スタート|すたーと|ハンドル|はんどる|カード|シャッター|封|切符|きっぷ|チケット|ケーキ|パン|スイカ|すいか|トマト|キャベツ|大根|魚|さかな|値段|ねだん|円|万|秒|タイム|伸び|糸|布|枝|木|花|髭|ひげ|ネット|wifi|通話|つうわ|通知|エンジン|ガス|水道|クーポン|ページ|舵|リボン|袋|ふくろ|段ボール|ダンボール|箱|はこ|ピザ|ぴざ|料理|りょうり|指|ゆび|ロープ|ろぷ|テレビ|てれび|空気|先頭|トップ|スライス|カット|予算|よさん|体重|たいじゅう|紐|ひも|包丁|ほうちょう|ハサミ|はさみ|草|芝|痩せ|やせ|キロ|kg|手を切|縁を切";
const cutContexts: readonly Context[] = [
  { sentence: cutObjects, then: null },
  { before: subjectIs(someoneElse), then: null },
  ...mention,
];
/** What shows that blood or a blade is about cutting oneself. */
const cutSign =
  "切|きっ|きる|きり|カッター|かった(?=で|を|の)|かみそり|カミソリ|剃刀|わざと|自分で|じぶんで|リスカ|傷|きず|噛|かきむし|掻き|ひっか|引っ掻|刺|さし(?=て|た)|やめられ|止められ|とめられ";

/**
 * The top-level alternatives of a pattern (「A|B|(?:C|D)E」 → 「A」「B」「(?:C|D)E」).
 */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = "";
  for (let i = 0; i < source.length; i++) {
    const char = source.charAt(i);
    if (char === "\\") {
      current += char + source.charAt(i + 1);
      i++;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
    } else if (char === "[") {
      inClass = true;
    } else if (char === "(") {
      depth++;
    } else if (char === ")") {
      depth--;
    } else if (char === "|" && depth === 0) {
      out.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  out.push(current);
  return out;
}

/** The index just past the group or class that opens at `start`. */
function closing(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const char = source.charAt(i);
    if (char === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      if (depth === 0 && !inClass) return i + 1;
      continue;
    }
    if (char === "[") inClass = true;
    else if (char === "(") depth++;
    else if (char === ")") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return source.length;
}

/** Which writing system a character belongs to, as far as a regular expression's quick scan cares. */
function scriptOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x3040 && code <= 0x30ff) return "kana";
  if (code >= 0x3400 && code <= 0x9fff) return "han";
  return "other";
}

/**
 * The writing systems a pattern can start with (「(?:死|し)に」 → han and kana). Lookarounds are
 * skipped; an optional first part adds what follows it.
 */
function leadScripts(source: string): Set<string> {
  const scripts = new Set<string>();
  for (const alternative of topLevelAlternatives(source)) {
    let i = 0;
    for (;;) {
      if (i >= alternative.length) {
        scripts.add("other");
        break;
      }
      const char = alternative.charAt(i);
      if (char === "(") {
        const end = closing(alternative, i);
        const inner = alternative.slice(i, end);
        const quantifier = alternative.charAt(end);
        const optional = quantifier === "?" || quantifier === "*";
        const next = end + (optional || quantifier === "+" ? 1 : 0);
        if (/^\(\?<?[=!]/u.test(inner)) {
          i = end + (quantifier === "?" ? 1 : 0);
          continue;
        }
        const body = inner.replace(/^\((?:\?:)?/u, "").slice(0, -1);
        for (const script of leadScripts(body)) scripts.add(script);
        if (!optional) break;
        i = next;
        continue;
      }
      if (char === "[" || char === "\\" || char === "." || char === "^" || char === "$") {
        scripts.add("other");
        break;
      }
      const width = (alternative.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      const quantifier = alternative.charAt(i + width);
      scripts.add(scriptOf(char));
      if (quantifier === "?" || quantifier === "*") {
        i += width + 1;
        continue;
      }
      break;
    }
  }
  return scripts;
}

/** The pattern's first group split by the script each of its words starts with (「(?:死|し)に」 → 「(?:死)に」「(?:し)に」). */
function expandLead(alternative: string): string[] {
  if (!alternative.startsWith("(?:")) return [alternative];
  const end = closing(alternative, 0);
  const quantifier = alternative.charAt(end);
  if (quantifier === "?" || quantifier === "*" || quantifier === "+" || quantifier === "{") {
    return [alternative];
  }
  const rest = alternative.slice(end);
  const inner = topLevelAlternatives(alternative.slice(3, end - 1)).flatMap(expandLead);
  const groups = new Map<string, string[]>();
  for (const word of inner) {
    const key = [...leadScripts(word)].sort().join("+");
    const list = groups.get(key);
    if (list) list.push(word);
    else groups.set(key, [word]);
  }
  if (groups.size <= 1) return [alternative];
  return [...groups.values()].map((words) => `(?:${words.join("|")})${rest}`);
}

/**
 * A rule whose alternatives start in both kanji and kana, split into one rule per writing
 * system. V8 scans a message quickly for a pattern whose first characters share a script; a
 * pattern that may start with either tries nearly every position of a long message.
 */
export function splitByLead(rule: PhraseRule): PhraseRule[] {
  const groups = new Map<string, string[]>();
  for (const alternative of topLevelAlternatives(rule.pattern).flatMap(expandLead)) {
    const key = [...leadScripts(alternative)].sort().join("+");
    const list = groups.get(key);
    if (list) list.push(alternative);
    else groups.set(key, [alternative]);
  }
  if (groups.size <= 1) return [rule];
  // A context that never applies keeps the pieces from being merged back together.
  return [...groups.values()].map((alternatives, piece) => ({
    ...rule,
    pattern: alternatives.join("|"),
    contexts: [{ after: `(?!)${piece}`, then: null }, ...(rule.contexts ?? [])],
  }));
}

/**
 * Rules read in the same contexts share one regular expression: each rule is a pass over the
 * message, and most of these rules share the contexts of a wish or of a word for an act.
 */
function mergeAlike(rules: readonly PhraseRule[]): PhraseRule[] {
  const merged = new Map<string, PhraseRule>();
  for (const rule of rules) {
    const key = JSON.stringify([rule.severity, rule.negatable ?? true, rule.contexts ?? []]);
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, pattern: `${seen.pattern}|${rule.pattern}` } : rule);
  }
  return [...merged.values()];
}

// ——— second pass: dialects, romaji, slips of the keyboard, and acts told without naming them ———

/** 「もう」 as typed in a hurry: 「もぅ」「もお」. */
const mou = "(?:もう|もぅ|もお)";
/** The writer, in dialect too: 「わ」(津軽)「おら」「わし」「わい」「うち」「おい」「わん」. */
const me = `(?:${firstPerson}|わし|おら|わい|あたい|わて|(?:おい|わん|わ)(?<![ぁ-ゖ](?:おい|わん|わ))(?=、?(?:は|が|も|の(?:こと|ごと)|なんか|なんて)))`;
/**
 * A plain negative in every region: 「ない」「ねぇ」(folded to 「ね」)「なか」「ん」「へん」「ません」. The
 * small 「ぇ」 after 「ね」 is folded away, so 「ねぇ」 has to be read as 「ね」 at the end of a word.
 */
const nai =
  "(?:ない|なぃ|無い|ねえ|ね(?=$|[。、]|べ|が|ど|よ|わ|っす|んだ)|なか(?=$|[。、]|ち|と|よ|ね|ばい|けん|ろ|や|っ|たい)|へん|ひん|ません|ありません|ございません|なし(?![ぁ-ゖ])|ん(?=$|[。、]|よ|わ|じゃ|けん|けぇ|ぜよ|がな|のう|もん))";
/** Being alive: kanji, kana, 東北 「生ぎでる」, 西日本 「生きとる」「生きちょる」「生きちゅう」, the slip 「行きてる」. */
const alive =
  "(?:(?:生|い(?<![いし]い))(?:き|ぎ)(?:て(?:い)?(?:る|ん)?|で(?:る|ん)?|と(?:る|ん)|ちょ(?:る)?|ちゅう|る)|行き(?:て(?:い)?る|る(?:の|こと)))";
/** The same after 「ても」: 「生きてても」「生ぎでても」「生きとっても」「生きちょっても」「生きても」. */
const aliveEven =
  "(?:生|い(?<![いし]い))(?:き|ぎ)(?:て(?:い)?(?:ても|も)|で(?:ても|も)|とって(?:も)?|ちょって(?:も)?|ても|とっても)";
/** Staying alive now (「生きてる」「生ぎでる」「生きとる」「生きてられる」), not 「生きる」「生きていく」. */
const aliveNow =
  "(?:生|い(?<![いし]い))(?:き|ぎ)(?:て(?:い)?(?:る|られる)|てられる|で(?:る|られる)|とる|ちょる|とられる)";
/** Leaving a job or a home, a new start: the goodbyes that are not for a life (but 「お元気で」 may be). */
const jobGoodbye: Context = {
  message:
    "退職|辞め|やめる|やめます|転職|引っ越|ひっこ|異動|いどう|卒業|終了|最後の面談|最終日|契約|来月から|転勤|てんきん|担当(?:さん|者)?(?:が|も)?(?:変わ|かわ)|新しい(?:人|担当|方|職場|仕事|会社|家|部屋)|実習|研修|インターン|定年|退社|修了|(?:支援|利用)[^。]{0,6}(?:終わ|おわ)|また(?:、)?(?:会|あ(?:い|え)|連絡|よろしく|明日|あした|来週|ね|遊|あそ|顔|かお|来|く(?:る|るね)|行|い(?:く|くね))|来月(?:、)?また|じゃあね|がんばります|頑張ります|遊びに|あそびに|これからも|(?:最後|さいご)の(?:出勤|しゅっきん|勤務|きんむ|シフト|しふと|バイト|ばいと|仕事|しごと|授業|練習)(?!に(?:する|します))",
  then: null,
};
/** A day off or a lie-in (not 「眠い」「寒い」, which open many a real wish: 「しぬほど ねむい。もう このまま おきなくて いい」). */
const dayOff: Context = {
  message:
    "休みの日|やすみのひ|休日|週末|土日|連休|有給|休暇|日曜|土曜|祝日|(?:明日|あした)(?:は)?(?:休み|やすみ|休日|オフ|遅番|午後)|(?:休み|やすみ)(?:だ|や)(?:から|がら|けん|し)|二度寝|昼寝|ひるね|寝坊|ねぼう|遅番|午後から|昼から|昼まで|ひるまで|布団が|ふとんが|気持ちい|きもちい|(?<![a-z])(?:yasumi|hiru ?made)(?![a-z])",
  then: null,
};
/** Thanks to a season or a thing put away (「こたつ しまった。いままで ありがとう ふゆ」「来月機種変するので」). */
const thingsRetired: Context = {
  message:
    "こたつ|扇風機|せんぷうき|ストーブ|冬(?:よ|、|$)|ふゆ(?:よ|、|$)|夏(?:よ|、|$)|なつ(?:よ|、|$)|季節|機種変|自転車|じてんしゃ|スマホ(?:を)?(?:変え|買い替)|靴|くつ|財布|さいふ|かばん|鞄|制服|パソコン|車(?:を)?(?:買い替|手放)|お店(?:が)?(?:閉店|へいてん)|閉店|へいてん|連載|番組|最終回",
  then: null,
};
/** A wish told as over in dialect too (「前は しにでぇって思ってだ。いまは ちがう」「いまは なんともねぇ」). */
const resolvedDialect: Context = {
  message:
    "(?:(?:前|まえ|昔|むかし|いっとき|一時|あのころ|あの頃|若い頃)[^]{0,40}|(?:ごど|こと)(?:が|も)?(?:、)?(?:あった|あります|ありました)(?:ども|けど|けれど|げんと|が)?(?:、)?[^。]{0,4})(?:いまは|今は|いまわ|今では|いまでは)(?:、)?[^。]{0,10}?(?:ちがう|違う|ねえ|ね(?=よ|$|[。、])|ない|なんともね|元気|げんき|平気|へいき|大丈夫|だいじょうぶ|楽し|たのし)",
  then: null,
};
/** Pills handed in, thrown out or out of date (「ためてた くすり、先生に ぜんぶ わたしました」「期限 きれてた。すてた」). */
const pillsGivenUp: Context = {
  message:
    "(?:渡|わた|返|かえ|預け|あずけ)し?(?:ました|た)|(?:捨|す)て(?:た|ました|てきた)(?!ほう|方)|もう(?:、)?(?:ため|貯め|溜め)て(?:ない|ません)|期限",
  then: null,
};
/** A denial in dialect the shared negation does not know (「すにでぇとか 思ってねがら」「思ってねぇでば」). */
const deniedDialect: Context = {
  after:
    "^[^。]{0,6}?(?:とか|なんて|って)?(?:、)?(?:思って|おもって|思っ|おもっ|考えて|かんがえて|思わ|おもわ)(?:ね|ねえ|ない|ねが|ねがら|ねがった|ねえでば|ねでば|んで|ん(?=$|[。、]|よ))",
  then: null,
};
/** Told with a laugh and a good time after it (「わしなんかおらん方が盛り上がるじゃろ、って言いよったら…笑 楽しかった」). */
const laughedOff: Context = {
  message:
    "^(?=[^]*(?:笑|(?<![a-z])w(?![a-z])|草))(?=[^]*(?:楽しかった|たのしかった|うれしかった|うれしがった|嬉しかった|よかった|良かった))",
  then: null,
};
/** Words that make an act one's own matter rather than a story's (「アニメみたいに死にたい。本気」). */
const inEarnestAfter: Context = {
  after:
    "^(?:、)?(?:本気|ほんき|マジで|まじで|ガチで|がちで|まじ|マジ|ガチ|冗談(?:じゃ|ちゃう)|じょうだん(?:じゃ|ちゃう))(?:で|です|だ|や|よ)?(?=$|[。、])",
  then: { category: "crisis", severity: "urgent" },
};
/** Romaji denied or quoted from a story (「shinitai toka omottenai」「anime de shinda」). */
const romajiNot: Context = {
  message:
    "(?<![a-z])(?:toka|nante|tte)? ?(?:omottenai|omowanai|omotte ?nai|janai|ja ?nai)|(?<![a-z])(?:anime|manga|game|geemu|dorama|eiga|uta|kashi|news|nyuusu|jouda?n|tomodachi|itteta|lol|hodo|zangyou|shigoto|yamete|yameta|tatta|yasumi|w|kusa)(?![a-z])|(?<![a-z])hiru ?made",
  then: null,
};
/** Something heavy in the message, beside an ambiguous phrase. */
const heavy = `${lifeTalk}|${distress}|つらい|辛い|しんど|限界|げんかい|むり|無理`;
/** A sign that things were put in order for after one is gone (「あとは自分だけ」「明日からおらん」). */
const orderedForAfter =
  "あとは(?:、)?(?:自分|じぶん|ぼく|僕|私|わたし|俺|おれ|本体|わし|うち)(?:だけ|のみ)|あとは(?:、)?(?:明日|あした)で(?:、)?(?:終わり|おわり)|(?:明日|あした|来週|らいしゅう|来月|らいげつ|月曜)から(?:は)?(?:、)?(?:もう)?(?:、)?(?:おらん|いない|居ない|いません|いね|どこにも)|もう(?:、)?(?:ふとん|布団)(?:だけ|しか)|ずっと(?:、)?(?:預か|あずか)|(?:僕|ぼく|私|わたし|俺|おれ|自分|じぶん|わし|うち)(?:は|には)?(?:、)?もう(?:、)?(?:見れ|みれ|見られ|みられ|飼え|かえ(?:ない|ん|へん)|世話(?:でき|が)|せわ(?:でき|が)|面倒(?:を)?み|めんどうみ)|これで(?:、)?(?:終わり|おわり|最後|さいご)(?=$|[。、])|もう(?:、)?(?:何も|なにも|なんも)(?:、)?(?:残さ|のこさ|いらな|要らな)|(?:残った|のこった|残された|のこされた)(?:人|ひと|家族|かぞく)|(?:充電|じゅうでん)(?:は|も)?(?:、)?もう(?:しない|せん)";
/** All of one's things given away because one has no more need of them (「全部姉にあげた。もう私には必要ないから」). */
const allNoNeed = `(?:全部|ぜんぶ)[^]{0,30}?もう(?:、)?(?:${firstPerson}|わし|わ|おい|おら)?(?:に)?(?:は)?(?:、)?(?:いら|要ら|使わ|つかわ|必要な|ひつような)|(?:${firstPerson}|わし|おい|おら)(?:に)?(?:は)?(?:、)?もう(?:、)?(?:いら|要ら|使わ|つかわ|必要な|ひつような)`;
/** Moving house or leaving a job: giving things away or tidying up for an ordinary reason. */
const movingOn: Context = {
  message:
    "引っ越|引越|ひっこ|転居|新居|新しい(?:部屋|家|へや|いえ)|退去|退職|転職|異動|卒業|留学|入院(?:する|します|の準備)|定年|ていねん|送別|そうべつ|(?:さん|くん|ちゃん|先輩|先生)(?:が|は|、)?(?:、)?(?:明日|あした|来週|来月)から",
  then: null,
};

/**
 * 「自分ごと消せたら」「わたしも一緒に捨ててほしい」: oneself as a thing to be thrown out. Not 「自分ごと」
 * as 「自分事」 (「自分ごととして考える」).
 */
const selfAsThing = `ごと(?<=(?:${firstPerson}|わし|おら)ごと)(?!と|として|に|の|で|み)`;

const secondPass: PhraseRule[] = [
  // 「しにでぇ」「すにでぇ」(東北)「死にてぇって」「死にたなってきた」(関西)「死にとうなっとる」
  // 「死日たい」「死に隊」「しにtai」「終わりに死体」(変換ミス)
  {
    pattern: `(?:死|し(?<![わあ]たし)|す(?<![いあ]す))に(?:でえ|で(?=$|[。、…]|ほんと|本当|まじ|って|とか|なんて|ども|けど|げんと|んだ|な(?!い)|よ|わ|ね))|(?:死|し(?<![わあ]たし)|タヒ|氏)に(?:てえ|て(?=って|と(?!か)|んだ|ども|けど|げんと|ほんと|まじ))|(?:死|し(?<![わあ]たし))に(?:た(?:なる|なっ|なり|なん(?!て))|とうな(?:る|っ|り))|死日たい|死に隊|死に鯛|死にたひ|(?:死|し)に ?tai|s h i n i t a i|(?<![わあ]た)(?:し|タヒ|氏|市)にたい(?!し|す(?!ぎ)|せ|へん|こう|おう|かい|いん|しょ|ちょう|りょく|じゅう|ど(?!ころ)|いく|よう|やき|焼|けい|ぐう|りょう|さく|てい|かく|りつ|ない|ほう|せん|そう|きん|ふう|ちゃ|ぶ|けん(?:して|する|した|を|が|は|で|に|会))|(?:死|し)にたぃ`,
    severity: "urgent",
    contexts: [
      deniedDialect,
      resolvedDialect,
      inEarnestAfter,
      embarrassed,
      embarrassedAfter,
      ...wish,
    ],
  },
  // 「もう ぜんぶ 終わりに死体」(変換ミス): not 「仕事 はやく終わりに死体 笑」
  {
    pattern: "(?:終わり|おわり|楽|らく)に死体",
    severity: "urgent",
    contexts: [taskNearby, laughing, ...wish],
  },
  // 「私が死ねば済む」「氏ねばいい」「タヒねばいいのに」「ねてるあいだにしねたらいいのに」
  {
    pattern: `(?:死|し)ねば(?:、)?(?:済|す)む|(?:氏|タヒ|市)ねば(?:、)?(?:いい|ええ|楽|らく|よか)|(?:死|タヒ|し(?<![わあ]たし))ねたら(?:、)?(?:いい|ええ|楽|らく|よか|しあわせ|幸せ)`,
    severity: "urgent",
    contexts: [...saidToThem, ...wish],
  },
  // 「もう死んでもええ」「死んでもよか」: not 「推しに会えたら死んでもいい」
  {
    pattern:
      "(?:死|し|タヒ)んでも(?:ええ|よか|いい)(?=$|[。、]|や|かな|と|よ|って|思|おも|わ|ね|気|き)",
    severity: "urgent",
    contexts: [
      {
        before:
          "(?:ため|為)(?:なら|に)$|(?:れ|え|け|せ|て|だ|た)たら(?:、)?(?:もう)?$|(?:なら|できれば|できたら)(?:、)?(?:もう)?$",
        then: null,
      },
      { sentence: "歌|うた|カラオケ|からおけ|曲|きょく|歌詞|かし(?=が|に|で|の)", then: null },
      {
        message:
          "ほんまに|ほんとに|本当に|本気|ほんき|ガチ|がち|まじで|マジで|最後に|さいごに|誰も|だれも",
        then: { severity: "urgent" },
      },
      {
        message:
          "プリン|ケーキ|スイーツ|美味|おいし|うま(?:い|すぎ|か)|罪の味|幸せ|しあわせ|最高|さいこう|推し|尊|とうと|かわい|可愛|ライブ|温泉",
        then: null,
      },
      hyperbole,
      laughing,
      ...wish,
    ],
  },
  // 「今日こそ逝くわ」「もう逝く」
  {
    pattern:
      "逝(?:く|け(?:たら|れば)|こ(?:う|か))(?=$|[。、]|わ|ね|よ|から|つもり|かな|と(?:思|おも))",
    severity: "urgent",
    contexts: wish,
  },
  // 「わ 死ぬ。今夜」「もう game over だよ 死ぬ 今日」「俺も死ぬ」
  {
    pattern: `(?:死|し)ぬ(?=(?:、)?(?:今日|きょう|今夜|こんや|今から|いまから)(?=$|[。、]))|(?:(?:わ|おら|わし|わい)(?<![ぁ-ゖ](?:わ|おら|わし|わい))|${firstPerson})(?:も|は)?(?:、)?(?:もう)?(?:、)?(?:死|し)ぬ(?=$|[。、]|わ|よ|から|つもり|ん(?:だ|や)|けん|きに|ちゃ)`,
    severity: "urgent",
    contexts: [
      {
        message:
          "推し|おし(?=が|の|に)|尊|とうと|かわい|可愛|笑|(?<![a-z])w(?![a-z])|草|ゲーム|げーむ|ガチャ|暑|寒|眠|ねむ|忙|テスト|試験|課題",
        then: null,
      },
      ...wish,
    ],
  },
  // 「もう一回やり直したい…いったん死んで最初から」
  {
    pattern:
      "(?:一旦|いったん|一回|いっかい|一度|いちど)(?:、)?(?:死|し|タヒ)んで(?:、)?(?:最初|さいしょ|やり直|やりなお|生まれ変|うまれかわ|リセット|りせっと|ゼロ|ぜろ)",
    severity: "urgent",
    contexts: [deniedLater],
  },
  // 「こんな命いらない」「いらないよ こんな命」
  {
    pattern:
      "(?:こんな|この|俺の|私の|自分の)(?:命|いのち|人生|じんせい)(?:なんか|なんて|は|も)?(?:、)?(?:いらない|要らない|いらん|要らん|いらね|もういい)|(?:いらない|要らない|いらん|要らん)(?:よ|わ|し)?(?:、)?(?:こんな|この)(?:命|いのち|人生|じんせい)",
    severity: "urgent",
    contexts: wish,
  },
  // 「自分で幕を引く」「人生の幕を下ろしたい」
  {
    pattern:
      "(?:自分|じぶん|人生|じんせい|命|いのち)(?:で|の|に)?(?:、)?(?:幕|まく)(?:を)?(?:引|ひ|下ろ|おろ|閉じ|とじ)",
    severity: "urgent",
    contexts: [
      { sentence: "舞台|芝居|劇|ドラマ|試合|シーズン|ライブ|公演|番組", then: null },
      ...wish,
    ],
  },
  // 「私が代わりに入れたらよかった」(通夜で)「自分が代わりに死ねばよかった」
  {
    pattern: `${me}(?:が|も)?(?:、)?(?:代わり|かわり)に(?:、)?(?:死|しね|しん|入れ|はいれ|なれ|いけ|行け|逝け)`,
    severity: "urgent",
    contexts: [
      {
        sentence: "仕事|しごと|シフト|当番|出勤|掃除|係|役|電話|会議|運転|買い物|行って",
        then: null,
      },
      ...wish,
    ],
  },

  // ——— wanting to vanish ———
  {
    // 「消えでぇ」(東北)「消えたか」(九州)「消えちゃえたら」「消えていけたら」「消えた意」「消え鯛」「居なく成りたい」
    pattern: `(?:消|き)え(?:でえ|で(?=$|[。、…]|ほんと|まじ)|たか(?=ばい|けん|っちゃ)|ちゃえ(?:たら|れば)|ていけたら|て(?:しま|ま)いて(?=$|[。、])|れたら(?:、)?(?:いい|楽|らく))|(?:消|き)えた[意胃](?!味|見|識|志|思|腸|袋|薬|酸|が|は|の|を|に)|(?:消|き)え鯛|(?:消|き)えさり(?:たい|てえ)|(?:い|居|胃)な(?:く|ぐ)(?:なり|成り)(?:たい|てえ|たか|たひ|たく(?!な))|(?:消|き)えたすぎ|おらん(?:く|よう|ごと|ごつ)(?:に)?なり(?:たい|てえ|たか|たく(?!な))|いね(?:ぐ|く)なり(?:たい|てえ|たか)`,
    severity: "urgent",
    contexts: [embarrassed, embarrassedAfter, awayFromWork, embarrassingMoment, ...wish],
  },
  {
    // 「自分ごと消せたら」「もうぜんぶほかってまいたい。自分ごと」「わたしも一緒に捨ててほしい」
    pattern: `${selfAsThing}(?:、)?(?:全部|ぜんぶ)?(?:、)?(?:消|け|捨|す|ほか|なお|なくし|無くし|燃や|もや|リセット|りせっと|デリート|でりと)|(?:消|け)せたら(?=[^。]{0,8}(?:楽|らく|いい|ええ))(?<=${firstPerson}[^。]{0,4}(?:消|け)せたら)|${firstPerson}も(?:、)?(?:一緒|いっしょ)に(?:、)?(?:捨て|すて|燃や|もや|消し|けし|処分|しょぶん)(?:て|られ)`,
    severity: "urgent",
    contexts: wish,
  },
  {
    // 「もうほかってまいたい。自分ごと」: the thing thrown out named after
    pattern:
      "(?:ほかって|捨てて|すてて|消して|けして|なおして|投げて|なげて)(?:しま|ま)い(?:たい|てえ)|(?:ほかって|捨てて|すてて)(?:しまえ|まえ)たら",
    severity: "urgent",
    contexts: [
      { message: selfAsThing, then: { severity: "urgent" } },
      { message: lifeTalk, then: { severity: "urgent" } },
      { then: null },
    ],
  },
  {
    // 「ぜんぶ なかったことに したい。わたしの こと ぜんぶ」「自分の存在をなかったことにしたい」
    pattern:
      "(?:無かった|なかった)(?:こと|事)に(?:したい|してほしい|して(?:しまい|まい)たい|なりたい|できたら)",
    severity: "urgent",
    contexts: [
      {
        message: `(?:${firstPerson}|存在|そんざい)(?:の(?:こと|事|存在|人生)|ごと)(?:、)?(?:全部|ぜんぶ)?|生まれ|うまれ|存在|そんざい`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「私がいなくなれば全部片付く」「おれがおらんくなったら、おかんも楽になる」「わたしなんか居ないほうが店まわる」
    pattern: `${me}(?:が|は|なんか|なんて|さえ)?(?:、)?(?:いなく|居なく|おらんく?|おらんよう|いね(?:ぐ|く)|消え|きえ|死ん|しん)(?:に)?(?:なれ|なっ(?:た)?|で)?(?:ば|たら|れば)(?:、)?[^。]{0,14}?(?:楽|らく|片付|かたづ|片づ|解決|かいけつ|幸せ|しあわせ|丸く|まるく|助か|たすか|済む|すむ|せいせい|喜|よろこ|困らな|こまらな|平和|へいわ|いい|ええ|よか|なくなる|なくなるのかな|おさまる|収まる)|${me}(?:なんか|なんて|が|は|みたいなの)(?:、)?(?:いない|居ない|おらん|おらへん|いね|いねえ|消えた|死んだ)(?:方|ほう)が|${me}(?:なんか|なんて)(?:、)?(?:おらん|いない|居ない|いなく)(?:て|で)?(?:も)?(?:、)?(?:いい|ええ|よか|同じ|一緒|いっしょ|おなじ)`,
    severity: "urgent",
    contexts: [laughedOff, ...saidToThem, ...wish],
  },
  {
    // 「いてもいなくても一緒」「おらんごとなったほうが みんな楽」「いねぐなったほうがいい」
    pattern: `(?:いても|おっても|居ても)(?:、)?(?:いなくても|おらんでも|居なくても|いねくても)(?:、)?(?:一緒|いっしょ|同じ|おなじ|変わら|かわら)|(?:おらんごと|おらんごつ|いねぐ|いねく|おらんよう(?:に)?)なった(?:方|ほう)が|(?:いなくなって|いねぐなって|いねくなって|おらんくなって|おらんようになって|消えて|きえて|いなく|居なく|おらんく)(?:て)?も(?:、)?(?:誰|だれ|世界|せかい|何|なに|なん)(?:も|一人|は)?(?:、)?(?:なんも|何も)?(?:、)?(?:困ら|こまら|気付か|気づか|きづか|気づが|きづが|悲しま|かなしま|泣か|変わら|かわら)`,
    severity: "urgent",
    contexts: [
      laughedOff,
      { before: subjectIs(thirdPerson, "が|は|も|なんか|なんて|って"), then: null },
      {
        sentence:
          "会議|かいぎ|飲み会|のみかい|授業|じゅぎょう|バイト|シフト|職場|しごと|仕事|休|やすみ|有給",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「おらん ように なったら ええんよ わし なんか」「いなくなったらいいのに」
    pattern:
      "(?:おらん|いなく|居なく|消え|きえ)(?:よう|く)?(?:に)?なったら(?:、)?(?:いい|ええ|よか|楽|らく)|どうせ(?:、)?(?:いなくなる|いなくなるき|消える|きえる|死ぬ|しぬ|おらんくなる)",
    severity: "urgent",
    contexts: [
      { before: subjectIs(thirdPerson, "が|は|も|なんか|なんて|って"), then: null },
      { before: `${thirdPerson}(?:の|が)[^、]{0,4}$`, then: null },
      {
        sentence:
          "好きな|すきな|楽しも|たのしも|んだから|人間|にんげん|いつか|痛み|いたみ|熱|ねつ|症状|かゆみ|咳|せき|不安|ふあん|悩み|なやみ|借金|しゃっきん|虫|むし|ゴキブリ|クマ|くま|シミ|しみ|ニキビ|にきび|雪|ゆき|雨|あめ|仕事|しごと|宿題|課題",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「わのごと 誰も 要らねんだべ」「誰もおれのこと必要としとらん」
    pattern: `(?:誰|だれ)(?:も|一人|ひとり)?(?:、)?${me}(?:の(?:こと|ごと|事))?(?:なんか|なんて|を|は)?(?:、)?(?:要ら|いら)(?:ない|ね|ん|へん)|${me}(?:の(?:こと|ごと|事))?(?:なんか|なんて|は|を)?(?:、)?(?:誰|だれ)(?:も|一人)?(?:、)?(?:要ら|いら)(?:ない|ね|ん|へん)|(?:誰|だれ)(?:も|一人)?(?:、)?(?:${me}(?:の(?:こと|ごと|事))?(?:を|なんか)?)?(?:、)?(?:必要|ひつよう)と(?:しとらん|しとらへん|しちょらん|してね)`,
    severity: "urgent",
    contexts: [...saidToThem, ...wish],
  },
  {
    // 「私もお役御免」「もう私の出番はない」「私なんか用済み」
    pattern: `${me}(?:も|は|なんか)?(?:、)?(?:もう)?(?:、)?(?:お役御免|おやくごめん|用済み|ようずみ)|(?:もう)?(?:、)?${me}の(?:出番|でばん|役目|やくめ)(?:は|も)?(?:、)?(?:もう)?(?:、)?(?:ない|無い|終わ|おわ)`,
    severity: "urgent",
    contexts: [
      {
        sentence:
          "仕事|しごと|職場|会社|試合|部活|チーム|シフト|発表|係|当番|ゲーム|劇|舞台|定年|退職|引退|卒業|任期|委員|幹事|子育て|育児",
        then: null,
      },
      ...wish,
    ],
  },

  // ——— tired of living, in every dialect ———
  {
    // 「生ぎでる意味ねぇ」「生きちゅう意味がわからん」「いきてても いみなぃ」「生きる気力✕」
    pattern: `${alive}(?:の|ん|こと)?(?:に)?(?:、)?(?:意味|いみ|価値|かち|理由|りゆう|目的|もくてき|意義)(?:が|も|は|なんて|なんか|って)?(?:、)?(?:もう|何も|なにも|全然|ぜんぜん|まったく|どこにも|いっちょん|ひとつも|特に|とくに|別に|べつに)?(?:、)?(?:${nai}|(?:わから|分から|わがら|わらか|見つから|みつから|見え|みえ|感じられ|かんじられ)(?:ない|なぃ|ん|ね|へん|ません)|わがんね|わかんね|わかんな|なくな|なくなっ)|${aliveEven}(?:、)?(?:${mou})?(?:、)?(?:意味|いみ|しょうが|しょーが|しゃあ|しゃー|しかた|仕方)(?:が|は)?(?:${nai}|いな|な(?=$|[。、]))|(?:生|い(?<![いし]い))きる(?:気力|きりょく|希望|きぼう|元気|げんき|意欲|いよく|力|ちから)(?:が|も|は)?(?:、)?(?:もう)?(?:、)?(?:${nai}|ゼロ|ぜろ|0|なくな|湧かな|わかな|出な|でな|残って(?:い)?な|のこって(?:い)?な|(?=$|[。、]|笑|w))`,
    severity: "urgent",
    contexts: [
      resolvedDialect,
      deniedDialect,
      { sentence: "推し|おし(?=の|が|に)|家族のため|子ども|子供|のために(?:生|い)き", then: null },
      ...saidToThem,
      ...wish,
    ],
  },
  {
    // 「生きとるのがえらい」(名古屋)「生きとるのが たいぎい」(広島)「生きるのも よだきい」(大分)「生きてるだけでしんどい」
    pattern: `${alive}(?:(?:の|こと|ん)(?:って|が|も|は|自体|じたい)?(?:、)?(?:もう|ほんと(?:に)?|本当に|まじ(?:で)?|でら|なまら|でーじ|でえじ|ばり|めっちゃ|こんなに|すごく|ずっと|いっつも)?(?:、)?(?:つら|辛|しんど|苦し|くるし|疲れ|つかれ|面倒|めんど|だる|いや(?![しさ])|嫌|飽き|あき(?=た|て)|きつ|無理|むり|限界|げんかい|えらい|えらか|たいぎ|よだき|せからし|向いて(?:な|ね|へん)|むいて(?:な|ね|へん)|苦痛|くつう|大変|たいへん|こわ|怖)|だけで(?:、)?(?:もう|ほんと(?:に)?|まじ)?(?:、)?(?:つら|辛|しんど|苦し|くるし|疲れ|つかれ|めんど|だる|いや(?![しさ])|嫌|きつ|無理|むり|限界|迷惑|めいわく))`,
    severity: "urgent",
    contexts: [
      resolvedDialect,
      deniedDialect,
      {
        sentence: "試合|しあい|ゲーム|げーむ|キャラ|ドラマ|漫画|アニメ|魚|さかな|エビ|植物|花",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「生きたない」(関西)「生きとうない」「生ぎでぐねぐなった」(東北)「いっちょん 生きとう 気 せん」「生きて痛くない」(変換ミス)
    pattern: `生(?:き|ぎ)(?:て(?:い)?|で(?:い)?)?(?:たぐ(?:も|は)?${nai}|たな(?:い|か)|とう(?:も|は)?(?:ない|なか|ねえ|ね(?=$|[。、])|な(?=$|[。、])|なっ))|(?:生|い(?<![いし]い))(?:き|ぎ)(?:て(?:い)?|で(?:い)?)(?:たく|たぐ)(?:も|は)?(?:${nai}|な(?=$|[。、]))|生(?:き|ぎ)(?:とう|たい)(?:気|き)(?:が)?(?:、)?(?:せん|しない|しねえ|しね|せえへん|せえへん)|(?:生|い(?<![いし]い))(?:き|ぎ)(?:で|て)(?:え)?ぐね|(?:生|い(?<![いし]い))きて(?:痛|いた)く(?:ない|ねえ|ね(?=$|[。、]))|行きて(?:いけ|いか)(?:ない|ん|へん)`,
    severity: "urgent",
    contexts: [resolvedDialect, deniedDialect, ...saidToThem, ...wish],
  },
  {
    // 「生きてても迷惑かけるだけ」「長生きしても皆様にご迷惑をかけるだけ」「生ぎでても 人さ めやぐ かげるだけだ」
    pattern: `(?:${aliveEven}|長生き(?:して|しても)|ながいき(?:して|しても)|${alive}(?:だけ(?:で)?))(?:、)?[^。]{0,10}?(?:迷惑|めいわく|めやぐ|面倒|めんどう|負担|ふたん)(?:を|ばかり|ばっか|ばっかり|ばかし|に)?(?:、)?(?:ご)?(?:かけ|掛け|かげ|なる)(?:て)?(?:る|とる|ちょる)?(?:だけ|ばかり|ばっか)`,
    severity: "urgent",
    contexts: wish,
  },
  {
    // 「春まで生ぎでる自信ねぇ」「生ぎでるつもりもねぇ」「明日まで生きてられる気がしない」
    pattern: `${aliveNow}(?:自信|じしん|つもり|気(?=が|も|せ|し)|き(?=が|も))(?:が|も|は)?(?:、)?(?:${nai}|しない|せん|しね|しねえ|しません)|(?:冬|ふゆ|今年|ことし|年|とし|春|はる)(?:を)?(?:、)?(?:越せ|こせ)(?:る)?(?:気|き)(?:が|も)?(?:、)?(?:しない|せん|しね|しねえ)|(?:春|はる|桜|さくら|来年|らいねん)(?:を|は|まで)?(?:、)?(?:見|み)(?:ね|な)(?:く|ぐ)(?:て)?(?:も)?(?:いい|ええ)`,
    severity: "urgent",
    contexts: [
      {
        sentence: "寒|さむ|灯油|暖房|電気代|ガス代|お金|おかね|金欠|給料|家賃|仕事|しごと",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「あさ おきたら また いきてた。がっかり」「生きるのも、ついでに」「もう いいや。 いきるの」
    pattern: `(?:また|まだ)(?:、)?(?:生|い(?<![いし]い))(?:き|ぎ)(?:て|で)(?:い)?(?:た|る)(?:」)?(?:と|って|の(?:か|が))?(?:[。、])?(?:がっかり|ガッカリ|絶望|残念|ざんねん|うんざり|最悪|さいあく)|(?:ついでに|ついで)(?:、)?(?:生|い(?<![いし]い))きる(?:の|こと)|${mou}(?:、)?(?:いい|ええ|よか)(?:や|わ|かな|よ|さ)?[。、]?(?:生|い(?<![いし]い))きる(?:の|こと)`,
    severity: "urgent",
    contexts: wish,
  },
  {
    // 「わ なんのために 生ぎでるんだべ」「なして生ぎるの こったに大変なんだべ」
    pattern:
      "(?:なんで|何で|なぜ|何故|なして|なんのために|何のために|なんの為に|何の為に|なにのために)(?:、)?[^。]{0,6}?(?:生|い(?<![いし]い))(?:き|ぎ)(?:で(?:る|ん)|ちょ|とん|とる(?:ん|の))",
    severity: "urgent",
    contexts: [{ sentence: "推し|おし(?=の|が|に)|家族のため|子ども|子供", then: null }, ...wish],
  },
  {
    // romaji: 「mou ikiteitakunai」「kiete shimaitai」「mou shinu」「kusuri atsumeta」
    pattern:
      "(?<![a-z])(?:mou ?shinu(?! ?hodo| ?kamo| ?ka to)|shinu ?shika ?nai|shinde ?mo ?(?:ii|ee)|shinitai|shinitee|shini ?tai|kiete ?shimaitai|kiesaritai|kieta ?i|kietai|inakunaritai|ikitakunai|ikite ?itakunai|ikiteitakunai|(?:ikitoru|ikiteru|ikiru|ikite ?iru) ?imi ?(?:ga ?)?nai|(?:mou|zutto) ?okitakunai|mezamenakute ?(?:ii|mo)|mezamenakereba|asa ?ga ?konakereba|eien ?ni ?nemu|zutto ?nemu(?:ritai|ttetai|tteitai)|owari ?ni ?shi(?:tai|te)|owarasetai|umarete ?konakereba|jisatsu|tobiori|kubi ?(?:tsuri|wo ?tsuru)|isho ?(?:kaita|wo ?kaita)|mou ?kaeranai|saigo ?no ?(?:onegai|line|renraku|aisatsu)|i ?want ?to ?(?:die|disappear)|wanna ?disappear|fade ?out|kill ?myself|want ?to ?die)(?![a-z])",
    severity: "urgent",
    contexts: [romajiNot, ...wish],
  },
  {
    // 「寝落ち したい forever」「もう 行けない forever」「reset したい、人生ごと」「game over でいいや、人生」
    pattern: "(?<![a-z])(?:forever|reset|game ?over|i'?m ?done|the ?end)(?![a-z])",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "(?:ゲーム|げーむ|game|アプリ|パスワード|password|設定|スマホ|pc|パソコン|ルーター|wifi|love|愛|好き|すき|推し|おし)(?!オーバー|ーオーバー| ?over)",
        then: null,
      },
      {
        message: `${lifeTalk}|寝落ち|ねおち|眠|ねむ|消え|きえ|いない|行けない|いけない|さよなら|ばいばい|ごめん|もう(?:、)?(?:疲|つか|いい)|(?<![a-z])life(?![a-z])|つかれた|疲れた|つらい|しんどい`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },

  // ——— sleeping and not waking, in every dialect ———
  {
    // 「起ぎねくていい」「起きたない」「目ぇ覚めねば」「目が覚めんなら」「めか さめなけれは」「めざめなければ」
    pattern: `(?:起|お)(?:き|ぎ)(?:ね(?:く|ぐ)て(?:も)?(?:いい|ええ|よか)|ねがったら|ねば(?:、)?(?:いい|ええ|よか))|(?:もう|二度と|にどと|ずっと|このまま)(?:、)?(?:起|お)き(?:たな|とうな)(?:い|か)|(?:目|め)(?:が|ぇ|か)?(?:覚|さ)め(?:ねがったら|なけれは|なかったら(?:、)?(?:いい|ええ|よか|楽|らく))|(?:目|め)(?:が|ぇ|か)?(?:覚|さ)め(?:ねば|んなら)(?:、)?(?:いい|ええ|よか|楽|らく)|(?:目覚|めざ)め(?:なければ|なけれは|んかったら|なかったら)(?:、)?(?:いい|ええ|よか|楽|らく)|(?:目覚|めざ)め(?:なくて(?:も)?(?:いい|ええ)|ませんように)`,
    severity: "urgent",
    contexts: [
      dayOff,
      resolvedDialect,
      deniedDialect,
      { after: "^[^。]{0,10}(?:くらい|ぐらい|ほど)", then: null },
      { before: `${thirdPerson}(?:の|が)[^、]{0,2}$`, then: null },
      ...wish,
    ],
  },
  {
    // 「もう起きなくていい」「寝たら もう 起きんで ええ気が する」「ネタラ モウ オキナイ キガスル」
    pattern: `${mou}(?:、)?(?:ずっと)?(?:、)?(?:起|お)(?:き|ぎ)(?:なくて|んで|んくて|ねくて|ねぐて)(?:も)?(?:いい|ええ|よか|(?=$|[。、]|気|き))|(?:起き|おき)る(?:理由|りゆう|意味|いみ)(?:が|も)?(?:、)?(?:もう)?(?:${nai})`,
    severity: "urgent",
    contexts: [
      {
        message:
          "(?:目覚まし|めざまし|アラーム|あらーむ)(?:を|は)?(?:、)?(?:かけ|セット|せっと)?(?:ないで|ずに|ない|いら|切っ|きっ)",
        then: { severity: "urgent" },
      },
      {
        message:
          "休みの日|やすみのひ|休日|週末|土日|連休|有給|休暇|日曜|土曜|祝日|(?:明日|あした)(?:は)?(?:休み|やすみ|休日|オフ|遅番|午後)|二度寝|寝坊|ねぼう|遅番|午後から|昼から|定年|退職|夏休み|冬休み",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「ネタラ モウ オキナイ キガスル。ソレデ イイ」
    pattern: `${mou}(?:、)?(?:起|お)き(?:ない|ひん|へん|ん)(?:気|き)(?:が)?(?:する|します)`,
    severity: "urgent",
    contexts: [
      hyperbole,
      {
        message: `それで(?:、)?(?:いい|ええ)|その(?:方|ほう)が|${lifeTalk}|さよなら|おやすみ(?:なさい)?(?:。|$)`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「もう めざまし いらない」「目覚ましはもうかけない」
    pattern:
      "(?:目覚まし|めざまし|アラーム|あらーむ)(?:は|も|を)?(?:、)?(?:もう)?(?:、)?(?:いらない|要らない|いらん|要らん|かけない|かけん|セットしない|必要ない|ひつようない|いりません)",
    severity: "urgent",
    contexts: [
      {
        message:
          "休み|やすみ|休日|週末|土日|連休|有給|休暇|日曜|土曜|祝日|退職|定年|夏休み|冬休み|新しい|スマホ|携帯|自然に|しぜんに|早起き|はやおき|起きれる|おきれる",
        then: null,
      },
      {
        message: `(?:^|[。、])(?:もう|ずっと)|永遠|えいえん|二度と|にどと|さよなら|おやすみ|${lifeTalk}`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「寝ている間に終われる方法」「永遠に眠れる方法」「楽に死ねる薬」「エイエンニ オヤスミ シタイ」
    pattern:
      "(?:眠|ねむ|寝|ね)(?:って|て)(?:いる|る)?(?:間|あいだ|うち)に(?:、)?(?:死(?:ね|に)|しね|しに|終われ|おわれ|終わりたい|おわりたい|逝け|いけたら|行けたら|消えれ|消えたい|きえたい)|(?:永遠|えいえん|もう(?:、)?ずっと)に?(?:、)?(?:眠|ねむ)れる(?:って(?:聞|きい)た)?(?:、)?(?:方法|ほうほう|薬|くすり|やつ)|(?:終われる|おわれる|死ねる|しねる|逝ける)(?:方法|ほうほう|薬|くすり|量|りょう|高さ|たかさ|場所|ばしょ)|(?:永遠|えいえん)に(?:、)?(?:おやすみ|お休み)",
    severity: "urgent",
    contexts: wish,
  },
  {
    // 「このまま雪に うまって 眠ったら 楽だべな」「外で ねてたら 楽になれるべか」「お風呂で ねたら どうなる？ ためしたい」
    pattern:
      "(?:眠|ねむ|寝|ね)(?:ったら|たら|だら|てたら|ると|れば|てれば|ちゃったら)(?<=(?:雪|ゆき|外|そと|冬山|雪山|山|やま|川原|かわら|河原|公園|こうえん|ベンチ|べんち|風呂|ふろ|湯船|こたつ|海|うみ)(?:の(?:中|なか|上|うえ))?(?:で|に|さ|ん中で|んなかで)(?:、)?[^。]{0,8}?(?:眠|ねむ|寝|ね)(?:ったら|たら|だら|てたら|ると|れば|てれば|ちゃったら))(?:、)?[^。]{0,10}?(?:楽|らく|どうなる|こお|凍|苦しくな|くるしくな|死|しね|しぬ|終わ|おわ|冷た|つめた|一瞬|いっしゅん|見つけ|みつけ|(?:起き|おき|出|で)(?:なくて|んで)(?:も)?(?:いい|ええ))|(?:雪|ゆき|冬山|雪山)(?:の(?:中|なか))?(?:で|に|さ)(?:、)?(?:眠|ねむ)(?:る|った|れ)(?:と|ば|たら)(?:、)?[^。]{0,8}(?:苦しく|くるしく|楽|らく|痛く|いたく)(?:な|ね)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "風邪|かぜ(?!ぐすり)|気持ちよ|きもちよ|気持ちい|きもちい|キャンプ|テント|寝袋|ねぶくろ|昼寝|ひるね|遠足|ピクニック",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「このまま 雪さ 埋もれでしまいてぇ」「このまま うもれたい」
    pattern:
      "(?:埋|う)も(?:れ)(?:たい|てしまいたい|てまいたい|でしまいて|でしまいたい|でえ|で(?=$|[。、])|て(?:しま|ま)いて)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "布団|ふとん|猫|ねこ|犬|いぬ|もふもふ|クッション|ぬいぐるみ|本|ほん|仕事|しごと|書類|花|はな|お菓子|推し|おし|グッズ|砂|すな|温泉|ボール",
        then: null,
      },
      {
        message: `雪|ゆき|土|つち|このまま|そのまま|ずっと|${heavy}`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「明日の朝、雪の中で冷たくなってたらいいのに」「からだが つめたく なっていく のを まってる」「夜の海で冷とうなったら楽」
    pattern:
      "(?:冷た|つめた|冷と|つめと)(?:く|う)(?:なって(?:い)?たら|なっていけたら|なってい(?:く|って)(?:の)?(?:を)?(?:待|ま)|なったら(?:、)?(?:楽|らく|いい|ええ|よか)|なって(?:いても|ても)|なって(?:、)?(?:朝|あさ)|なるの(?:を)?(?:待|ま)|なって(?:る|た)?(?:の)?(?:を)?(?:、)?(?:誰か|だれか)(?:が)?(?:、)?(?:見つけ|みつけ))",
    severity: "urgent",
    contexts: [
      {
        before:
          "(?:手|て|足|あし|指|ゆび|飲み物|コーヒー|お茶|おちゃ|料理|ご飯|ごはん|スープ|水|みず|風|かぜ|空気|くうき|態度|たいど|目|視線|しせん|ピザ|お弁当|弁当)(?:が|も|は)?(?:、)?$",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「朝には だれか みつける」「あしたの あさ だれか みつける」「見つけやすい ように」「家族が すぐ 見つけられる ように」
    pattern:
      "(?:朝|あさ|明日|あした|あす)(?:の(?:朝|あさ))?(?:には|に|は)?(?:、)?(?:誰か|だれか)(?:が)?(?:、)?(?:見つけ|みつけ)(?:る|て(?:くれ|もらえ))|(?:家族|かぞく|誰か|だれか|みんな|母|父|兄|姉|妹|弟)(?:が)?(?:、)?(?:すぐ)?(?:、)?(?:見つけ|みつけ)(?:やすい|られる|れる)(?:ように|よう)|(?:見つけ|みつけ)(?:やすい|やすく)(?:ように|よう)(?=$|[。、])",
    severity: "urgent",
    contexts: [
      {
        message:
          "鍵|かぎ|カギ|忘れ|わすれ|なくさ|無くさ|失くさ|探さ|さがさ|落とし物|財布|さいふ|病院|びょういん|予約|明日(?:の)?(?:朝|あさ)?(?:、)?(?:仕事|出勤|病院)|プレゼント|サプライズ|誕生日|イースター|宝探し|かくれんぼ|隠れんぼ|迷子|まいご|スマホ|メガネ|眼鏡|書類|提出",
        then: null,
      },
      ...wish,
    ],
  },

  // ——— the end of everything ———
  {
    // 「もう ぜんぶ 終わりに死体」「終わらせるって決めだ」「今夜 ぜんぶ 終わらせるき」「今夜で ぜんぶ 終わりにするぜよ」
    pattern:
      "(?:全部|ぜんぶ|全て|すべて|何もかも|なにもかも|なんもかんも|もう|今夜|こんや|今日|きょう)(?:で|を|も|は)?(?:、)?(?:もう)?(?:、)?(?:全部|ぜんぶ)?(?:、)?(?:終わ|おわ)(?:らせる(?:って|と)(?:、)?(?:決め|きめ)|らせる(?=$|[。、]|き|わ|けん|から|ぞ|ぜ|っちゃ|べ)|りにする(?=ぜ|ぞ|き|けん|っちゃ|べ|わ|から)|りにしてえ|りにして(?=$|[。、]))",
    severity: "urgent",
    contexts: [
      taskNearby,
      { message: `${heavy}|今夜|こんや|決め|きめ|ありがと`, then: { severity: "urgent" } },
      { then: null },
    ],
  },
  {
    // 「終わりにしてもいい」「もういいっしょ、終わりにしても」「終わりにしてしまったほうが」「ここで終わっちゃいたい」
    pattern:
      "(?:終わり|おわり)に(?:し(?:て)?も(?:いい|ええ|よか)|しても(?=$|[。、])|して(?:しまった|しもた|まった)(?:方|ほう)|して(?:しまい|まい)(?:たい|てえ)|したく(?!な[いかく]))|(?:終わ|おわ)(?:っちゃいたい|ってしまいたい|っちまいたい|ってまいたい|ってしまえたら|っちゃえたら|っちゃえば)|(?:終わ|おわ)(?:らせ|り)(?:たい|たく(?!な))|(?:終わ|おわ)ったら(?:、)?(?:いい|ええ|よか)のに",
    severity: "urgent",
    contexts: [
      taskNearby,
      {
        before:
          "(?:仕事|作業|残業|話|関係|付き合い|つきあい|会社|バイト|契約|これ|それ|練習|勉強|片付け|掃除|ゲーム|ダイエット|面談|件|喧嘩|けんか|夏休み|冬休み|休み|連休|会議|授業|試験|テスト|週|月|年|季節|梅雨|雨|冬|夏)(?:を|は|も|で|が)?(?:もう)?(?:早く|はやく)?$",
        then: null,
      },
      {
        message: `${heavy}|今夜|こんや|全部|ぜんぶ|何もかも|なにもかも|なんもかんも|いっそ|人生|じんせい|^(?:もう|もぅ)?(?:、)?(?:早く|はやく)?(?:、)?(?:終わ|おわ)(?:り|らせ)たい。?$`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「だいじょうぶ。もう すぐ ぜんぶ おわるから」「明日で全部終わり」「やっと全部終われる」
    pattern:
      "(?:もうすぐ|もう少しで|もうじき|あと(?:少し|すこし|ちょっと)で|明日|あした|今夜|こんや|やっと)(?:、)?(?:で)?(?:、)?(?:全部|ぜんぶ|すべて|全て|何もかも|なにもかも)(?:、)?(?:終わ|おわ)(?:る|れる|り)(?=$|[。、]|から|よ|ね|ので|けん|や|です)",
    severity: "urgent",
    contexts: [
      taskNearby,
      {
        message:
          "引っ越|ひっこ|工事|試験|テスト|研修|実習|納品|締め切り|しめきり|繁忙期|決算|棚卸|イベント|準備|夏休み|冬休み|治療|通院|手続き(?:が|も)|連載|シリーズ|最終回",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「いっそ事故でもあって終わったらええのに」「いっそ雪ん中で ねむったら楽だべか」「river みてる。つめたそう。いっそ」
    pattern:
      "いっそ(?:の(?:こと))?(?:、)?[^。]{0,16}?(?:終わ|おわ|死|しね|しん(?:だ|で)|タヒ|消え|きえ|いなくな|眠った|ねむった|眠れたら|ねむれたら|楽に|らくに|入った|はいった|飛ん|とん(?:だ|で)|落ち|おち)|いっそ(?=$|[。、])",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "辞め|やめ|転職|引っ越|ひっこ|別れ|わかれ|髪|切って|買|休|旅行|仕事|しごと|バイト|学校|会社",
        then: null,
      },
      { message: "^.{0,6}いっそ", then: null },
      ...wish,
    ],
  },
  {
    // 「明日隕石落ちて全部終わんねーかな。わりとガチで」「隕石落ちてこないかな、わたしの上にだけ」
    pattern: "(?:隕石|いんせき)(?:が|でも)?[^。]{0,8}(?:落ち|おち|降|ふ)",
    severity: "urgent",
    contexts: [
      {
        message: `(?:${firstPerson})の(?:上|うえ)|全部(?:終わ|おわ)|ぜんぶ(?:終わ|おわ)|世界(?:ごと|ごと終わ)|(?:わりと|割と)?(?:ガチ|がち|本気|ほんき|まじで|マジで)|${lifeTalk}`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「毎晩、このまま心臓が止まってくれたらと思いながら寝ています」
    pattern:
      "(?:心臓|しんぞう|息|いき|呼吸)(?:が)?(?:、)?(?:止まって|とまって)(?:くれ(?:たら|れば|ない(?:かな|か))|ほしい|欲しい|たら(?:、)?(?:いい|ええ|楽|らく))",
    severity: "urgent",
    contexts: [
      {
        sentence: "びっくり|驚|おどろ|感動|かんどう|くらい|ぐらい|ほど|笑|好き|すき|推し",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「天国のおばあちゃんとこ行きたい。はやく」「天国って楽なんかな。行きたい」「はよ来世いきたい」
    pattern:
      "(?:天国|てんごく|あの世|あのよ|来世|らいせ)[^。]{0,14}。?[^。]{0,4}?(?:行|い|逝)き(?:たい|たく(?!な))|(?:早く|はやく|はよ|はよう)(?:、)?(?:来世|らいせ)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "みたい(?:な|に|だ|で)|ような|よう(?:な|に)|温泉|おんせん|ライブ|食べ放題|ランド|サウナ|カフェ|猫カフェ|バイキング|旅行|楽園|また(?:行|い)き|ハワイ|沖縄|南国",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「うみに いったら おかあさん かなしむかな」「私が死んだら母は泣くかな」
    pattern: `(?:悲しむ|かなしむ|泣く|なく|困る|こまる|怒る|おこる|さみしが|寂しが)(?<=(?:海|うみ|川|かわ|橋|はし|屋上|おくじょう|線路|せんろ|踏切|ふみきり|崖|がけ|樹海|あっち|向こう|むこう|天国|てんごく)(?:に|へ|まで)(?:、)?(?:行|い)ったら(?:、)?[^。]{0,12}?(?:悲しむ|かなしむ|泣く|なく|困る|こまる|怒る|おこる|さみしが|寂しが))|(?:悲しむ|かなしむ|泣く|なく(?=かな|やろ|だろ|と思|よね)|困る|こまる|喜ぶ|よろこぶ|気づく|きづく)(?<=${me}(?:が)?(?:、)?(?:死ん|しん|いなくなっ|消え|きえ)(?:だら|たら)(?:、)?[^。]{0,12}?(?:悲しむ|かなしむ|泣く|なく|困る|こまる|喜ぶ|よろこぶ|気づく|きづく))`,
    severity: "urgent",
    contexts: [
      {
        sentence: "旅行|りょこう|遊び|あそび|泳|およ|釣り|つり(?!革)|試合|ライブ|推し",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「漫画の主人公と 私も同じです」「この歌詞、最近は歌じゃなくて自分の気持ちそのまんま」
    pattern: `(?:同じ|おなじ)(?<=${firstPerson}も(?:、)?(?:同じ|おなじ))(?:です|だ|や|気持ち|きもち|(?=$|[。、]))|(?:そのまんま|そのまま)(?<=${firstPerson}の(?:気持ち|きもち)(?:、)?(?:そのまんま|そのまま))|(?:歌|うた|曲|きょく|歌詞|かし)(?:じゃ|では)(?:なくて|なく)(?:、)?(?:${firstPerson})`,
    severity: "urgent",
    contexts: [
      {
        message: `死|しに(?:たい|たく)|消え|きえ|生き(?:てる|る)(?:意味|いみ)|いなくな|終わり(?:たい|にし)|おわり(?:たい|にし)|眠ったまま|ねむったまま|楽になりたい`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「前は しにでぇって思ってだども、最近また そう思うようになってきた」「しにたいって おもわなく なったって いったけど さいきん また まいにち おもう」
    pattern:
      "(?:最近|さいきん)(?:、)?また(?:、)?[^。]{0,8}?(?:思う|おもう|思って|おもって|考えて(?:しま|る)|かんがえて(?:しま|る)|したく(?:なっ|なる)|やりたく(?:なっ|なる)|切りたく|きりたく)|また(?:、)?(?:毎日|まいにち|毎晩|まいばん|そう|同じこと|おなじこと)(?:、)?(?:を)?(?:ふうに|風に)?(?:、)?(?:思う|おもう|思って|おもって|考えて|かんがえて)",
    severity: "urgent",
    contexts: [
      {
        message:
          "死|しに(?:たい|たく|で)|すにで|消え(?:たい|て)|きえたい|リスカ|自傷|(?:腕|うで|手首)(?:を)?(?:切|き)|(?<![a-z])od(?![a-z])|オーバードーズ|飛び降り|とびおり|いなくなりたい|生き(?:てい)?たく|いきてたく|生きてる意味|いきてるいみ",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「大丈夫って言ったけど、嘘」「してへんって言うてたけど、実は昨日も切ってもうてん」「本気じゃないですって送りましたが、本気です」
    pattern:
      "(?:って|と)(?:、)?(?:言|い|ゆ|送|おく)(?:った|うた|ってた|うてた|いました|りました|ってい?ました)(?:けど|けれど|が|ども|げんと|のに|っしょ|ばってん|けんど)?[。、]?[^。]{0,6}?(?:嘘|うそ|ウソ|本当は|ほんとは|ほんまは|ほんとうは|実は|じつは|本気です|ほんきです|本当です|最近また|さいきんまた|また(?:、)?(?:毎日|まいにち))",
    severity: "urgent",
    negatable: false,
    contexts: [
      {
        message: `死|しに(?:たい|たく|で)|すにで|消え(?:たい|て)|きえたい|生き(?:てい)?たく|いきてたく|リスカ|自傷|じしょう|(?:手首|腕|うで|太もも)?(?:を)?(?:切|き)(?:っ(?:た|て|ちゃ)|る(?:の|こと))|(?<![a-z])od(?![a-z])|オーバードーズ|[0-9]+錠|全部(?:飲|の)|ぜんぶ(?:飲|の)|飛び降り|とびおり|首(?:を)?(?:吊|つ|しめ|絞め)|傷|きず|本気|ほんき|(?<![a-z])(?:kitta|shinitai|kizutsuke)`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「救急車 よばないで ください。もう のみました」「おきたら びょういん だった。また しっぱい した」
    pattern:
      "(?:救急車|きゅうきゅうしゃ)(?:は|を|も)?(?:、)?(?:呼ば|よば)(?:ないで|んといて|んで)|(?:起きたら|おきたら|目が覚めたら|めがさめたら|気がついたら|気づいたら|きづいたら)(?:、)?(?:病院|びょういん)(?:だった|にいた|やった|で)",
    severity: "urgent",
    contexts: [
      {
        message:
          "(?:また)?(?:失敗|しっぱい)|(?:飲|の)(?:んだ|みました)|薬|くすり|死|しね|しに|生きて|いきてた|切|首|くび|飛び|とび",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },

  // ——— farewells and affairs put in order ———
  {
    // 「いままで めやぐだったな。ほんとに ありがとな」「今まで ごめいわく かけました…ありがとう」「これまで 見てくれて ありがとう」
    pattern:
      "(?:今まで|いままで|いままれ|これまで|長い間|ながいあいだ|長いこと|ながいこと)(?!で|に|の(?!(?:こと|事))|知|し(?:ら|りませ)|気づ|きづ|一番|いちばん|見たこと|みたこと|食べた|たべた|行った|いった)[^。]{0,10}(?:。|、)?[^。]{0,10}?(?:ありがと|ありかと|有難|有り難|感謝|お世話に|おせわに|世話になっ|せわになっ|世話んなっ|ごめん|すまん|すみませ|申し訳|迷惑|めいわく|めやぐ)",
    severity: "urgent",
    contexts: [
      quotedGoodbye,
      jobGoodbye,
      thanksToAThing,
      thingsRetired,
      {
        message: "仲直り|なかなおり|けんか|喧嘩|ケンカ|許して(?:くれ|もら)|ゆるして(?:くれ|もら)",
        then: null,
      },
      worn,
      {
        sentence:
          "教えて|おしえて|知らな|しらな|わからな|気づかな|初めて|はじめて|いろいろ(?:教|おし)|お菓子|おかし|お土産|おみやげ|プレゼント|差し入れ|ごちそう|手伝|てつだ|貸して|かして|送って(?:くれ|もら)|誕生日|お祝い",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「最後に みんなに ありがとうって 言いたくて」「最後にそれだけ伝えたくて」「最後に 言うちょきたかった」「さいごに いちど だけ 実家 みにいく」
    pattern:
      "(?:最後|さいご)に(?:、)?[^。]{0,8}?(?:ありがと|ありかと|お礼|おれい|声|こえ|話し|はなし|会い|会え|あい(?:た|に)|あえて|言(?:い|う|っ|わ)|いい(?:た|たく)|いう(?:ちょ|とき|とこ|て)|いっ(?:て|と)|伝え|つたえ|手紙|てがみ|顔|かお|挨拶|あいさつ|謝|あやま|それだけ|これだけ)|(?:最後|さいご)に(?:、)?(?:一度|いちど|一回|いっかい|ひとめ|一目)(?:だけ)?(?:、)?[^。]{0,8}?(?:見|み|会|あ(?:い|え)|行|い(?:き|く)|帰|かえ)",
    severity: "urgent",
    contexts: [
      quotedGoodbye,
      {
        after: "^[^。]{0,12}(?:言われ|いわれ|言って(?:くれ|もら)|いって(?:くれ|もら))",
        then: null,
      },
      { before: subjectIs(someoneElse), then: null },
      worn,
      {
        message:
          "(?:明日|あした)(?:は)?(?:、)?(?:もう)?(?:ない|こない|来ない)|もう(?:、)?(?:明日|あした)(?:は)?(?:、)?(?:ない|こない)|これ以上(?:、)?(?:ご)?(?:迷惑|めいわく)",
        then: { severity: "urgent" },
      },
      jobGoodbye,
      {
        message:
          "一言(?:って|と|を)?(?:、)?(?:言われ|いわれ|求め|振られ|ふられ)|朝礼|ちょうれい|ガチャ|がちゃ|食べ|たべ|飲み会|打ち上げ|試合|練習|挑戦|チャレンジ|確認|旅行|ライブ|推し|公演|放送|質問|会議|面接|授業|発表|卒業|引退|送別|異動|最終回|イベント",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「ほんとに さよなら」「あんたらに 会えて よかった。さよなら」「ミンナ ゲンキデ ネ。サヨナラ」
    pattern:
      "(?:ほんとに|本当に|ほんまに|ほんなこつ|まじで)(?:、)?(?:さよなら|さようなら|ばいばい|バイバイ|お別れ|おわかれ)|(?:会え|あえ)て(?:、)?(?:よかった|良かった|うれしかった|嬉しかった|よかったっしょ)[^。]{0,4}[。、]?[^。]{0,6}?(?:さよなら|さようなら|ばいばい|バイバイ|元気で|げんきで|ありがと)|(?:みんな|皆|みなさん|皆さん)(?:、)?(?:元気|げんき)で(?:ね|な)?[。、]?(?:さよなら|さようなら|ばいばい)",
    severity: "urgent",
    contexts: [quotedGoodbye, jobGoodbye, ...wish],
  },
  {
    // 「もう 会うこと ないと思うわ」「もう会うこともなかち思う」「猫に もう 会われへんかも」「もう あえん けど げんきで ね」
    pattern:
      "もう(?:、)?(?:二度と)?(?:、)?(?:会う|あう|お会いする)(?:こと|事)(?:は|も)?(?:、)?(?:ない|なか|ありません|ございません|ね)|もう(?:、)?(?:会われへん|あわれへん|会えへん|あえへん|会えん(?=けど|けん|$|[。、]|し|と|かも|よ|ね|わ)|あえん(?=けど|けん|$|[。、]|し|と|かも|よ|ね|わ))",
    severity: "urgent",
    contexts: [
      jobGoodbye,
      { before: subjectIs(someoneElse), then: null },
      {
        sentence:
          "推し|卒業|引退|解散|転校|転勤|引っ越|ひっこ|亡くな|(?<!い)なくなっ|天国|就職|決まり|別れ|わかれ|振ら|ふら|ブロック|元カレ|元カノ|元彼",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「あとは 行くだけ」「あとは 先に 行く だけです」「アトハ ジブン ダケ」「あとは 本体だけｗ」
    pattern:
      "あと(?:は|わ)(?:、)?(?:先に|さきに)?(?:、)?(?:行く|いく|逝く|飛ぶ|とぶ|飲む|のむ|やる|実行|じっこう|自分|じぶん|ぼく|僕|私|わたし|俺|おれ|わし|うち|本体|ほんたい)(?:が|を)?(?:だけ|のみ)",
    severity: "urgent",
    contexts: [
      {
        message:
          "旅行|りょこう|ライブ|試験|面接|会場|出発|チケット|楽しみ|たのしみ|遠足|修学|合宿|出張|帰省|フェス|引っ越し(?:先|の日)|本番|ほんばん|大会|会社に|職場に|病院に|面談に|残業|帰った|かえった|先に帰|留守番",
        then: null,
      },
      {
        message:
          "片付|片づ|かたづ|かたず|全部|ぜんぶ|終わらせ|おわらせ|捨て|すて|解約|かいやく|消し|けし|消して|全消し|ぜんけし|手紙|てがみ|お世話|おせわ|準備|じゅんび|決め|きめ|いらない|要らない",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「来月には いないから」「あしたの いまごろは もう いないよ」「らいねん いない し」「月曜からは もう いないので」
    pattern:
      "(?:来月|らいげつ|来年|らいねん|再来月|来週|らいしゅう|明日|あした|あす|月曜|春|はる|年明け)(?:の(?:今頃|いまごろ|この時間))?(?:に?は|から(?:は)?|には|も|に|の)?(?:、)?(?:もう)(?:、)?(?:この世に|ここに)?(?:いない|居ない|いねえ|いね(?=$|[。、]|べ|が)|おらん|おらへん|いません|おりません)(?=$|[。、]|し|から|けん|ので|よ|と思|かも|はず)|(?:明日|あした|あす)(?:は|が)(?:、)?(?:もう)?(?:、)?(?:ない|ありません|こない|来ない)(?:です|よ|と思|かも|(?=$|[。、]))",
    severity: "urgent",
    contexts: [
      { after: "^[^。]{0,6}(?:くらい|ぐらい|ほど)", then: null },
      {
        message:
          "出張|しゅっちょう|旅行|りょこう|帰省|きせい|入院|にゅういん|研修|けんしゅう|引っ越|ひっこ|実家|じっか|留守|るす|不在|ふざい|シフト|しふと|休み|やすみ|有給|休暇|異動|いどう|転勤|てんきん|退職|たいしょく|卒業|そつぎょう|授業|仕事(?:は|が)|しごと(?:は|が)|バイト(?:は|が)|会議|練習|面談(?:は|が)|予定|合宿|遠征|海外|留学|単身|先生|担当|店長|課長|上司|先輩|後輩|さん(?:は|が)|くん(?:は|が)|母|父|兄|姉|弟|妹|猫|ねこ|犬|いぬ",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「明日の朝、ぼくが おきて こなかったら ごめんね」「そのとき 私 返事 できないかも」
    pattern:
      "(?:起き|おき)て(?:こ|来)(?:なかったら|んかったら|なくても)|(?:返事|へんじ)(?:が|は)?(?:、)?(?:できない|できん|でき(?:ない)?かも|できなくても|なくても|なかったら)",
    severity: "urgent",
    contexts: [
      {
        message:
          "起こして|おこして|電話して|でんわして|寝坊|ねぼう|遅刻|ちこく|仕事|しごと|会議|圏外|けんがい|電波|充電|電池|旅行|山|飛行機|授業|忙し|いそがし",
        then: null,
      },
      {
        message: `ごめん|すまん|ありがと|鍵|かぎ|あけとく|開けとく|部屋に来|へやにき|${heavy}`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「みんなの こと すき だった よ」「先生、これまで…あの 約束 まもれなくて ごめん」「中村さんの せいじゃ ありません」
    pattern:
      "(?:みんな|皆|みなさん|皆さん)の(?:こと|事)(?:、)?(?:好き|すき|大好き|だいすき)(?:だった|でした)|(?:約束|やくそく)(?:を)?(?:、)?(?:守れ|まもれ)(?:なくて|なかった|ん(?:で|くて)|ず)(?:、)?(?:ごめん|すまん|すみません|申し訳)|(?:の|さん|くん|ちゃん|先生|せんせい)(?:の)?(?:せい|所為)(?:じゃ|では|ちゃう|やな)(?:ない|なか|ありません|ねえ|ね(?=$|[。、]))",
    severity: "urgent",
    contexts: [
      {
        message: `お世話|おせわ|今まで|いままで|これまで|最後|さいご|いなくなっ|いなくなる|冷たく|つめたく|わすれて|忘れて|さよなら|${orderedForAfter}|${heavy}`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「わすれてください ぼくの こと」「わたしのことは わすれて」「みんなに よろしゅう 言うといて。ほな」
    pattern: `(?:忘れ|わすれ)て(?:ください|下さい|ね|ほしい|くれ)[。、]?${firstPerson}の(?:こと|事)|(?:みんな|皆|みなさん|皆さん|家族|かぞく|母|父|おかあ|おとう|オカン|おかん|弟|妹)(?:に|へ)(?:、)?(?:よろしく|よろしゅう)(?:って|と)?(?:、)?(?:言|い|伝え|つたえ)?`,
    severity: "urgent",
    contexts: [
      jobGoodbye,
      {
        message:
          "(?:もう|もぅ)(?:、)?(?:会え|あえ|連絡|れんらく|いい|ええ|疲|つか|無理|むり|限界|二度と)|最後|さいご|ばいばい|さよなら|今まで|いままで|ごめん|元気で|げんきで",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「もう れんらく しません。さがさないで」「もお れんらく しまsen」
    pattern:
      "(?:もう|もぅ|もお)(?:、)?(?:連絡|れんらく)(?:は|も)?(?:、)?(?:しない|しません|しまsen|しまへん|せえへん|せん(?=$|[。、]))|(?:探|さが)さ(?:ないで|んといて|んで)(?:ください|下さい|ね|ほしい)?",
    severity: "urgent",
    contexts: [
      worn,
      jobGoodbye,
      { before: subjectIs(someoneElse), then: null },
      { before: "(?:に|とは|には|へは|とも)(?:、)?$", then: null },
      { message: "(?:今日|きょう|今夜|こんや)は|おやすみ|また(?:明日|あした)", then: null },
      {
        message:
          "シフト|引き継ぎ|ひきつぎ|ケンカ|けんか|喧嘩|彼氏|彼女|元カレ|元カノ|ブロック|気をつけ|きをつけ|反省|かくれんぼ|隠れんぼ|鬼ごっこ|見つけ(?:て|た)|探し物|探してる(?:もの|物)",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「みんなに 迷惑 かけて ごめんね。もう かけんけん」「めいわく ばかり かけて ごめんなさい。もう かけません」
    pattern:
      "(?:迷惑|めいわく|心配|しんぱい|めやぐ)[^。]{0,12}(?:ごめん|すまん|すみません|申し訳)[^。]{0,4}[。、]?(?:もう|もぅ)(?:、)?(?:迷惑|めいわく|心配|しんぱい)?(?:は|を)?(?:、)?(?:かけ|掛け)(?:ない|ません|ん(?:けん|から|し)?|へん|ねえ)(?=$|[。、]|から|けん|ので|よ)",
    severity: "urgent",
    contexts: [
      {
        message:
          "遅刻|ちこく|ミス|みす|失敗|しっぱい|気をつけ|きをつけ|反省|はんせい|次から|つぎから|今後|こんご|がんばり|頑張|忘れ物|休んで|欠勤|早退",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「お母さんに 伝えて ほしい。ごめんね って」「ありがとうって 伝えて」(沖縄: にふぇーでーびる)
    pattern:
      "(?:伝え|つたえ)て(?:ほしい|欲しい|ください|下さい|おいて|くれ|け)[。、]?[^。]{0,4}?(?:ごめん|ありがと|すまん|愛して|あいして|大好き|だいすき)|(?:にふぇーでーびる|にふぇでびる|ありがと(?:う)?)(?:って|と)(?:、)?(?:伝え|つたえ)",
    severity: "urgent",
    contexts: [
      {
        message:
          "結婚|けっこん|誕生日|たんじょうび|母の日|父の日|成人|記念日|プレゼント|お祝い|おいわい|敬老|還暦|お土産|おみやげ|お菓子|おかし|お礼の品|差し入れ|助かり|たすかり|手伝|てつだ|貸して|かして|送って(?:くれ|もら)|くれた(?:お|から)|面会|ごちそう|ご馳走|会ったら|あったら|今度|こんど|喧嘩|けんか|ケンカ|おいしかった|美味しかった|うまかった|楽しかった|たのしかった|うれしかった|嬉しかった|ちんすこう|お土産",
        then: null,
      },
      { before: subjectIs(someoneElse), then: null },
      ...wish,
    ],
  },
  {
    // 「これで 最後にする」「今日で 最後の 出勤に します…もう 明日は ない」「これが さいごの LINE です」
    pattern:
      "(?:これで|今日で|きょうで|今夜で|こんやで)(?:、)?(?:最後|さいご|終わり|おわり)(?:に)?(?:する|します|しよう|や(?=$|[。、])|だ(?=$|[。、])|です)|(?:これが|これで)?(?:、)?(?:最後|さいご)の(?:line|らいん|ライン|lineです|メール|めーる)",
    severity: "urgent",
    contexts: [
      worn,
      {
        message:
          "(?:明日|あした)(?:は)?(?:、)?(?:もう)?(?:ない|こない|来ない)|もう(?:、)?(?:明日|あした)(?:は)?(?:、)?(?:ない|こない)",
        then: { severity: "urgent" },
      },
      jobGoodbye,
      thingsRetired,
      {
        message:
          "(?:今日|きょう)(?:の|は)?(?:、)?(?:最後|さいご)|おやすみ|また(?:明日|あした)|食べ|たべ|お菓子|おかし|ゲーム|げーむ|一杯|いっぱい|一本|いっぽん|一回|いっかい|タバコ|たばこ|課金|ガチャ|がちゃ|ダイエット|夜更かし|よふかし|甘い|あまい|お酒|おさけ|飲み|のみ|推し|セール|仕事|しごと|シフト|バイト|練習|連載|番組|放送",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「通帳と はんこ 机の上に 置いとく」「保険証と 診察券 まとめて 玄関に おいた。見つけやすい ように」
    pattern:
      "(?:通帳|つうちょう|印鑑|いんかん|はんこ|ハンコ|暗証番号|あんしょうばんごう|キャッシュカード|保険証|ほけんしょう|診察券|パスワード|ぱすわーど)(?:と|や|の|、)?[^。]{0,16}?(?:置い(?:と|て|た)|おい(?:と|て|た)|置いとく|おいとく|まとめ|書い|かい(?=て|た)|教え|おしえ|渡し|わたし(?=た|て|ま))",
    severity: "urgent",
    contexts: [
      {
        message:
          "家賃|やちん|支払|しはらい|払って|はらって|手続き|てつづき|代わりに|かわりに|管理|かんり|記帳|作っ|つくっ|再発行|なくし|無くし|落とし|おとし|忘れ|わすれ|見つか|みつか|詐欺|さぎ|取られ|とられ|盗|お小遣い|給料|振り込まれ|使いすぎ|つかいすぎ|浪費|ろうひ|使われ|つかわれ|勝手に|かってに|残高|ざんだか|病院|びょういん|受診|予約|明日(?:の)?(?:朝)?(?:、)?(?:持って|もって)|引っ越|更新|変更|会社|職場|上司|事務|経理|新しい",
        then: null,
      },
      {
        message: `あと(?:の(?:こと|事))?は|後のこと|見つけ(?:やすい|られる)|みつけ(?:やすい|られる)|もう(?:、)?(?:使わ|つかわ|いら|要ら|必要な)|${orderedForAfter}|最後|さいご|今まで|いままで|困らない|こまらない`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「手紙 かいた。家族と センターの人 あて。ひきだしに いれた」「しごとの ロッカーに てがみ おいた」「いしょ かいた」
    pattern:
      "(?:手紙|てがみ)(?:を|は|も)?(?:、)?[^。]{0,12}?(?:書い|書き(?:まし|ます)|かい(?=て|た)|かき(?:まし|ます)|置い|おい(?=て|た|と)|入れ|いれ(?=た|て|と)|渡し|わたし(?=た|て|ま))",
    severity: "urgent",
    contexts: [
      jobGoodbye,
      {
        message:
          "誕生日|たんじょうび|母の日|父の日|結婚|けっこん|記念日|年賀|ねんが|お礼状|ファンレター|推し|おし(?=に|へ)|文通|授業|宿題|課題|応募|ペンパル|お祝い|おいわい|クリスマス|バレンタイン|感謝の手紙|サンタ|先生に(?:褒|ほめ)|手紙(?:が)?(?:来|き)た|もらった|返事",
        then: null,
      },
      {
        message: `あて(?=$|[。、])|宛|見つけ|みつけ|(?:明日|あした)(?:の(?:朝|あさ))?(?:、)?(?:誰か|だれか|開け|あけ)|ひきだし|引き出し|机の上|つくえのうえ|ロッカー|最後|さいご|家族(?:へ|と|あて|宛)|かぞく(?:へ|と|あて)|遺|片付け|かたづけ|${orderedForAfter}`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「いしょ かいた」「isho kaita」(遺書 in kana)
    pattern: "いしょ(?<![ぁ-ゖ]いしょ)(?=$|[。、]|を|は|も|かい|書|が|だけ)",
    severity: "urgent",
    contexts: [
      { sentence: "セミナー|講座|練習|授業|ワークショップ|体験|ドラマ|映画|小説|漫画", then: null },
      ...mention,
    ],
  },
  {
    // 「部屋の 合鍵、センターの ポストに 入れました。明日 あけて ください」「heya no kagi, yuubin uke ni irete okimasu」
    pattern:
      "(?:合鍵|あいかぎ|鍵|かぎ|カギ)(?:を|は|、)?[^。]{0,12}(?:ポスト|郵便受け|ゆうびんうけ|センター|管理人|大家)(?:に|へ)(?:、)?(?:入れ|いれ|置い|おい|郵送|送っ|おくっ|返し|かえし)|(?<![a-z])kagi[a-z ,]{0,12}(?:yuubin|posuto|irete)",
    severity: "urgent",
    contexts: [
      {
        message:
          "引っ越|ひっこ|退去|たいきょ|忘れ物|落とし物|拾った|ひろった|預かって|留守|旅行|出張|入院|修理|業者|点検|見つけ|交換|更新|新しい|会社|職場|事務所|店|倉庫|シフト|戸締り|とじまり|退勤",
        then: null,
      },
      {
        message: `もう(?:、)?(?:使わ|つかわ|いら|要ら|必要な)|(?:明日|あした)(?:、)?(?:あけ|開け)|あとは|${orderedForAfter}|最後|さいご|お世話|おせわ|ありがと|ごめん|(?<![a-z])(?:ato ?wa|yoroshiku)(?![a-z])`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 保険: 「保険の 受取人 お母さんに かえた」「生命保険って 自分に なにか あったら 家族に 入りますか」「ほけんきんで かぞくが らくに」
    pattern:
      "(?:生命保険|せいめいほけん|死亡保険|しぼうほけん|保険金|ほけんきん|受取人|うけとりにん|(?:保険|ほけん)(?!証|しょう|料|りょう|適用|てきよう|診療|外|屋|会社の人)(?=って|の(?:こと|はなし|話|書類|証書)|で(?:返|かえ|払|はら|楽|らく|家族|かぞく)|(?:が|は)(?:、)?(?:出|で|おり|下り|入|はい)))",
    severity: "urgent",
    contexts: [
      {
        message:
          "入院|にゅういん|手術|しゅじゅつ|医療|いりょう|車の|くるまの|自転車|自動車|交通事故|火災|地震|がん保険|歯|見直し|みなおし|営業|勧誘|セールス|更新|満期|年末調整|控除|学資|貯蓄|返戻金|へんれいきん|結婚|出産|住所|じゅうしょ|引き落とし|保険料|案内|入った(?:方|ほう)|はいった(?:方|ほう)|聞かれ|きかれ|なくし|無くし|失くし|心配|しんぱい|母が|父が|おばあちゃん|おじいちゃん|亡くな|なくなった(?:母|父|祖)",
        then: null,
      },
      {
        message: `${me}(?:が|に|の)[^。]{0,10}(?:いなく|死|しん|何か|なにか|なんか|ぶん|分)|家族|かぞく|親に|おやに|母に|ははに|お母さん|おかあさん|父に|お父さん|返せ|かえせ|助か|たすか|楽に|らくに|いくら|いつから|何年|なんねん|自殺|じさつ|書類の場所|見つけ|みつけ|急いで|いそいで|あんしん|安心|これで|受取人|うけとりにん|事故じゃ`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「お墓 どこに はいれるか しらべてる。じぶんの」「母の遺影の隣に、自分の写真も一枚選んで置いておきました」
    pattern: `${me}の(?:お墓|おはか|墓|はか|遺影|いえい)|(?:遺影|いえい)(?:の)?(?:隣|となり|横|よこ)に[^。]{0,10}${me}の(?:写真|しゃしん)|(?:お墓|おはか|墓)[^。]{0,10}(?:入れる|はいれる|入れるか|はいれるか)(?:か)?[^。]{0,8}(?:調べ|しらべ)`,
    severity: "urgent",
    contexts: [
      {
        message:
          "セミナー|講座|見学|けんがく|購入|こうにゅう|買った|かった|墓参り|はかまいり|お参り|おまいり|霊園|父|母|祖|おじいちゃん|おばあちゃん|先祖|実家|お盆|彼岸",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「もう やり残した ことは ございません」「もう おもいのこし ない」
    pattern: `(?:やり残した|やりのこした|思い残し|おもいのこし)(?:こと|事)?(?:は|も|が)?(?:、)?(?:もう|なにも|何も)?(?:${nai})`,
    severity: "urgent",
    contexts: [
      {
        message:
          "ライブ|推し|試合|大会|旅行|コンサート|最高|美味|おいし|卒業|引退|優勝|合格|完走|ゲーム|アニメ|イベント|フェス|(?<!死ぬほど)楽しかった|夏休み|冬休み|年末|大掃除|仕事納め",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「わの 部屋 かたづけだ。…あどは たのむ」「へやもかたずけました。もぅだいじょうぶです」「部屋 から っぽ もう いいんだ」
    pattern:
      "(?:部屋|へや|身の回り|みのまわり|持ち物|もちもの)(?:を|も|は|の(?:中|なか|もの|もん))?(?:、)?(?:全部|ぜんぶ)?(?:、)?(?:片付け|片づけ|かたづけ|かたずけ|かたづい|片付い)|(?:部屋|へや)(?:が|は)?(?:、)?(?:からっぽ|空っぽ|何もない|なにもない|なんもない)",
    severity: "urgent",
    contexts: [
      movingOn,
      {
        message:
          "友達|ともだち|呼べ|よべ|来客|お客|掃除機|すっきり|スッキリ|気持ちいい|きもちいい|大掃除|断捨離|模様替え|年末|ゴミの日|ごみのひ|実家|母が来|親が来|片付けが(?:苦手|できな)|散らか",
        then: null,
      },
      { before: `${someoneElse}の[^、]{0,2}$`, then: null },
      {
        message: `${orderedForAfter}|あ(?:と|ど)(?:の(?:こと|事))?は(?:、)?(?:よろしく|頼|たの|お願い|おねがい)|(?:もう|もぅ)(?:、)?(?:だいじょうぶ|大丈夫)(?!じゃ|では|か)(?=[^。]{0,10}(?:$|。))|(?:もう|もぅ)(?:、)?(?:いい|ええ)(?:ん|の)?(?:だ|や|よ)?(?=$|[。、])|もう(?:、)?(?:いら|要ら)|手紙|てがみ|最後|さいご|通帳|つうちょう`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  ...splitByLead({
    // 「きょう 区役所で ぜんぶの てつづき おわらせた。これで だれも こまらない」「ネットも でんきも とめた。もう いらない」
    pattern:
      "(?:電気|でんき|ガス|がす|水道|すいどう|ネット|ねっと|スマホ|すまほ|携帯|けいたい|ケータイ|けーたい|電話|でんわ|銀行|ぎんこう|口座|こうざ|保険|ほけん|家賃|やちん|契約|けいやく|アパート|あぱーと|手続き|てつづき|解約|かいやく)(?:の|代|だい)?(?:も|を|は|、|と|の)?[^。]{0,10}?(?:止め|とめ(?=た|て|る|ま)|解約|かいやく|払わ|はらわ|手続き|てつづき|済ませ|すませ|終わらせ|おわらせ|おわりまいした|終わりました|おわりました|やめ(?=た|て|る|ま))",
    severity: "urgent",
    contexts: [
      {
        message:
          "引っ越|ひっこ|乗り換え|のりかえ|格安|節約|せつやく|安い|やすい|プラン|新しい|あたらしい|転居|実家に(?:帰|戻)|滞納|払えな|はらえな|止められ|とめられ|止まっ|とまっ|料金|高い|たかい|機種変|mnp|キャリア|解約金|違約金|サブスク|ネトフリ|ジム",
        then: null,
      },
      {
        message: `${orderedForAfter}|もう(?:、)?(?:いら|要ら|使わ|つかわ|必要|ひつよう)|次の(?:家|部屋|へや|いえ)(?:は)?(?:、)?(?:いら|探|さが|ない|決めて)|(?:来月|らいげつ)(?:は|には|から)?(?:、)?(?:いない|使わ|つかわ|もう)|(?:誰|だれ)も(?:、)?(?:困ら|こまら)|必要なくなる|ひつようなくなる|ひつよう なくなる|最後|さいご|(?:全部|ぜんぶ)(?:、)?(?:終わ|おわ)|もうすぐ|さがさないで|探さないで|連絡(?:が)?つかなく|れんらくつかなく`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  }),
  {
    // 「SNSの アカウント ぜんぶ けした。しゃしんも。もう なにも のこさない」「垢 消して 写真も 全消し 完了」
    pattern:
      "(?:アカウント|あかうんと|垢|sns|インスタ|ツイッター|ライン|line)(?:を|も|は)?(?:、)?(?:全部|ぜんぶ)?(?:、)?(?:消し|けし|消す|けす|削除|さくじょ|消去|しょうきょ)|全消し|ぜんけし",
    severity: "urgent",
    contexts: [
      {
        message:
          "裏垢|うらあか|炎上|えんじょう|荒らし|あらし|ブロック|乗っ取|のっと|新しい|作り直|つくりなお|サブ|ゲーム|げーむ|スパム|詐欺|さぎ|ハッキング|容量|ようりょう|機種変|整理|既読|トーク履歴|トーク(?:を)?消",
        then: null,
      },
      {
        message: `${orderedForAfter}|^(?=[^]*(?:全部|ぜんぶ|全消し|ぜんけし))(?=[^]*(?:写真|しゃしん|何も|なにも|最後|さいご|残さ|のこさ|あとは))`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「ぜんぶの お金 ひきだして 母の ポストに いれた。もう ひつよう ない」「通帳の お金 ぜんぶ 寄付 した」「銀行の お金 ぜんぶ 妹の 口座に うつした」
    pattern:
      "(?:お金|おかね|貯金|ちょきん|預金|よきん|給料|きゅうりょう)(?:を|は|、)?(?:全部|ぜんぶ)?(?:、)?[^。]{0,12}?(?:送っ|おくっ|送る|おくる|移し|うつし|入れ|いれ(?=た|て|ま)|寄付|きふ|渡し|わたし(?=た|て|ま)|返し|かえし(?=た|て|ま)|引き出し|ひきだし|振り込|ふりこ)",
    severity: "urgent",
    contexts: [
      {
        message:
          "仕送り|しおくり|家賃|やちん|生活費|せいかつひ|返済|へんさい|借り(?:て|た)|かり(?:て|た)|支払|しはらい|親孝行|お小遣い|こづかい|立て替え|たてかえ|割り勘|わりかん|詐欺|さぎ|騙|だま|取られ|とられ|振り込め|誕生日|お祝い",
        then: null,
      },
      {
        message: `${orderedForAfter}|もう(?:、)?(?:いら|要ら|使わ|つかわ|必要な|ひつような)|(?:最後|さいご)に`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「ことしの 年賀状 かかない。らいねん いない し」「わたしの 分の おかし、もう 用意 しなくて いいです。ずっと」
    pattern: `${me}の(?:分|ぶん)(?:の[^。]{0,6})?(?:は|も|、)?(?:、)?(?:もう)?(?:、)?(?:作ら|つくら|用意し|よういし|買わ|かわ|準備し|じゅんびし|作ら)(?:なくて|んで|ないで)(?:も)?(?:いい|ええ)`,
    severity: "urgent",
    contexts: [
      {
        message:
          "(?:今日|きょう|今夜|こんや|明日|あした)(?:は|の)|外食|がいしょく|飲み会|のみかい|食べてくる|たべてくる|ダイエット|残業|出張|旅行|いらないから|友達と",
        then: null,
      },
      {
        message: "(?:^|[。、])(?:もう|ずっと)|ずっと|もう(?:、)?(?:要ら|いら)|永遠",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },

  // ——— preparation: medicine ———
  {
    // 「薬 ためでる」「薬 なまら たまってる」「薬 ためちょった」「く す り た め て る」「セロクエル2ヶ月分ためた」「kusuri 2しゅうかんぶん ためてる」
    pattern: `(?:ため|貯め|溜め|たま|溜ま|貯ま)(?<=${drug}(?:を|は|も|が)?(?:、)?(?:(?!お金|おかね|金|ポイント|円|水|みず|ストレス)[^。]){0,14}(?:ため|貯め|溜め|たま|溜ま|貯ま))(?:で(?:る|た)|ちょ|とる|とん|とく|とこ|とき|てる|てた|てい|て(?:き|く)|た(?!め|い|く|ら)|った|っとる|っちょる|っ(?:て|た)|る(?=$|[。、]|の|こと|よう|つもり))`,
    severity: "urgent",
    contexts: [
      {
        sentence:
          "頓服|とんぷく|痛み止め|いたみどめ|予備|よび|念のため|ねんのため|非常用|災害|飲み忘れ|のみわすれ|忘れ|わすれ|余って|あまって|残薬|ざんやく|期限切れ|薬剤師",
        then: { category: "medication", severity: "normal" },
      },
      pillsGivenUp,
      { before: subjectIs(family), then: { category: "family", severity: "high" } },
    ],
  },
  {
    // 「ためてた くすり」「ちんつうざい ためてた ぶん」「薬、飲んだふりして全部とってある」
    pattern: `(?:ため|貯め|溜め|集め|あつめ)(?:て|と)(?:た|る|いた|おいた|といた|とった)(?:、)?(?:${drug}|分|ぶん|やつ)|(?:飲|の)(?:む|んだ)(?:ふり|フリ)|(?:飲|の)(?:ま|みませ)(?:ず(?:に)?|ないで|んと|んで)(?:、)?[^。]{0,8}?(?:残し|のこし|取っ(?:て|と)|とっ(?:て|と)|とってある|しまっ|隠し|かくし)`,
    severity: "urgent",
    contexts: [
      {
        sentence: "頓服|とんぷく|予備|よび|念のため|ねんのため|非常用|災害|薬剤師|病院に(?:返|持)",
        then: { category: "medication", severity: "normal" },
      },
      pillsGivenUp,
      { before: subjectIs(family), then: { category: "family", severity: "high" } },
      {
        message: `全部|ぜんぶ|とってある|取ってある|いつでも|使う日|つかう日|つかうひ|今夜|こんや|ため|貯め|溜め|集め|あつめ|うそ|嘘|ないしょ|内緒|ひきだし|引き出し|${heavy}`,
        then: { severity: "urgent" },
      },
      { then: { category: "medication", severity: "high" } },
    ],
  },
  {
    // 「先生に ねむれないって うそ ついて 多めに もらった。これで たりる」「別の 病院 回って 集める。あと少しで 足りる」
    pattern:
      "(?:これで|あと(?:少し|すこし|ちょっと)で|合わせたら|あわせたら)(?:、)?[^。]{0,6}?(?:足り|たり(?=る|ると|そう))|(?:嘘|うそ|ウソ)(?:を)?(?:、)?(?:ついて|ついた|ついとる|ついちょる|つい(?:て)?)[^。]{0,12}?(?:多め|おおめ|多く|余分|よぶん|もら|貰|出して|だして|処方|もう一回|もういっかい)|(?:多め|おおめ|余分|よぶん)に(?:、)?(?:もら|貰|出して(?:もら|もろ)|だして(?:もら|もろ))",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "お金|おかね|円|給料|時間|じかん|材料|食材|人手|ひとで|シフト|人数|席|料理|ご飯|ごはん|おかず|水|みず|お茶|ガソリン|燃料|在庫|部品|旅行|りょこう|出張|帰省|連休|年末年始|長期|海外",
        then: null,
      },
      {
        message: `${drug}|睡眠|すいみん|眠剤|みんざい|錠|シート|処方|しょほう|病院|びょういん|先生|せんせい|ねむれない|眠れない`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「びょういん 2かしょ かよって おなじ くすり もらってる」「内科と 心療内科で 同じ 眠剤 もろとる」「ともだちの くすりも もらった…あつめてる」
    pattern: `(?:同じ|おなじ)(?:、)?(?:${drug})(?:を|も)?(?:、)?(?:もら|貰|もろ)|(?:ないしょ|内緒|こっそり|黙って|だまって)(?:で)?(?:、)?[^。]{0,8}?(?:ため|貯め|溜め|もら(?=っ|い|え)|もろ|集め|あつめ)`,
    severity: "urgent",
    contexts: [
      {
        sentence: "お菓子|おかし|おやつ|プレゼント|誕生日|サプライズ|ケーキ|漫画|ゲーム",
        then: null,
      },
      { message: `${drug}|睡眠|すいみん|眠剤|みんざい|錠`, then: { severity: "urgent" } },
      { then: null },
    ],
  },
  {
    // 「お母さんの 薬も こっそり もらってきた。自分のと あわせたら けっこう ある」「ともだちの くすりも もらった…あつめてる」
    pattern: `(?:ともだち|友達|友だち|母|はは|お母さん|おかあさん|家族|かぞく|祖母|おばあちゃん)の(?:${drug})(?:も|を)(?:、)?[^。]{0,6}?(?:もら|貰|もろ|取っ|とっ|盗)`,
    severity: "urgent",
    contexts: [
      {
        message:
          "こっそり|黙って|だまって|内緒|ないしょ|盗|あわせたら|合わせたら|あつめ|集め|ため|貯め|溜め|いらない(?:って|から)",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「薬局 はしごして 鎮痛剤 ようさん 買うてきた」「ドラッグストア 3けん まわって かぜぐすり 5はこ かった」「かぜ ひいてないけど かぜぐすり いっぱい かった」
    pattern:
      "(?:(?:軒|けん|件|か所|かしょ|箇所|店|てん)(?<=(?:[2-9]|[1-9][0-9]|二|三|四|五|何|なん|いくつ|複数)(?:軒|けん|件|か所|かしょ|箇所|店|てん))|けん(?<=(?:に|さん|よん)けん)(?=め|目))(?:目|め)?(?:の|も)?(?:、)?(?:薬局|やっきょく|ドラッグストア|ドラスト|どらっぐすとあ|病院|びょういん|クリニック)|(?:薬局|やっきょく|ドラッグストア|ドラスト|どらっぐすとあ|病院|びょういん)(?:を|で|、)?(?:[2-9]|二|三|何|なん)?(?:軒|けん|か所|かしょ)?(?:、)?(?:はしご|ハシゴ|回っ|まわっ|回る|まわる|巡|めぐ)|(?:かぜ|風邪)(?:を|も)?(?:、)?(?:ひいて|引いて)(?:い)?(?:ない|へん|ねえ|ません)(?:けど|のに|けれど)|(?:かぜ|風邪)(?:でも|じゃ)(?:、)?(?:ない|ねえ)(?:のに|けど)|(?:別の|べつの|ほかの|他の)(?:店|みせ|薬局|やっきょく|病院|びょういん|ドラッグストア)(?:で|に|を|から)(?:、)?[^。]{0,6}?(?:買|か(?:う|っ|い)|こう|もら|もろ|集め|あつめ|回|まわ)|(?:多すぎる|おおすぎる)(?:って|と)(?:、)?(?:止め|とめ|言われ|いわれ|断|ことわ)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "目薬|めぐすり|湿布|しっぷ|サプリ|さぷり|ビタミン|プロテイン|マスク|ますく|検査|予約|健康診断|セカンドオピニオン|紹介状|転院|専門|歯医者|皮膚科|眼科|耳鼻科",
        then: null,
      },
      {
        message: `いっぱい|たくさん|ようさん|大量|たいりょう|(?:[2-9]|[1-9][0-9]|二|三|四|五|何)(?:箱|はこ|シート|しーと|瓶|本)|(?:1|一|ひと)(?:箱|はこ)しか|ばっかり|ばかり|睡眠|すいみん|ねむれる|眠れる|眠剤|みんざい|咳止め|せきどめ|鎮痛|ちんつう|頭痛薬|ずつうやく|止められ|とめられ|断られ|ことわられ|集め|あつめ`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「頭痛薬 5箱 buy した」「ねむりぐすり 10はこ かった」: many boxes of medicine bought
    pattern: `(?:[3-9]|[1-9][0-9]|三|四|五|六|七|八|九|十|何|なん|複数)(?:箱|はこ|瓶|びん|シート|しーと)(?<=${drug}[^。]{0,10}(?:[0-9]+|三|四|五|六|七|八|九|十|何|なん|複数)(?:箱|はこ|瓶|びん|シート|しーと))(?:も|くらい|ぐらい)?(?:、)?(?:買|か(?:っ|い|う)|こう(?:た|て)|buy|ゲット|げっと|そろえ|揃え|ある|あった|ため|たま)`,
    severity: "urgent",
    contexts: [
      {
        message:
          "目薬|めぐすり|湿布|しっぷ|サプリ|ビタミン|プロテイン|マスク|ますく|家族|かぞく|常備|セール|まとめ買い|安かった|やすかった|会社の|職場の|救急箱|防災|頼まれ|たのまれ",
        then: null,
      },
      { before: subjectIs(family), then: { category: "family", severity: "high" } },
    ],
  },
  {
    // 「ぜんぶ いっぺんに のんだら ずっと ねむれるかな」「くすり ぜんぶ のんだら らくに なれるかな」「一週間分 いっぺんに 飲んだったら 朝まで 起きひん」
    pattern:
      "(?:全部|ぜんぶ|まとめて|いっぺんに|一遍に|一気に|いっきに|一度に|いちどに|あるだけ|ありったけ)(?:、)?(?:一度に|いちどに|いっぺんに|まとめて)?(?:、)?(?:飲|の)(?:んだら|んだったら|めば|んじゃったら|んじゃえば)(?:、)?[^。]{0,10}?(?:楽|らく|死|しね|しぬ|眠れ|ねむれ|起き(?:ない|ひん|へん|ん)|おき(?:ない|ひん|へん|ん)|終わ|おわ|どうなる|いける|消え|きえ|一瞬)",
    severity: "urgent",
    contexts: [
      asPrescribed,
      {
        sentence: "お酒|おさけ|ビール|ジュース|水|みず|お茶|おちゃ|コーヒー|スープ|牛乳|飲み放題",
        then: null,
      },
      { before: subjectIs(family), then: { category: "family", severity: "high" } },
    ],
  },
  {
    // 「薬 なまら たまってる。ぜんぶ 飲んじゃおうかな」「薬 あるだけ 飲むわ」
    pattern:
      "(?:全部|ぜんぶ|あるだけ|ありったけ|まとめて|いっぺんに)(?:、)?(?:飲|の)(?:んじゃおう|んじゃお|んだろ|もうかな|むわ|むけん|むき|もか|むしか)",
    severity: "urgent",
    contexts: [
      asPrescribed,
      {
        sentence:
          "お酒|おさけ|ビール|ジュース|水|みず|お茶|おちゃ|コーヒー|スープ|牛乳|飲み放題|残り|のこり",
        then: null,
      },
      { message: `${drug}|錠|シート|眠剤|みんざい|睡眠|すいみん`, then: { severity: "urgent" } },
      { then: null },
    ],
  },
  {
    // 「薬一杯飲んだ ねむい」「ｸｽﾘ ｲｯﾍﾟﾝﾆ ｾﾞﾝﾌﾞ ﾉﾝﾀﾞ」「さっき 多めに のんだ。2シート。ねむい」
    pattern: `(?:一杯|いっぱい|いっぺんに|一遍に)(?<=${drug}(?:を|も|は)?(?:、)?(?:一杯|いっぱい|いっぺんに|一遍に))(?:、)?(?:全部|ぜんぶ)?(?:、)?(?:飲|の)(?:んだ|んじゃ|みま|んで)|(?:多め|おおめ|多く)に(?:、)?(?:飲|の)(?:んだ|んじゃ)(?=[^。]{0,12}(?:。|$)[^。]{0,10}(?:シート|錠|ねむ|眠|ふらふら|フラフラ|気持ち悪|きもちわる))|(?:[2-9]|[1-9][0-9]|二|三|四|五)(?:シート|しーと)(?:を|も)?(?:、)?(?:全部|ぜんぶ)?(?:、)?(?:飲|の)(?:んだ|んじゃ|む|もう)`,
    severity: "urgent",
    contexts: [
      asPrescribed,
      habitually,
      { before: subjectIs(family), then: { category: "family", severity: "high" } },
    ],
  },
  {
    // 「ﾈﾑﾘｸﾞｽﾘ ｾﾞﾝﾌﾞ ﾃﾉﾋﾗﾆ ﾀﾞｼﾀ」「まくらもとに ぜんぶ ならべた。くすり と てがみ」「薬、今ぜんぶ机の上に出してん。数えたら百錠くらいあった」
    pattern:
      "(?:全部|ぜんぶ)(?:、)?[^。]{0,8}?(?:並べ|ならべ|出して|だして|出した|だした|数え|かぞえ)(?:た|て|てる|とる|てん|ちゃう)?|(?:毎晩|まいばん|毎日|まいにち)(?:、)?(?:数え|かぞえ)|(?:百|ひゃく|何百|なんびゃく|[1-9][0-9]{2})(?:錠|じょう|粒|つぶ)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "ピルケース|お薬カレンダー|一包化|仕分け|しわけ|整理|せいり|期限|捨て|すて|薬剤師|確認|管理|ちゃんと|合って|あって(?:た|る)|足りて|たりて|処方箋|お金|おかね|小銭|レシート|書類|在庫|商品|お菓子|おかし|シール|トランプ|カード|レゴ|ぬいぐるみ|写真|服|靴",
        then: null,
      },
      {
        message: `${drug}|錠|じょう|シート|💊|手のひら|てのひら`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「市販の睡眠改善薬って 1回に 何錠まで…限界の 量が 知りたい」「kusuri no ryou, dore kurai de abunai ka」「薬の 説明書の 『大量に 服用した 場合』」
    pattern:
      "(?:限界|げんかい|致死|ちし)の?(?:量|りょう)|(?:量|りょう)[^。]{0,8}?(?:危ない|あぶない|やばい|死ぬ|しぬ|死ね|しね)(?:か|の)|(?:大量|過量|たいりょう|かりょう)(?:に)?(?:、)?(?:服用|ふくよう|摂取|せっしゅ|飲んだ|のんだ)(?:した)?(?:場合|ばあい|とき|時)|(?<![a-z])(?:dore ?kurai ?de ?abunai|kusuri ?(?:wo ?)?nomisugi[a-z]*|ryou[a-z ,]{0,12}abunai)(?![a-z])",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "塩|しお|砂糖|さとう|カフェイン|コーヒー|お酒|おさけ|アルコール|水分|すいぶん|筋トレ|運動|残業|仕事",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「いつでも できるように」「いつでも 使えるように」「消毒液と ガーゼ かいだめ した。いつでも できる」
    pattern:
      "いつでも(?:、)?(?:いける|行ける|死ねる|しねる|やれる|逝ける|できる|出来る|使える|つかえる|飲める|のめる)(?:ように|よう|(?=$|[。、]))",
    severity: "urgent",
    contexts: [
      {
        message:
          "包丁|ほうちょう|ナイフ|ないふ|ロープ|ろぷ|薬|くすり|カッター|かったー|刃|かみそり|カミソリ|消毒|ガーゼ|練炭|れんたん|紐|ひも|とってある|取ってある|ためて|貯めて|溜めて",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「おーでぃー しようと おもって」「ODしようかな」
    pattern: "(?:おーでぃー|おでぃ|オーディー)(?:を)?(?:、)?(?:し|する|して|しちゃ|やっ|やる)",
    severity: "urgent",
    contexts: mention,
  },

  // ——— preparation: heights, water, tracks ———
  {
    // 「展望台の 柵って 意外と 低い。乗り越えられそう」「ｵｸｼﾞｮｳ ﾉ ﾌｪﾝｽ ｺｴﾗﾚｿｳ」「てすりの そとがわに たってる」「手すり こえたら すぐ」
    pattern:
      "(?:柵|さく(?=って|の|は|が|を|も|、)|フェンス|ふぇんす|手すり|てすり|欄干|らんかん)(?:って|の|は|が|を|も|、)?(?:、)?(?:高さ|たかさ|意外と|いがいと)?(?:、)?(?:低|ひく|越え|こえ(?=られ|れ|た|て|る)|乗り越え|のりこえ|(?:外側|そとがわ|向こう|むこう)(?:に|で)(?:、)?(?:立|たっ|座|すわ|出|で(?:た|て)|いる|おる)|上に(?:座|すわ|立|たっ|乗|の)|に(?:座|すわ|腰かけ|こしかけ|足(?:を)?かけ|あし(?:を)?かけ)|(?:を|に)?(?:、)?(?:またい|跨い|またげ))",
    severity: "urgent",
    contexts: [
      {
        message:
          "工事|こうじ|修理|しゅうり|点検|てんけん|設置|せっち|子ども|子供|こども|犬|いぬ|ペット|猫|ねこ|布団|ふとん|干し|ほし|景色(?:が)?(?:きれい|綺麗)|写真|しゃしん|安全|あんぜん|危ない(?:から|ので|な)|あぶない(?:から|ので|な)|柵(?:が|を)?(?:、)?(?:つけ|付け|作|直)|牧場|動物|公園の",
        then: null,
      },
      ...wish,
    ],
  },
  ...splitByLead({
    // 「会社の 非常階段の いちばん上で ずっと すわってる」「ベランダの 手すりに すわってる」「崖の上に 来てるさ」「ダムの 上に いる」「た か い と こ ろ に い ま す」
    pattern:
      "(?:屋上|おくじょう|崖|がけ|ダム|だむ|鉄橋|歩道橋|陸橋|吊り橋|つり橋|つりばし|非常階段|ひじょうかいだん|立体駐車場|展望台|ベランダ|べらんだ|高い(?:ところ|所|とこ)|たかい(?:ところ|とこ)|(?:いちばん|一番)(?:上|うえ)|橋(?=の(?:上|うえ|まんなか|真ん中)|に|で))(?:の)?(?:上|うえ|まんなか|真ん中|そとがわ|外側|ぎりぎり|ギリギリ|端|はし|先|てっぺん)?(?:に|で|さ|まで|の上に)(?:、)?(?:ずっと|ひとりで|一人で)?(?:、)?(?:いる|おる|い(?:ます|まう|まし|た(?=$|[。、]))|来|き(?:た|て|とる|ました)|着い|つい(?:た|て)|立|たっ|座|すわ|とまっ|止まっ|なう|いってみ|行ってみ|のぼっ|登っ|あがっ|上がっ)",
    severity: "urgent",
    contexts: [
      {
        message:
          "こわくない|怖くない|ひとりで|一人で|もう(?:、)?(?:いい|無理|むり)|下(?:を)?(?:、)?(?:ずっと)?(?:、)?(?:見て|みて|のぞ)|した(?:を)?(?:、)?(?:ずっと)?(?:、)?(?:見て|みて|のぞ)|手(?:を)?(?:離|はな)したら|飛(?:ぶ|び|ん)|とび(?:たい|おり)|とん(?:だら|で)|落ちたら|おちたら|さよなら|ばいばい|最後|さいご|冷たそう|つめたそう|深そう|ふかそう|風(?:が)?(?:、)?(?:強|つよ)|かぜ(?:が)?つよ|一歩|いっぽ|ここなら|(?:フェンス|ふぇんす|柵|さく|手すり|てすり)(?:も|が|は)?(?:、)?(?:ひく|低|こえ|越え)|考えたぐね|なんも(?:、)?考え",
        then: { severity: "urgent" },
      },
      placeBenign,
      {
        message:
          "昼休み|ひるやすみ|休憩|きゅうけい|弁当|べんとう|たばこ|タバコ|喫煙|ビアガーデン|洗濯|せんたく|菜園|イベント|掃除|点検|工事|修理|業者|ドローン|電波|デート|星|ほし|植物|花|はな|布団|ふとん|バーベキュー|bbq|観測|仕事|作業",
        then: null,
      },
      { message: "^.{0,16}$", then: { severity: "urgent" } },
      { then: null },
    ],
  }),
  {
    // 「マンションの 14かい まで…下 みてきた。ここなら」「ベランダから ずっと 下 みてた。7階。わるくない 高さ」「まど あけて したの 道 ずっと みてる。8かい」
    pattern:
      "(?:[2-9]|[1-9][0-9]|二|三|四|五|六|七|八|九|十|何|なん)(?:階|かい|メートル|めーとる|m(?![a-z]))",
    severity: "urgent",
    contexts: [
      {
        message:
          "(?:悪く|わるく)ない(?:高さ|たかさ)|ここなら|ここに(?:しよ|する)|ちょうど(?:いい|ええ)|飛べ(?:る|そう)|とべ(?:る|そう)|落ちたら|おちたら|越えたら|こえたら|足(?:を)?かけ|あし(?:を)?かけ|手(?:を)?(?:離|はな)したら|一歩|いっぽ|(?:下|した)の(?:道|みち|道路|どうろ)|(?:窓|まど)(?:を)?(?:、)?(?:あけ|開け)(?:て|た)[^。]{0,10}(?:下|した)|誰にも(?:言|い)わ|だれにも(?:言|い)わ|(?:開く|あく|開いて(?:いる|る)|あいて(?:る|いる))か(?:どうか)?(?:、)?(?:確認|かくにん|確かめ|たしかめ|見に|みに)|(?:屋上|おくじょう)(?:の)?(?:ドア|鍵|かぎ|扉)",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「橋の上から 川 ずっと 見てた。高さ確認しただけ」「柵の 高さを 見に 行っています」「ダムって…高さ どれくらい あるか 知りたくて」
    pattern:
      "(?:高さ|たかさ|深さ|ふかさ)(?:を|が|は)?(?:、)?(?:確認|かくにん|確かめ|たしかめ|見て|みて|見に|みに|測|はか|調べ|しらべ|知りたい|しりたい|どれ(?:くらい|ぐらい))",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "棚|たな|机|つくえ|椅子|いす|身長|しんちょう|子ども|子供|こども|段差|天井|てんじょう|カーテン|家具|ベッド|テーブル|モニター|引っ越|内見|自転車|サドル|水深|釣り|つり|プール|ぷーる|雪|積雪|波|なみ|山|やま(?:の)?(?:高さ)|標高|富士山|スカイツリー|東京タワー|タワー",
        then: null,
      },
      {
        message:
          "橋|はし|屋上|おくじょう|ビル|階|かい(?=。|$)|ベランダ|崖|がけ|ダム|だむ|川|かわ|海|うみ|窓|まど|柵|さく|欄干|らんかん|手すり|てすり|展望台|非常階段|飛|とび|落ち|おち|誰にも|だれにも",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「就労先の ビル 12階…窓が 開くか 確認しました。開きました」「ホテルの最上階の窓、開くか確かめてきた」
    pattern:
      "(?:窓|まど|屋上|おくじょう|非常口|非常階段|ひじょうかいだん)(?:が|の(?:鍵|かぎ|ドア))?(?:、)?(?:開く|あく|開いて(?:いる|る)|あいて(?:いる|る)|出られる|でられる|入れる|はいれる)(?:か|の)(?:、)?(?:どうか)?(?:、)?(?:確認|かくにん|確かめ|たしかめ|見に|みに|知りたい|調べ|しらべ)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "換気|かんき|掃除|そうじ|空気|くうき|虫|むし|暑|あつ|寒|さむ|防犯|戸締り|とじまり|台風|地震|避難訓練|点検",
        then: null,
      },
      {
        message:
          "階|かい|ビル|最上階|さいじょうかい|屋上|おくじょう|高|たか|マンション|ホテル|非常",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「会社の屋上って鍵かかってないんだね…明日の昼休み行ってみる」「ビルの 屋上の ドア、あいてる とこ 3つ 知ってる」
    pattern:
      "(?:屋上|おくじょう)(?:の)?(?:ドア|どあ|扉|入り口|いりぐち)?(?:って|は|の|が|、)?(?:、)?(?:鍵|かぎ)?(?:が|は)?(?:、)?(?:かかって(?:い)?(?:ない|なかった|へん)|開いて(?:る|いる|た)|あいて(?:る|いる|た)|空いて(?:る|た))",
    severity: "urgent",
    contexts: [
      {
        message:
          "ご飯|ごはん|弁当|べんとう|たばこ|タバコ|喫煙|ビアガーデン|花火|はなび|夜景|やけい|洗濯|せんたく|菜園|掃除|点検|工事|修理|業者|危ない|あぶない|閉め|しめ(?:た|て|とい|とく)|管理|防犯|報告|上司に",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「もう ぜんぶ いや。どこか 高い とこ いく」
    pattern:
      "(?:高い|たかい)(?:ところ|とこ|所)(?:に|へ)?(?:、)?(?:行|い)(?:く|き(?:たい|ます)|こ(?:う|か))(?=$|[。、]|わ|ね)",
    severity: "urgent",
    contexts: [
      placeBenign,
      { message: `${heavy}|${placeAlone}`, then: { severity: "urgent" } },
      { then: null },
    ],
  },
  {
    // 「このへんで いちばん たかくて だれも こない ところ どこ」「ビルの 屋上の ドア…どれに しよ」「こうそくどうろの 歩道橋…ここに しよかな」
    pattern:
      "(?:だれも|誰も)(?:、)?(?:来|こ)(?:ない|ん|へん)(?:ところ|とこ|場所|ばしょ)|(?:どれ|どこ)に(?:しよ|する)(?:か|う)?(?=$|[。、]|かな)|(?:ここ|ここら|この(?:橋|ビル|踏切|場所))(?:なら|に(?:しよ|する|決め))",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "昼|ひる|ご飯|ごはん|弁当|休憩|昼寝|サボ|さぼ|読書|ゲーム|練習|ランチ|店|みせ|旅行|行き先|デート|プレゼント|服|ふく|メニュー|カフェ|席|せき|駐車",
        then: null,
      },
      {
        message:
          "屋上|おくじょう|橋|はし|崖|がけ|線路|せんろ|踏切|ふみきり|ダム|樹海|飛び|とび|死|しぬ|しね|高く|たかく|高い|たかい|深|ふか|歩道橋|車(?:が)?(?:、)?(?:はやい|速い)",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「うみの むこうまで あるいて いけるかな」「このまま 水の 中まで 歩いて いけそう」「すこしずつ まえに あるいてる」
    pattern:
      "(?:海|うみ|川|かわ|沖|おき|湖|みずうみ|水|みず)(?:の)?(?:むこう|向こう|中|なか|奥|おく|底|そこ)(?:まで|へ|に)(?:、)?(?:歩い|あるい|行っ|いっ|入っ|はいっ|泳い|およい)(?:て)?(?:いけ|行け|いく|行く|いこ|みよ|いき)|(?:このまま|そのまま)(?:、)?(?:海|うみ|川|かわ|水|みず)?(?:の(?:中|なか))?(?:に|へ|まで)?(?:、)?(?:歩いて|あるいて|入って|はいって)(?:、)?(?:いき|いけ|行き|行け)|(?:少しずつ|すこしずつ|ゆっくり)(?:、)?(?:前|まえ|奥|おく|沖|おき)(?:に|へ)(?:、)?(?:歩い|あるい|進ん|すすん|入っ|はいっ)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "旅行|船|ふね|フェリー|海外|留学|泳ぎ|およぎ|ボート|カヌー|サーフィン|潮干狩り|釣り|つり",
        then: null,
      },
      {
        message: "海|うみ|川|かわ|沖|おき|湖|波|なみ|水|みず|ダム",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「このまま 海に 入ったら 楽になれる」「はいったら らく かな」「台風で 川 ふえてる…ながされても いいや」「海 見ちょーん。なんか 呼ばれとる 気が する」
    pattern:
      "(?:入|はい)(?:ったら|れば)(?:、)?[^。]{0,6}?(?:楽(?!し)|らく(?!し)|死|しね|終わ|おわ|一瞬|いっしゅん)|(?:流され|ながされ)(?:ても|たって)(?:、)?(?:いい|ええ|かまわ|構わ)|(?:呼ば|よば)れ(?:て(?:い)?る|とる|ちょる|てる)(?:気|き)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "お風呂|ふろ|温泉|おんせん|サウナ|湯船|会社|かいしゃ|部活|チーム|グループ|学校|保険|ほけん|組合|推し|おし|ライブ|先生|店長|上司",
        then: null,
      },
      {
        message:
          "海|うみ|川|かわ|沖|湖|波|なみ|水|みず|ダム|線路|せんろ|踏切|ふみきり|橋|はし|崖|がけ|向こう|あっち|天国",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「仁淀川の 橋に おる。水 ちっくと 冷たそう」「かわまできちゃった。ふかそう」「kawa no hashi ni iru. tsumetasou」
    pattern: "(?:冷た|つめた|深|ふか)(?:そう|い(?:かな|んかな|やろか))(?=$|[。、]|やな|だな|やね)",
    severity: "urgent",
    contexts: [
      placeBenign,
      {
        sentence:
          "プール|ぷーる|お風呂|ふろ|ビール|ジュース|飲み物|アイス|泳|およ|釣り|つり|魚|さかな",
        then: null,
      },
      {
        message: `海|うみ|川|かわ|湖|池|ダム|橋|はし|崖|がけ|屋上|おくじょう|線路|せんろ|(?<![a-z])(?:umi|kawa|hashi|okujou|densha|hoomu)(?![a-z])`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // romaji: 「kawa no hashi ni iru. tsumetasou. mou ii ka na」「ima eki no hoomu. tsugi no densha de」「Kinou kara zutto hashi no ue. kaeritakunai」
    pattern:
      "(?<![a-z])(?:tsumetasou|fukasou|hashi ?no ?ue|hashi ?ni ?iru|okujou ?(?:ni|de|no)|umi ?(?:iku|ni ?iru|ni ?kita|mite)|ima ?umi|kawa ?(?:ni ?iru|mite)|eki ?no ?hoomu|tsugi ?no ?densha|fumikiri|senro)(?![a-z])",
    severity: "urgent",
    contexts: [
      {
        message:
          "(?<![a-z])(?:mou|sayonara|sayounara|hitori|kaeri ?takunai|kaeritakunai|kaeranai|tsumetasou|fukasou|ii ?ka ?na|shita ?(?:wo ?)?mi|suikomare|shinitai|kietai|owari|saigo|tobi|dare ?ni ?mo)(?![a-z])",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「線路の 近く 歩いとる。電車 くるの 待っとる」「ふみきりで まってる。もうすぐ くる」「ふみきりの まえ。かんかん なってる。あし うごかない」
    pattern:
      "(?:踏切|ふみきり|ふみきい|線路|せんろ|遮断機|しゃだんき|(?:駅|えき)の(?:ホーム|ほむ)|ホーム(?:の)?(?:端|はし|いちばん前|一番前))",
    severity: "urgent",
    contexts: [
      { sentence: "ドラマ|映画|アニメ|漫画|小説|ニュース|動画|番組|シーン|場面", then: null },
      {
        message:
          "開かず|あかず|遅延|ちえん|人身|じんしん|振替|ふりかえ|撮|写真|しゃしん|鉄道ファン|撮り鉄|とりてつ|ドクターイエロー|電車好き|でんしゃずき|(?:スマホ|すまほ|財布|さいふ|鍵|かぎ)(?:を)?(?:、)?(?:落と|おと)|落とし物|忘れ物|駅員|えきいん|(?:おっちゃん|おじさん|おばさん|おっさん|人|ひと|子|やつ)(?:が|おって|がいて|を見|をみ)|危なかった|あぶなかった",
        then: null,
      },
      {
        message:
          "見送|みおく|くぐ(?:っ|る)|潜(?:っ|る)|足が(?:、)?(?:勝手|動かな|うごかな|向く|むく)|あし(?:が)?(?:、)?(?:かって|うごかな|むく)|(?:降り|おり)(?:られる|たら)|飛び込|とびこ|吸い(?:込|こ)|すいこ|次ので|つぎので|ちょうど(?:いい|ええ)",
        then: { severity: "urgent" },
      },
      {
        message: "散歩|さんぽ|沿い|ぞい|通勤|つうきん|通学|つうがく",
        then: null,
      },
      {
        message:
          "止まって(?:て|る)|とまって(?:て|る)|工事|こうじ|撮影|乗り換え|のりかえ|事故があった|事故で|ベビーカー|子ども|こども|猫|ねこ|犬|いぬ|お年寄り|おばあさん|おじいさん|助けた|たすけた",
        then: null,
      },
      {
        message:
          "(?:電車|でんしゃ|急行|快速|特急|終電|次|つぎ)(?:の|が)?[^。]{0,8}?(?:待っ|まっ|待と|まと|来る|くる|来たら|きたら|見送|みおく|乗らん|のらん|乗らない|のらない|で(?:いい|ええ|いく|行く|いこ))|くぐ(?:っ|る)|潜(?:っ|る)|足が(?:、)?(?:勝手|動かな|うごかな|向く|むく)|あし(?:が)?(?:、)?(?:かって|うごかな|むく)|ちょうど(?:いい|ええ)|おちつく|落ち着く|立ち止ま|たちどま|[0-9]+(?:分|ぷん|ふん)|ずっと|降り(?:たら|る|られる)|おり(?:たら|る|られる)|吸い|すい(?:こ|込)|次ので|つぎので|かんかん|カンカン|もうすぐ(?:、)?(?:くる|来る)|飛び|とび|入|はい(?:ったら|れる)|毎朝(?:、)?(?:そこ|見)|いま(?=$|[。、])|今(?=$|[。、])|ひとり|一人",
        then: { severity: "urgent" },
      },
      { message: "^.{0,14}$", then: { severity: "urgent" } },
      { then: null },
    ],
  },
  {
    // 「🚃💨 つぎので いく。さよなら」「ima eki no hoomu. tsugi no densha de」
    pattern:
      "(?:次|つぎ)(?:の(?:電車|でんしゃ|急行|快速|特急|train)|ので)(?:で)?(?:、)?(?:いく|行く|いこ|行こ|飛|とび|終わ|おわ|(?=$|[。、]))",
    severity: "urgent",
    contexts: [
      {
        message:
          "さよなら|ばいばい|バイバイ|さいご|最後|踏切|ふみきり|線路|せんろ|見送|みおく|何本|なんぼん|ホームの(?:端|はし)|もう(?:、)?(?:いい|帰るの)|ごめん",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「川さ行って、もう戻ってこねぇがもしんねぇ」「八戸の港さ 行ってくる。もう 帰ってこねぇ」「もう帰らんでええでしょ」「戻る 予定は 立てて いません」「かえりは ない」「帰りの 電車 調べてへん」
    pattern:
      "(?:戻|もど|帰|かえ)(?:って)?(?:こ|来)(?:ねえ|ね(?=$|[。、]|が|つもり|べ|ど|よ))|(?:戻|もど|帰|かえ)(?:ら|ん)(?:ねえ|ね(?=$|[。、]|が|つもり|べ|ど|よ)|ねが)|(?:帰|かえ|戻|もど)らんで(?:、)?(?:ええ|いい|よか)|(?:戻|もど|帰|かえ)る(?:予定|よてい|つもり|気|き)(?:は|も)?(?:、)?(?:あんまり|あまり|もう|全然|ぜんぜん)?(?:、)?(?:ない|なか|ありません|なし|立てて(?:い)?(?:ない|ません)|たてて(?:い)?(?:ない|ません))|(?:帰|かえ)り(?:は|の(?:切符|きっぷ|電車|でんしゃ|バス|ばす|チケット)(?:は|も)?)(?:、)?(?:ない|なし|いらない|いらん|要らない|買って(?:い)?ない|調べて(?:い)?(?:ない|へん)|しらべて(?:い)?(?:ない|へん))(?=$|[。、]|し|から|けん)",
    severity: "urgent",
    contexts: [
      {
        before:
          "(?:元|もと|前|まえ|昔|むかし|体重|調子|体調|記憶|感覚|熱|データ|職場|会社|仕事|実家|家|うち|部屋|寮|店|バイト|席|時間|お金|おかね|金|スマホ|写真|気持ち|機嫌|視力|声|食欲|給料|電気|信号|猫|ねこ|犬|いぬ)(?:に|には|へ|は|が|も|の|から)?(?:、)?(?:もう)?(?:、)?$",
        then: null,
      },
      {
        message:
          "泊|とま(?:る|り)|残業|直帰|飲み会|友達の家|ともだちの(?:いえ|うち)|彼氏の家|彼女の家|実家に|旅行|りょこう|出張|帰省|片道(?:で|の)?安|夜行|迎え|むかえ|送って(?:もら|くれ)|車で(?:送|帰)|乗せて",
        then: null,
      },
      { before: subjectIs(someoneElse), then: null },
      {
        message: `${goingFar}|港|みなと|崖|がけ|行ってくる|いってくる|行ってきます|いってきます|行ぐ|いぐ|もう|ひとり|一人|遠く|とおく`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「八戸の港さ 行ってくる」「函館の崖さ 行ってみっかな」「車で 海さ 行ぐ」「ダム の ほう まで あるいて いきよる」「古宇利島の橋に行こうと思ってます」「大和川 見てくるわ。深いとこ」
    pattern:
      "(?:橋|(?<!わた|あた|ぼく|おれ|うち)はし|海|うみ|川|かわ(?<![ぁ-ゖ]かわ)|崖|がけ|ダム|だむ|樹海|岬|みさき|港|みなと|岸壁|埠頭|ふとう|断崖)(?:の(?:方|ほう|奥|おく|近く|ちかく))?(?:に|へ|さ|まで)?(?:、)?(?:歩いて|あるいて|車で|くるまで|ひとりで|一人で)?(?:、)?(?:(?:行|い)(?:ぐ|ってみっか|ってみよ|ってみる|ってくる(?:わ)?|ってきます|こう(?:と|か)|こか|きよる|っちゃお)|見て(?:くる|きた)|みて(?:くる|きた))(?=$|[。、]|わ|ね|な|と|よ)",
    severity: "urgent",
    contexts: [
      placeBenign,
      {
        message: `${placeAlone}|決め|きめ|もう|ひとり|一人|深い|ふかい|深そう|ふかそう`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「近くの 橋の 下見に 来た。思ったより 高い」「ちかくの かわ みてきた。ふかいとこ あった」「あの 踏切 むかしから 事故 おおい らしい。ちょうど いい」
    pattern:
      "(?:橋|はし|屋上|おくじょう|崖|がけ|線路|せんろ|踏切|ふみきり|ダム|ビル|海|うみ|川|かわ)(?:の)?(?:下見|したみ)|(?:深|ふか)い(?:ところ|とこ|場所|ばしょ)(?:が|も)?(?:、)?(?:あった|ある|見つけ|みつけ|見つかっ|みつかっ|探し|さがし)|(?:事故|じこ)(?:が)?(?:、)?(?:多い|おおい)[^。]{0,10}(?:ちょうど|丁度)(?:いい|ええ)|身投げ|みなげ(?<![ぁ-ゖ]みなげ)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "釣り|つり(?!革)|泳|およ|魚|さかな|ボート|カヤック|潜|もぐ|ダイビング|旅行|引っ越|物件|内見|ニュース(?:で|を)見|気をつけ|きをつけ|注意",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「首釣りの やりかた」「吊るところ探してる。ドアノブでもできるって見た」「ホームセンターで ロープと 炭 こうてきた」
    pattern: `首釣り|くび釣り|(?:吊|つ)る(?:ところ|とこ|場所|ばしょ)|(?:ドアノブ|どあのぶ)(?:で|でも)(?:、)?(?:できる|いける|出来る)|${ropeWord}(?:と|や|、)?[^。]{0,6}?(?:こう(?:た|て)(?:き|く)?|買うて)`,
    severity: "urgent",
    contexts: [{ message: ropeChores, then: null }, ...wish],
  },
  {
    // 「ニュースの 人と おなじ 方法 しらべた」「ネットで しねる くすり しらべた」「ネットで いたくない しにかた」
    pattern:
      "(?:同じ|おなじ)(?:方法|ほうほう|やり方|やりかた)(?:を|で)?(?:、)?(?:調べ|しらべ|探|さが|検索|試|ため)|し(?<![わあ]たし)にかた(?=$|[。、]|を|が|しらべ|調べ|検索|ググ|教え|おしえ|ある|って)|(?:楽|らく|痛く(?:ない)|いたく(?:ない)|確実|かくじつ)(?:な|に)(?:死に方|しにかた|死にかた|死ぬ方法|しぬほうほう)|(?:死|し|タヒ)ねる(?:方法|ほうほう|場所|ばしょ|くすり|量|りょう|高さ|たかさ)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "料理|りょうり|レシピ|ゲーム|げーむ|勉強|べんきょう|仕事|しごと|ダイエット|掃除|そうじ|節約|せつやく",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「冬の 公園の ベンチで ねたら どうなるか…こんや ためす」「冬山に 軽装で 行ったら…楽に なれると 聞きました」「眠っている間に ガスが 出ていても 気づかない ものですか」
    pattern:
      "(?:楽|らく)に(?:なれる|死ねる|しねる|いける|逝ける)(?:と|って)(?:、)?(?:聞|きい|見|み(?:た|て)|読|よ(?:ん|む))|(?:ガス|がす)[^。]{0,10}(?:気づかない|気付かない|きづかない|苦しくない|くるしくない|死ね|しね|楽に|らくに)|(?:ねたら|寝たら|のんだら|飲んだら|入ったら|はいったら)(?:、)?(?:どうなる|どうなるか)[^。]{0,14}?(?:試|ため)(?:す|したい|してみ)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "ガス(?:の)?(?:点検|検針|料金|代|会社)|料理|コンロ|換気|かんき|安全|地震|防災|給湯",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「ねる まえに へやの すきま ぜんぶ テープで ふさいだ」「窓 ぜんぶ しめて、すきま ふさいで、あれ つける」
    pattern:
      "(?:窓|まど|ドア|どあ|隙間|すきま|換気扇|かんきせん|通気口)(?:を|も)?(?:、)?(?:全部|ぜんぶ)?(?:、)?[^。]{0,6}?(?:テープ|てーぷ|ガムテ|がむて)(?:で)?(?:、)?(?:ふさ|塞|目張り|めばり)|(?:すきま|隙間)(?:を)?(?:、)?(?:ふさ|塞)(?:いで|いだ)[^。]{0,8}(?:あれ|火|ひ(?:を)?つけ|炭|すみ|練炭)",
    severity: "urgent",
    contexts: [
      {
        message:
          "すきま風|隙間風|虫|ゴキブリ|花粉|防音|騒音|寒さ対策|さむさ対策|断熱|結露|ほこり|黄砂|におい|匂い|臭い",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「やっと らくに なれる 日が きまった」「つかう日 きめた」「ぜんぶ きめたから。もう なやまない。今夜」「これ だれにも 見せないで。もう 決めたから」
    pattern:
      "(?:楽|らく)に(?:なれる|なる)(?:日|ひ)(?:が|を|は)?(?:、)?(?:決ま|きま|決め|きめ)|(?:使う|つかう|決行|けっこう|その|実行|じっこう)(?:日|ひ)(?:を|が|は|も)?(?:、)?(?:もう)?(?:決め|きめ|決ま|きま)|(?:全部|ぜんぶ|もう)(?:、)?(?:決め|きめ)(?:た|ました|だ)(?:から|ので|し|けん|んだ)?(?=[^。]{0,20}(?:今夜|こんや|悩まな|なやまな|すっきり|楽|らく|さよなら|ありがと|誰にも|だれにも|見せないで|みせないで|言わないで|いわないで))",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "結婚|けっこん|引っ越|ひっこ|旅行|りょこう|転職|退職|就職|進学|入学|試験|受験|発表|デート|式|ライブ|誕生日|予約|メニュー|献立|会議",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「いなくなる じゅんび してる」「消える準備」
    pattern:
      "(?:いなくなる|居なくなる|消える|きえる|死ぬ|しぬ|終わる|おわる|逝く)(?:ため|為)?(?:の)?(?:準備|じゅんび|用意|よい)",
    severity: "urgent",
    contexts: [
      {
        sentence: "ドラマ|映画|アニメ|漫画|ゲーム|役|舞台|魔法|マジック|手品|引っ越|退職|異動",
        then: null,
      },
      ...wish,
    ],
  },

  // ——— self-harm, named or not ———
  {
    // 「手 切ってまった、わざと」「包丁で自分の指わざと切ってた」「あついお湯 わざと 手に かけてる」「かさぶた はがして…わざと」
    pattern: `(?:切|き)(?:っ(?:た|て|ちゃ|てもう|てまっ)|る)(?:[^。]{0,6})?(?:、)?わざと|わざと(?:、)?[^。]{0,12}?(?:切(?:っ(?:た|て|ちゃ)|る|り)|刺(?:し|す)|焼い|やけど|火傷|(?:噛|か)(?:ん(?:で|だ))|(?:傷|きず)(?:を|つけ|に(?:し|す))|血(?:を|が)|熱湯|ねっとう|(?:熱い|あつい)(?:お湯|おゆ|湯)|(?:ひっか|引っか|引っ掻)(?:い|く)|つね(?:っ|る)|(?:はがし|剥がし)|(?:${firstPerson}|頭|あたま|手|て|腕|うで|足|あし|顔|かお)(?:を|に)(?:、)?(?:叩|たた|殴|なぐ|ぶつけ|かけ|あて|当て))`,
    severity: "urgent",
    contexts: [
      doneToThem,
      {
        after: "^[^。]{0,6}(?:て(?:き|く)|られ|れた)",
        then: { category: "abuse", severity: "urgent" },
      },
      { before: subjectIs(someoneElse), then: null },
      {
        sentence:
          "電話|でんわ|通話|ライン|line|縁|関係|髪(?:を|の毛)|前髪|爪(?:を)?(?:切|き)|言われ|いわれ|言って|いって|言葉|ことば|傷つく|きずつく|負け|まけ|遅れ|おくれ|冗談|ふざけ|らし(?:い|く)|猫|ねこ|犬|いぬ",
        then: null,
      },
      ...mention,
    ],
  },
  {
    // 「また腕やっちゃった」「腕さ 傷 増えでる。昨日も やった」「まだ 手首 やっちまった」「また ふとももに した」
    pattern:
      "(?:腕|うで|手首|てくび|手くび|太もも|ふともも|太腿)(?:を|も|さ|ば|に|、)?(?:、)?(?:また|まだ|今日も|きょうも|昨日も|きのうも)?(?:、)?(?:やっ(?:た|ちゃ|てしま|てもう|てしも|ちま|てまっ)|やって(?:る|しまう|もうた))",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "野球|サッカー|テニス|バスケ|バレー|試合|練習|部活|運動|筋トレ|ジム|ストレッチ|転|ころ|こけ|捻挫|ねんざ|骨折|こっせつ|脱臼|筋|すじ|仕事で|しごとで|作業で|事故|マッサージ|ネイル|脱毛|日焼け止め|湿布|しっぷ|手術|注射|採血|予防接種|ワクチン",
        then: { category: "health", severity: "low" },
      },
      ...mention,
    ],
  },
  {
    // 「また新しい傷つくっちゃった」「腕 また 傷ふえた もう止められない」「最近 また 傷が 増えてしまって、夏なのに 半袖が 着られません」「久々に 赤い線 ふえたｗ」「ude no kizu mata fueta」
    pattern:
      "(?:傷|きず|赤い線|あかいせん|線(?=が|も|ふえ|増え))(?:が|も)?(?:、)?(?:また)?(?:、)?(?:増え|ふえ|増やし|ふやし|つくっ|作っ|でき(?=た|て|ちゃ))(?:た|て|ちゃ|とる|でる|てる|てしま|まし)|(?<![a-z])kizu[a-z ]{0,10}(?:fueta|fuete|tsukutta)(?![a-z])",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "猫|ねこ|犬|いぬ|転|ころ|こけ|仕事|しごと|作業|さぎょう|軍手|段ボール|包丁|料理|スマホ|画面|車|くるま|壁|家具|床|机|靴|くつ|バッグ|かばん|眼鏡|メガネ|フローリング|ギター|楽器|心|こころ|言葉|ことば",
        then: null,
      },
      {
        message:
          "腕|うで|手首|てくび|太もも|ふともも|また|半袖|はんそで|長袖|ながそで|袖|そで|隠|かく(?:し|す|せ)|見られ|みられ|止められ|とめられ|やめられ|新しい|あたらしい|赤い線|あかいせん|カッター|かみそり|カミソリ|切|ude|kizu",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  ...splitByLead({
    // 「ひだりうで 見られたくない」「きずぐち かくせる ファンデ」「リストバンド 3つ かった。かくすのに」「絆創膏 足りひん」
    pattern:
      "(?:腕|うで|手首|てくび|ひだりうで|左腕|右腕|みぎうで|太もも|ふともも)(?:の(?:傷|きず))?(?:を|が|は)?(?:、)?(?:見られ|みられ)(?:たく|たら|ん(?:よう|ように)|ない(?:よう|ように))|(?:傷|きず|傷口|きずぐち|傷跡|きずあと)(?:を|が)?(?:、)?(?:隠|かく)(?:す|し|せる|せ)|(?:リストバンド|りすとばんど|サポーター|包帯|ほうたい|絆創膏|ばんそうこう|長袖|ながそで|袖|そで|バンド)[^。]{0,10}?(?:隠す|かくす|隠し|かくし|隠せ|かくせ|見られ|みられ|ばれ|バレ|足りひん|足りない|たりない|足らん|たらん)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "手術|しゅじゅつ|やけどの跡|ニキビ|にきび|帝王切開|盲腸|子どもの頃|子供の頃|小さい頃|毛|日焼け|ひやけ|太い|ふとい|むくみ|たるみ|タトゥー|刺青|入れ墨|いれずみ|虫刺され|アトピー|湿疹|しっしん|シミ|しみ|あざ(?:が)?(?:生まれ|うまれ)|寝癖|ネイル|時計|とけい(?!の バンド)|ブレスレット|指輪",
        then: null,
      },
      { before: subjectIs(someoneElse), then: null },
      {
        message:
          "傷|きず|切|き(?:っ|る|り)|リスカ|血|ち(?=が|も|だらけ)|また|増え|ふえ|腕|うで|手首|てくび|カッター|かみそり|カミソリ|やった|やっちゃ|見られたく|みられたく",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  }),
  {
    // 「かみのけ ぬくの とまらない」「まゆげ ぬいてる。いたいのが いい」「じぶんの かみ ぬいてる。はげてきた」
    pattern:
      "(?:髪|かみ(?!そり)|かみのけ|髪の毛|まゆげ|眉毛|まつげ|まつ毛|睫毛|(?<![ぁ-ゖ])毛)(?:を|の毛を|も|が)?(?:、)?(?:全部|ぜんぶ)?(?:、)?(?:抜|ぬ)(?:い(?:て|た|ちゃ)|く|き(?:たい|たく|まく)|け(?:ない|へん))",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "白髪|しらが|毛抜き|けぬき|脱毛|だつもう|ムダ毛|むだ毛|抜け毛|ぬけげ|トリマー|猫|ねこ|犬|いぬ|整え|ととのえ|ワックス|美容|びよう|エステ|草|くさ|雑草|ざっそう|畑|はたけ|鼻毛|はなげ",
        then: null,
      },
      {
        message:
          "止まら|とまら|止まん|とまん|止められ|やめられ|とめられ|血|ち(?=が|も|で)|はげ|ハゲ|禿|痛い(?:の|が)|いたい(?:の|が)|自分(?:が)?(?:、)?(?:嫌い|きらい)|じぶん(?:が)?(?:、)?(?:きらい|嫌い)|全部|ぜんぶ|癖|くせ|ストレス|すっきり|落ち着|おちつ|また|自分の|じぶんの",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  ...splitByLead({
    // 「ペンで てのひら さしてる」「安全ピン いつも 持ってる。つらいとき 指に さす」「シャーペンで 手の甲 ぐりぐり」「むねに ボールペン ぐさって」「ペンの さきで うでに じ かいてる…ち でてきた」
    pattern: `(?:ペン|ぺん|ボールペン|シャーペン|シャープペン|えんぴつ|鉛筆|つまようじ|爪楊枝|フォーク|安全ピン|あんぜんぴん|針|はり(?=で|の)|ピン|ぴん|コンパス|画鋲|がびょう)(?:の(?:先|さき|針|はり))?(?:で|を)?(?:、)?[^。]{0,6}?(?:${bodyPart}|胸|むね|指|ゆび|手の甲|てのこう)(?:を|に)?(?:、)?[^。]{0,4}?(?:刺|さし|さす|さし|ぐりぐり|グリグリ|ぐさ|グサ|えぐ|突|つつ|彫|ほ(?:った|る|って))|(?:ペン|ぺん|ボールペン|シャーペン|えんぴつ|鉛筆|安全ピン|あんぜんぴん|針|ピン|ぴん|コンパス|画鋲|がびょう)(?<=(?:${bodyPart}|胸|むね|指|ゆび|手の甲|てのこう)(?:を|に)(?:、)?[^。]{0,4}?(?:ペン|ぺん|ボールペン|シャーペン|えんぴつ|鉛筆|安全ピン|あんぜんぴん|針|ピン|ぴん|コンパス|画鋲|がびょう))(?:の(?:先|さき))?(?:で)?(?:、)?[^。]{0,6}?(?:刺|さし|さす|ぐりぐり|グリグリ|ぐさ|グサ|えぐ|突|つつ)|(?:刺|さ)す(?<=(?:指|ゆび|手|て)に(?:、)?(?:刺|さ)す)(?<=(?:ピン|ぴん|針|はり|ペン|ぺん)[^]{0,30}(?:刺|さ)す)|(?:字|じ|文字|もじ)(?<=(?:腕|うで|手|て)に(?:、)?(?:字|じ|文字|もじ))(?:を)?(?:、)?[^。]{0,4}?(?:書|か|彫|ほ)(?=[^。]{0,20}(?:血|ち(?:が|も|でて)|強く|つよく|消えない|きえない))`,
    severity: "urgent",
    contexts: [
      doneToThem,
      {
        sentence:
          "注射|ちゅうしゃ|採血|さいけつ|予防|裁縫|さいほう|ミシン|うっかり|間違えて|まちがえて|刺繍|ししゅう|編み物|あみもの|鍼|はり治療|ツボ|つぼ|マッサージ|メモ|めも|忘れないよう",
        then: { category: "health", severity: "low" },
      },
      ...mention,
    ],
  }),
  {
    // 「ﾀﾊﾞｺﾃﾞ ﾃ ﾔｲﾀ」「tabako de ude yaita」「腕さ ライター あででまった」「ライター…あついの はだに あてると ほっと する」「ライターであぶるようになった」
    pattern: `(?:タバコ|たばこ|煙草|ライター|らいた|線香|せんこう)(?:の火)?(?:で|を|、)?(?:、)?(?:手|て|腕|うで|足|あし|肌|はだ)?(?:を|に)?(?:、)?(?:焼い|やい|あぶ|炙|焦が|こが|当て|あて|あで|押し(?:つけ|付け)|おしつけ)|(?:ライター|らいた|タバコ|たばこ|火|ひ(?=を|で)|熱湯|ねっとう|アイロン|熱いの|あついの)(?<=(?:${bodyPart}|肌|はだ)(?:に|を|さ)(?:、)?[^。]{0,6}?(?:ライター|らいた|タバコ|たばこ|火|ひ(?=を|で)|熱湯|ねっとう|アイロン|熱いの|あついの))(?:を)?(?:、)?(?:当て|あて|あで|押し|おし|つけ|付け|あぶ|かけ)|(?:ほっと|落ち着|おちつ|安心|あんしん|楽|らく|すっきり)(?<=(?:肌|はだ|腕|うで|手|て)に(?:、)?(?:あて|当て|押し|おし)(?:る|た|て)(?:と)?(?:、)?(?:ほっと|落ち着|おちつ|安心|あんしん|楽|らく|すっきり))|(?<![a-z])(?:tabako|raitaa|lighter)[a-z ]{0,10}(?:yaita|yaku|aburu|oshitsuke)`,
    severity: "urgent",
    contexts: [
      doneToThem,
      {
        sentence:
          "料理|りょうり|チーズ|寿司|すし|肉|魚|ケーキ|キャンドル|ろうそく|花火|はなび|バーベキュー|bbq|キャンプ|マシュマロ|日焼け|ひやけ|日光|うっかり|間違えて|まちがえて|誤って|あやまって|こぼ|シャツ|服|ふく|ハンカチ|アイロンがけ|しわ|シワ|お香|仏壇|墓|はか|お線香|蚊取り",
        then: { category: "health", severity: "low" },
      },
      ...mention,
    ],
  },
  {
    // 「あたまを かべに ごんごん。やめられない」「kabe ni atama butsuketeru」「あたま なんかいも たたいてた」「じぶんの てを かなづちで たたいて しまいました」
    pattern: `(?:頭|あたま|おでこ|でこ)(?:を|が)?(?:、)?[^。]{0,8}?(?:壁|かべ|床|ゆか)(?:に|へ)?(?:、)?(?:何回も|なんかいも|何度も|なんども|ずっと)?(?:ごんごん|ゴンゴン|がんがん|ガンガン|ごつごつ|ゴツゴツ)|(?:頭|あたま)(?:を)?(?:、)?(?:何回も|なんかいも|何度も|なんども|ずっと|思いきり|おもいきり|思いっきり)(?:、)?(?:叩|たた|殴|なぐ)(?:い|っ|く)|(?:自分|じぶん|じふん)(?:の|で)(?:、)?(?:${bodyPart}|頭|あたま|顔|かお|ほっぺ|頬)?(?:を)?(?:、)?[^。]{0,8}?(?:叩|たた|殴|なぐ)(?:い|っ|く)|(?<![a-z])(?:kabe ?ni ?atama|atama ?(?:wo|o) ?kabe|jibun ?(?:wo|o) ?nagu)[a-z ]{0,14}(?![a-z])`,
    severity: "urgent",
    contexts: [
      doneToThem,
      {
        sentence:
          "寝ぼけ|ねぼけ|うっかり|転んで|ころんで|転んだ|ころんだ|滑|すべ|暗くて|くらくて|よろけ|ドア|どあ|棚|たな|気合|きあい|目を覚ま|眠気|ねむけ|ツッコミ|つっこみ|ボケ|肩|かた(?:を)?(?:叩|たた)|肩たたき|マッサージ|蚊|虫|布団|ふとん|太鼓|ドラム|キーボード|テレビ|機械|パソコン|リモコン|頭を(?:叩|たた)いて(?:考え|思い出)",
        then: { category: "health", severity: "low" },
      },
      { before: subjectIs(someoneElse), then: null },
      ...mention,
    ],
  },
  {
    // 「じふんの くひ しめてた きかついたら」「くひ しめて みた くるしかった」「kareshi ni kubi shimerareta」は暴力
    pattern: "(?:くひ|首|くび)(?:を)?(?:、)?(?:しめ|絞め|締め)(?:て(?:た|み|る)|た(?=$|[。、]))",
    severity: "urgent",
    contexts: [
      doneToThem,
      {
        sentence: "ネクタイ|マフラー|ボタン|ぼたん|襟|えり|シャツ|寒|さむ|首輪|くびわ|ベルトを",
        then: null,
      },
      { before: subjectIs(someoneElse), then: null },
      ...mention,
    ],
  },
  {
    // 「き り た い」「きりたい」「切りたい」「霧たい うで」「き り た い ま た」
    pattern: "(?:切|き)(?<!っ(?:切|き))りたい|霧たい",
    severity: "urgent",
    contexts: [
      {
        message:
          "^(?:もう|また)?(?:、)?(?:(?:切|き)りたい|霧たい)(?:[。、]?(?:切|き)りたい)*[^。]{0,6}$",
        then: { severity: "urgent" },
      },
      { message: cutObjects, then: null },
      {
        message:
          "腕|うで|手首|てくび|太もも|ふともも|血|カッター|かったー|かみそり|カミソリ|リスカ|傷|きず|また(?!ね)|衝動|しょうどう|我慢|がまん",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「カッター あたらしいの かった。ひさしぶりに やる」「カッター すてたけど また かった」「カッターの 刃 かえた。よく きれそう」「えんぴつ けずりの 刃 はずした。つかう」
    pattern:
      "(?:カッター|カミソリ|かみそり|剃刀)(?:の(?:刃|は|替え刃))?(?:を|、|も|は)?[^。]{0,10}?(?:買|か(?:った|って|い(?:に|ました))|こう(?:た|て))|(?:カッター|かったー|カミソリ|かみそり|剃刀)(?:の)?(?:刃|は)(?:を)?(?:、)?(?:替え|かえ(?=た|て|ま)|換え|新しく|あたらしく)|(?:鉛筆削り|えんぴつけずり|ひげそり|ひげ剃り|シェーバー|しぇーばー|カミソリ|かみそり)の(?:刃|は)(?:を)?(?:、)?(?:外し|はずし|取り出|とりだ|抜い|ぬい)",
    severity: "urgent",
    contexts: [
      {
        message:
          "仕事|しごと|作業|さぎょう|梱包|こんぽう|段ボール|だんぼーる|工作|こうさく|diy|文房具|ぶんぼうぐ|プラモ|ぷらも|切り絵|きりえ|模型|もけい|クラフト|手芸|しゅげい|ネイル|学校|職場で(?:使|つか)|カッターマット|ひげ|ヒゲ|髭|眉|まゆ|ムダ毛|むだ毛|すね毛|わき|顔(?:を)?(?:剃|そ)|剃(?:る|った)",
        then: null,
      },
      {
        message:
          "久しぶり|ひさしぶり|ひさびさ|久々|また|我慢|がまん|今夜|こんや|やる(?=$|[。、]|わ|よ|か|つもり)|使う|つかう|切|きる|きり|きれそう|腕|うで|手首|てくび|太もも|血|袖|そで|ないしょ|内緒|すてたけど|捨てたけど",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「首を切るつもりで、カミソリ準備してます」「ふろで かみそり もって ずっと みてる。やりそお」「おふろの おゆ ためて かみそり おいた」
    pattern:
      "(?:カミソリ|かみそり|剃刀|カッター|かったー|ナイフ|ないふ|刃)(?:を|も|は)?(?:、)?(?:準備|じゅんび|用意|よい)(?:して|した|できた|しとる|しました|してます)|(?:カミソリ|かみそり|剃刀|カッター|かったー|ナイフ)(?:を)?(?:、)?(?:持って|もって|握っ|にぎっ|置い|おい(?=た|て))[^。]{0,8}?(?:見て|みて|やりそ|ずっと|風呂|ふろ)|(?:風呂|ふろ|湯船)[^。]{0,12}(?:カミソリ|かみそり|剃刀|カッター)(?:を|も)?(?:、)?(?:置い|おい|持っ|もっ|用意)",
    severity: "urgent",
    contexts: [
      {
        message:
          "髭|ひげ|ヒゲ|ムダ毛|むだ毛|剃(?:る|った|り)|そ(?:る|った)|すね毛|わき|眉|まゆ|料理|りょうり|キャンプ|仕事|作業|梱包",
        then: null,
      },
      ...mention,
    ],
  },
  {
    // 「ひさびさに やった。きもち おちついた。ばんそうこう はった」「こんどは ふかく やろうかな」「前より深くなってます」
    pattern:
      "(?:ひさびさ|久々|ひさしぶり|久しぶり)に(?:、)?(?:やった|やる(?=$|[。、]|つもり|わ|か)|やっちゃ|やってもう|やってしま|やってまっ|した(?=$|[。、]))|(?:深|ふか)く(?:、)?(?:やろ|やる|切|き(?:る|ろ|っ))|(?:前|まえ)より(?:、)?(?:深|ふか)く(?:なっ|切|き(?:っ|る))",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "ゲーム|げーむ|カラオケ|運動|ジョギング|料理|掃除|釣り|ボウリング|テニス|麻雀|楽し|たのし|友達|ともだち|勉強|ピアノ|絵|え(?:を)?描|散歩|筋トレ|ヨガ|ダンス|呼吸|深呼吸|しんこきゅう|眠|ねむ|考え|かんがえ|反省|掘|ほ(?:る|った)|穴",
        then: null,
      },
      {
        message:
          "切|き(?:っ|る|り)|カッター|かったー|かみそり|カミソリ|絆創膏|ばんそうこう|血|ち(?=が|も|だらけ)|腕|うで|手首|てくび|傷|きず|落ち着|おちつ|リスカ",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「血が出るまで」「痛くないと落ち着かへん」「いたいのが いい」
    pattern:
      "(?:血|ち)(?:が)?(?:、)?(?:出る|でる|にじむ|滲む)(?:まで|くらい|ぐらい|ほど)|(?:痛|いた)く(?:ない|ないと|なきゃ|ねえと)(?:と)?(?:、)?(?:落ち着|おちつ|眠|ねむ|寝|安心|あんしん)(?:か|け)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "鼻|はな|歯|はぐき|歯茎|転|ころ|こけ|怪我|けが|ケガ|事故|手術|虫|蚊|ひげ|髭|猫|ねこ|犬|いぬ|練習|稽古|けいこ|筋トレ|マッサージ|ツボ|つぼ|整体|ストレッチ|注射|採血|ピアス|かゆ|痒|アトピー|湿疹|しっしん|虫刺され",
        then: null,
      },
      { before: subjectIs(someoneElse), then: null },
      ...mention,
    ],
  },
  ...splitByLead({
    // 「前は リスカしてたけど、最近 また したくなってきてん」「高校のときのメンヘラ期再来…昨日ひさびさに腕切った」「ホラー映画で手首切るシーン…見てたら自分もやってもうた」
    pattern: `(?:リスカ|りすか|リストカット|アムカ|レグカ|自傷|じしょう|OD|(?:手首|腕|うで|太もも)(?:を|も|ば)?(?:切|き)(?:っ|る|り))[^。]{0,24}?(?:最近|さいきん|昨日|きのう|今日|きょう|また|再来|さいらい|ひさびさ|久々|ひさしぶり|久しぶり)(?:、)?[^。]{0,8}?(?:した|やっ|切|き(?:っ|る)|し(?:たく|そう))|(?:最近|さいきん|昨日|きのう|今日|きょう|また|ひさびさに|久々に|ひさしぶりに|久しぶりに)(?:、)?(?:また)?(?:、)?(?:リスカ|りすか|アムカ|レグカ|自傷|じしょう|(?:手首|腕|うで|太もも)(?:を|も|ば)?(?:切|き)(?:っ|り))|${firstPerson}も(?:、)?(?:やって|やっ|し)(?:もうた|しまった|しもた|ちゃった|た(?=$|[。、]))`,
    severity: "urgent",
    negatable: false,
    contexts: [
      {
        message:
          "(?:もう|今は|いまは)[^。]{0,8}(?:してない|しとらん|してへん|やってない|大丈夫|だいじょうぶ|平気|へいき)(?=[^。]{0,4}(?:$|。))",
        then: null,
      },
      {
        message: `リスカ|りすか|自傷|じしょう|アムカ|手首|てくび|(?:腕|うで|太もも)(?:を|も|ば)?(?:切|き)|(?<![a-z])od(?![a-z])|オーバードーズ|飛び降り|とびおり|首(?:を)?(?:吊|つ)|死に|しに(?:たい|たく)`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  }),
  {
    // romaji self-harm: 「kizutsuketenai tte itta kedo uso. kinou mo kitta」「1nen yameteta noni, kyou kitte shimatta」「mata yatta. kizu kakusu」
    pattern:
      "(?<![a-z])(?:kitte ?shimatta|kicchatta|kittyatta|kinou ?mo ?kitta|kyou ?mo ?kitta|mata ?kitta|ude ?(?:wo ?)?kitta|tekubi ?(?:wo ?)?kitta|jishou|risuka|rısuka)(?![a-z])",
    severity: "urgent",
    contexts: [romajiNot, ...mention],
  },
  {
    // 「ﾊｻﾐ ﾃﾞ ｷｯﾀ」「はさみで腕切った」: not paper, hair or a finger in passing
    pattern: `(?:ハサミ|はさみ|鋏)(?:で)(?:、)?[^。]{0,6}?(?:${cutPlace}|手|て)?(?:を)?(?:、)?(?:切|き)(?:っ(?:た|て|ちゃ)|る(?=$|[。、]))`,
    severity: "urgent",
    contexts: [
      doneToThem,
      { sentence: `${cutObjects}|うっかり|間違えて|まちがえて|工作|こうさく`, then: null },
      { message: "^.{0,14}$", then: { severity: "urgent" } },
      {
        message:
          "腕|うで|手首|てくび|太もも|ふともも|わざと|血|ち(?=が|も|だらけ)|また|リスカ|自分で|じぶんで",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「みなさん おせわに なりました。ほんとうに ごめんなさい」: thanks and sorry with no job or move behind them
    pattern:
      "(?:お世話|おせわ|世話|せわ)(?:に|ん)(?:なりました|なりもした|ないもした|なった(?:な|ね|わ)?)(?=[^]{0,30}?(?:ごめん|すみません|申し訳|さよなら|さようなら|許して|ゆるして))",
    severity: "urgent",
    contexts: [quotedGoodbye, jobGoodbye, thanksToAThing, ...wish],
  },
  {
    // 「電車に飛び混みたい」「死んだ方が増し」「吸いこまれそう」: slips of the keyboard and mixed spellings
    pattern:
      "(?:電車|でんしゃ|線路|せんろ|ホーム|車|くるま|トラック|踏切|ふみきり|海|うみ|川|かわ)に(?:飛び混|とび混|飛びこ|とびこ)(?:み|む|ん)|(?:死|し)んだ(?:方|ほう)が(?:増し|益し|まし(?=$|[。、]|や|だ|です))|(?:死|し)んだ(?:方|ほう)が(?=$|[。、]|…)|吸いこまれ(?:そう|る|たい|たら)",
    severity: "urgent",
    contexts: wish,
  },
  // ——— third pass: more families of the same kinds ———
  {
    // 「もうむり しぬ」「もう げんかい しぬ」「もう いい しぬ」「しなせて」「死んで謝るしかない」
    pattern: `(?:死|し)ぬ(?<=(?:もう|もぅ)(?:、)?(?:むり|無理|ムリ|限界|げんかい|いい|ええ|つかれた|疲れた|いや|嫌|やだ|だめ|ダメ|あかん)(?:、)?(?:死|し)ぬ)(?=$|[。、]|わ|よ)|(?:死|し)なせて(?=$|[。、]|ほしい|ください|くれ|よ)|(?:死|し)んで(?:、)?(?:謝|あやま)(?:る|り|ろう)`,
    severity: "urgent",
    contexts: [deniedDialect, ...wish],
  },
  {
    // 「なんでまだ生きてるんだろう」「生きていなくてもいいかな」「人生、終わってもよかばい」「子どもいなかったらとっくに消えてる」
    pattern:
      "(?:なんで|何で|なぜ|何故|なして)(?:、)?(?:まだ|今日も|きょうも)(?:、)?(?:生|い)(?:き|ぎ)(?:て|で)(?:い)?(?:る|ん)|(?:生|い)きて(?:い)?なくて(?:も)?(?:、)?(?:いい|ええ|よか)|(?:人生|じんせい|命|いのち)(?:、|は|も)?[^。]{0,4}?(?:終わ|おわ)っても(?:、)?(?:いい|ええ|よか)|(?:人生|じんせい)(?:、)?(?:早く|はやく)?(?:、)?(?:終わ|おわ)(?:ん|ら)(?:ない|ねー|ねえ|ね)かな|とっくに(?:、)?(?:消え|きえ|死ん|しん|いなくな)(?:て(?:る|た)|で(?:る|た))|(?:静か|しずか|一緒|いっしょ|二人で|ふたりで)に?(?:、)?(?:終わり|おわり)に(?:でき|し(?:たい|よう))",
    severity: "urgent",
    contexts: [deniedDialect, resolvedDialect, ...wish],
  },
  {
    // 「ずーっと眠っときたか」「眠ったらもう起きたくない」「ネムッタラ モウ オキタクナイ」「寝たまま起きたくない」
    pattern:
      "(?:ずっと|ずーっと|このまま)(?:、)?(?:眠|ねむ|寝|ね)(?:っときたか|っときたい|ときたか|ときたい)|(?:眠|ねむ|寝|ね)(?:ったら|たら|たまま|ったまま)(?:、)?(?:もう|二度と|にどと)?(?:、)?(?:起|お)き(?:たく(?:ない|ねえ|な(?=$|[。、]))|ない(?:で|ほうが|方が)|ん(?:で|ほうが|方が))",
    severity: "urgent",
    contexts: [dayOff, ...wish],
  },
  {
    // 「朝来ねばいいのに」「あしたのあさ おきなかったら いいのに」「春まで みつからねば いいな」
    pattern:
      "(?:朝|あさ|明日|あした)(?:が|なんか)?(?:、)?(?:来|こ)(?:ねば|ねがったら)(?:、)?(?:いい|ええ|よか)|(?:起|お)き(?:なかったら|なければ|ねがったら)(?<=(?:朝|あさ|明日|あした)[^。]{0,6}(?:起|お)き(?:なかったら|なければ|ねがったら))(?:、)?(?:いい|ええ|よか)|(?:見つから|みつから)(?:なければ|ねば|んかったら|なかったら)(?:、)?(?:いい|ええ|よか)",
    severity: "urgent",
    contexts: [
      dayOff,
      {
        sentence: "鍵|かぎ|財布|さいふ|スマホ|なくし|無くし|宿題|課題|ミス|バレ|ばれ|かくれんぼ",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「トラックに突っ込まれたら楽なのに」「このまま対向車にぶつかればいいのに」「車にひかれたら明日行かなくてすむ」「事故にでもあえば自然にいなくなれる」「このまま荷物みたいに捨てられたらいいのに」
    pattern: `(?:ぶつかれ|突っ込め|つっこめ|ぶつか(?:ったら|れば)|突っ込(?:んだら|まれたら)|つっこ(?:んだら|まれたら)|ひかれたら|轢かれたら|はねられたら|下じきに|下敷きに|したじきに)(?:なったら|なれば)?(?:ば)?(?:、)?[^。]{0,14}?(?:楽|らく|いい|ええ|よか|休め|やすめ|すむ|済む|行かなくて|いかなくて|終わ|おわ|死|しね)|(?:事故|じこ)(?:に|で)?(?:でも)?(?:、)?(?:あえ|遭え|あったら|遭ったら|あわん|あわない)(?:ば)?(?:、)?[^。]{0,8}?(?:いなくなれ|消えれ|きえれ|死ね|しね|楽|らく|かな)|(?:捨て|すて)られ(?:たら|れば)(?:、)?(?:いい|ええ|楽|らく)(?<=(?:${firstPerson}|自分も|じぶんも)[^。]{0,30}(?:捨て|すて)られ(?:たら|れば)(?:、)?(?:いい|ええ|楽|らく))|(?:死|し)んだら(?:、)?(?:楽|らく)(?:や|じゃ|ちゃ|だろ|でしょ|なのに|かも|なんかな)`,
    severity: "urgent",
    contexts: [
      { before: `${thirdPerson}(?:が|は|も)?$`, then: null },
      {
        sentence:
          "ゲーム|げーむ|ドラマ|映画|アニメ|漫画|ボウリング|ピン|車検|保険(?:が)?(?:下り|おり)",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「わたし いなくても この子 ちゃんと そだつよな」「パパがいなくても子どもらは大丈夫」「mou watashi inakute mo ii yo ne」「おれなの いねくても いいべした」
    pattern: `(?:いなく|居なく|いねく|いねぐ|おらんく?)(?:て)?(?:も)(?<=${me}(?:が|なんか|なの|なんて)?(?:、)?(?:もう)?(?:、)?(?:いなく|居なく|いねく|いねぐ|おらんく?)(?:て)?(?:も))(?:、)?[^。]{0,12}?(?:大丈夫|だいじょうぶ|育つ|そだつ|平気|へいき|いい(?=$|[。、]|よ|べ|かな|んじゃ)|ええ(?=$|[。、]|よ|やろ)|よか(?=$|[。、]|よ|ろ))|(?:パパ|ママ|父親|母親|親)(?:が|なんか)?(?:、)?(?:いなく|居なく)(?:て)?も(?:、)?[^。]{0,10}(?:大丈夫|だいじょうぶ|育つ|そだつ)|(?<![a-z])(?:watashi|boku|ore|jibun) ?(?:ga ?)?inakute ?mo ?(?:ii|daijoubu)(?![a-z])`,
    severity: "urgent",
    contexts: [
      {
        message:
          "休|やすみ|有給|出張|旅行|入院|研修|シフト|仕事(?:は|も)?(?:回|まわ)|引き継|ひきつ|留守|るす|一人で(?:できる|できた)|ひとりで(?:できる|できた)|自立|じりつ|成長|せいちょう(?:した|してる)",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「東尋坊 いったら 楽になれるんかな」「川さ いって しずむべかな」「かわに いって しずもうかな」
    pattern:
      "東尋坊|とうじんぼう|青木ヶ原|青木が原|あおきがはら|華厳の滝|けごんのたき|三段壁|さんだんべき|(?:沈|しず)(?:むべ|もう(?:か|と)|みたい|みたく|んで(?:しまい|まい)たい|んじゃいたい|んでいけたら)",
    severity: "urgent",
    contexts: [
      {
        message:
          "観光|かんこう|旅行|りょこう|ツアー|つあー|修学|遠足|写真|しゃしん|きれい|綺麗|景色|けしき|お土産|おみやげ|家族で|友達と|ともだちと|夕日|ゆうひ|太陽|風呂|ふろ|湯船|お湯|おゆ|ソファ|ベッド|布団|ふとん|気分が|きぶんが|船|ふね|株",
        then: null,
      },
      {
        message: `海|うみ|川|かわ|湖|池|ダム|水|みず|東尋坊|とうじんぼう|青木|あおき|華厳|けごん|三段壁|${heavy}`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「ポーアイの海の方 夜行ったら誰もおらんし ちょうどええかな」「あと一歩だなって思います」「ネットでいちばん楽な方法ずっと調べてる」
    pattern:
      "ちょうど(?:いい|ええ|よか)(?=かな|や|わ|$|[。、]|って|と思)|あと(?:、)?(?:一歩|いっぽ)(?:だ|や|で|って|な)|(?:いちばん|一番)?(?:楽|らく)な(?:方法|ほうほう|やり方|やりかた|死に方|しにかた)",
    severity: "urgent",
    contexts: [
      {
        sentence:
          "値|あたい|数値|すうち|採血|さいけつ|検査|けんさ|血圧|体重|温度|おんど|天気|てんき|季節|きせつ|気温|水温|泳|およ|サイズ|量|りょう|時間|じかん|距離|きょり|値段|ねだん|料理|りょうり|掃除|そうじ|仕事|しごと|勉強|べんきょう|ダイエット|節約|せつやく|覚え|おぼえ|合格|ゴール|優勝|完成|達成|昇進",
        then: null,
      },
      {
        message:
          "海|うみ|川|かわ|橋|はし|崖|がけ|屋上|おくじょう|線路|せんろ|踏切|ふみきり|ホーム|特急|快速|電車|でんしゃ|ダム|誰も(?:おら|いな|来)|だれも(?:おら|いな|こ)|睡眠薬|眠剤|お酒と|死|しぬ|しね|逝|消え(?:たい|る)|きえ(?:たい|る)|終わりに|おわりに|練炭|首(?:を)?(?:吊|つ)",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「いつもの海…靴をぬいでそろえて置いた」「くつ そろえた」
    pattern: "(?:靴|くつ)(?:を|も)?(?:、)?(?:脱いで|ぬいで)?(?:、)?(?:そろえ|揃え)(?:て|た)",
    severity: "urgent",
    contexts: [
      {
        message:
          "玄関|げんかん|お客|おきゃく|マナー|きれいに|部屋に上が|へやにあが|おじゃま|お邪魔|幼稚園|保育園|子ども(?:の)?(?:靴|くつ)|こども(?:の)?くつ|下駄箱|げたばこ|靴箱|くつばこ|旅館|お寺|和室|座敷|ほめられ|褒められ|しつけ",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「高いとこ行ってくる。子どもは寝てる」「はしの うえ まで きた。こどもは じっかに あずけてきた」「夫の車の鍵持って出てきた。海まで行く。子どもは学校」
    pattern:
      "(?:子ども|こども|子供|子|むすこ|息子|むすめ|娘)(?:は|を|ら|たち)(?:、)?[^。]{0,8}?(?:預け|あずけ|寝て(?:る|ます|い)|ねて(?:る|ます)|学校|がっこう|実家|じっか|保育園|ほいくえん)",
    severity: "high",
    contexts: [
      {
        message:
          "(?:高い|たかい)(?:とこ|ところ)|屋上|おくじょう|橋|はしの(?:うえ|上)|崖|がけ|海|うみ|川|かわ|線路|せんろ|踏切|ふみきり|ダム|山(?:へ|に|さ)?(?:行|い)く|樹海|ロープ|練炭|薬(?:を)?(?:全部|ぜんぶ)",
        then: { category: "crisis", severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「はしの うえ まで きた」「はしの上」(かなの「橋」)
    pattern:
      "はしの(?:うえ|上|まんなか|真ん中)(?:に|で|さ|まで)(?:、)?(?:いる|おる|い(?:ます|まう)|来|き(?:た|て|とる)|立|たっ|座|すわ)|(?:高い|たかい)(?:とこ|ところ)(?:に|へ|まで)?(?:、)?(?:行|い)って(?:くる|きます)",
    severity: "urgent",
    contexts: [
      placeBenign,
      {
        message: "箸|おはし|端|はしっこ|景色|けしき|夜景|やけい|展望|写真|しゃしん|観光|遊|あそ",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // 「やけどさせた 自分で」「手首に輪ゴムバチバチ…血でた」「お風呂で 頭 しずめて くるしくなるまで」「また 腕 やいた。ライターで」
    pattern:
      "(?:やけど|火傷|傷|きず|あざ|痣)(?:を)?(?:させ|つけ|作っ|つくっ)(?:た|て)(?:、)?(?:自分|じぶん)で(?=$|[。、])|(?:輪ゴム|わごむ|ゴム)(?:で|を)?(?:、)?[^。]{0,8}?(?:バチバチ|ばちばち|パチン|ぱちん|パチパチ|ぱちぱち|はじ)|(?:頭|あたま|顔|かお)(?:を)?(?:、)?(?:沈め|しずめ|つけ|浸け)[^。]{0,10}(?:苦し|くるし)|(?:腕|うで|手首|てくび|手の甲|てのこう|太もも|ふともも)(?:を|に|さ)?(?:、)?(?:焼い|やい|あぶっ|炙っ)(?:た|て|ちゃ)|(?:やけど|火傷)(?:の)?(?:跡|あと)(?:が|も)?(?:、)?(?:増え|ふえ)",
    severity: "urgent",
    contexts: [
      doneToThem,
      {
        sentence:
          "料理|りょうり|魚|さかな|肉|にく|焼き|パン|ケーキ|髪|かみ|水泳|すいえい|プール|潜水|洗顔|せんがん|顔を洗",
        then: { category: "health", severity: "low" },
      },
      {
        message:
          "血|ち(?=が|も|でた|出た)|毎日|まいにち|最近|さいきん|止まら|とまら|とまん|また|自分で|じぶんで|わざと|我慢|がまん|ライター|らいた|苦し|くるし|跡|あと",
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「みんなに ありがとうって いいたくて。むすめの こと よろしく おねがいします」「むすこの こと おねがいしまう。もう つかれた」
    pattern:
      "(?:娘|むすめ|息子|むすこ|子ども|こども|子供|子どもたち|こどもたち)(?:の(?:こと|事))?(?:を|は)?(?:、)?(?:よろしく|頼|たの(?:む|み|ん)|お願い|おねがい)",
    severity: "urgent",
    contexts: [
      {
        message:
          "送り迎え|おくりむかえ|お迎え|おむかえ|預か|あずか|今日|きょう|明日|あした|保育園|ほいくえん|学校|がっこう|先生|せんせい|旅行|出張|入院|病院|仕事(?:の間|中|の日)|少し|ちょっと|面接|授業参観|運動会|会議|日曜|土曜|週末",
        then: null,
      },
      {
        message: `ありがと|ごめん|最後|さいご|もう(?:、)?(?:つかれ|疲れ|無理|むり|限界)|今まで|いままで|${heavy}`,
        then: { severity: "urgent" },
      },
      { then: null },
    ],
  },
  {
    // 「さよなら」「さようなら」だけ
    pattern: "^(?:さよなら|さようなら|サヨナラ)(?:。)?$",
    severity: "urgent",
    contexts: [],
  },
  {
    // 「ﾈﾝﾀﾝ ｶｯﾀ ｸﾙﾏﾉ ﾅｶ」「ロープ 車に つんだ。あしたの あさ 山 いく」「100均でカッターの替え刃いっぱい買った。使い道は言わない」
    pattern: `ねんたん|(?:ロープ|ろーぷ|縄|なわ(?=を|も|、))(?:を|も)?(?:、)?(?:車|くるま)(?:に)?(?:、)?(?:積|つ(?:ん|み))|(?:カッター|カミソリ|かみそり)(?:の)?(?:替え刃|かえば)(?:を|、)?[^。]{0,6}?(?:いっぱい|たくさん|何個|なんこ|[0-9]+(?:個|枚|本))`,
    severity: "urgent",
    contexts: [
      {
        message:
          "キャンプ|きゃんぷ|登山|とざん|荷造り|引っ越|ひっこ|仕事|しごと|作業|さぎょう|梱包|工作|こうさく|diy|釣り|つり(?!革)|アウトドア",
        then: null,
      },
      ...wish,
    ],
  },
  {
    // romaji: 「minna arigatou. mou aenai kedo genki de ne」「asa ni naranakereba ii noni」
    pattern:
      "(?<![a-z])(?:mou ?aenai|minna ?arigatou|asa ?ni ?naranakereba|asa ?ga ?konakereba|zutto ?yoru ?no ?mama|okujou ?no ?kagi)(?![a-z])",
    severity: "urgent",
    contexts: [
      romajiNot,
      {
        message: "(?<![a-z])(?:mata ?ne|mata ?ashita|raishuu|tanoshi|hanabi|minna ?de)(?![a-z])",
        then: null,
      },
      ...wish,
    ],
  },
];

/**
 * The second pass's rules merge among themselves but not into the first pass's: a merged
 * pattern that may start with many different characters is slow to scan for.
 */
const apartFromFirstPass: Context = { after: "(?!)", then: null };
function apart(rule: PhraseRule): PhraseRule {
  return { ...rule, contexts: [apartFromFirstPass, ...(rule.contexts ?? [])] };
}

export const crisisTable: PhraseTable = {
  category: "crisis",
  rules: mergeAlike([
    // wishes to die, in kanji, kana, slang and romaji
    {
      pattern: `死に(?:たい|${wantingOn}|てえ|て(?=$|[。、」!w笑]|な|よ|わ|べ)|たみ|たさ|たすぎ|たか(?=$|[。、」]|ね|な|よ|ばい|けん)|とう(?!な))`,
      severity: "urgent",
      contexts: [embarrassed, embarrassedAfter, ...wish],
    },
    {
      pattern: `${deathSpelling}に(?:たぃ|たひ(?=$|[。、])|たい${wishGoesOn}|${wantingOn}(?=な|て)|たみ|たすぎ|たか(?=$|[。、]|ね|よ|ばい|けん))|(?<![わあ]た)(?:し|タヒ|氏)に(?:てえ|て(?=$|[。、」w笑]|な(?!い)|よ|わ|べ)|とう(?!な))|(?:死|し)ぬたい|しにらい|(?<![わあ]た)しにあい(?=$|[。、]|ほんと|まじ)`,
      severity: "urgent",
      contexts: wish,
    },
    {
      pattern:
        "(?<![a-z])(?:shi|si) ?ni ?(?:tai|taku|tee)|(?<![a-z])(?:wanna|want ?to|want) ?die(?![a-z])|kill ?my ?self|end ?my ?life|suicid|(?<![a-z])kms(?![a-z])|(?<![a-z])(?:kietai|kiechaitai)|(?<![a-z])(?:mou ?)?ikiteru ?imi ?(?:ga ?)?nai",
      severity: "urgent",
      contexts: wish,
    },
    {
      pattern: "死のう|しのう(?=と|か|って|よ|$|。)|死の(?:っ)?かな",
      severity: "urgent",
      contexts: wish,
    },
    {
      pattern:
        "(?:死|し)んで(?:おわび|わび)|死んで(?:しまい|しまお|しまえ|やる|やろ|楽に|お詫び|詫び|償)|死んじゃ(?:いたい|おう|おっ)|しんでしまいたい|しんじゃいたい",
      severity: "urgent",
      contexts: wish,
    },
    {
      pattern:
        "(?:死|し)んだ(?:方|ほう)が(?:まし|いい|楽|よかった)|死ねたら|死ねる(?:方法|場所|薬|なら)|楽に死|死に場所|(?:死|し)ぬ(?:こと|事)(?:ばかり|ばっかり|ばっか|しか)?(?:を)?(?:考え|かんがえ)",
      severity: "urgent",
      contexts: wish,
    },
    {
      pattern:
        "(?:死|し)ねば(?:、)?(?:いい|楽|らく|よかった|よく|ええ|全部|ぜんぶ|すべて|解決|みんな)|(?:死|し)んで(?:い)?たら(?:、)?(?:いい|ええ|楽|らく|よか)|(?:死|し)んでれば(?:いい|ええ)",
      severity: "urgent",
      contexts: [
        {
          before: `${thirdPerson}(?:なんか|なんて|が|は|も|って)?$`,
          then: { category: "other", severity: "low" },
        },
        ...saidToThem,
        ...wish,
      ],
    },
    {
      pattern:
        "(?:死|し|市|タヒ)ぬ(?:しかない|しかねえ|しか)|(?:死|し)ぬ(?:以外|つもり|覚悟(?!で)|決心|準備|方法|場所|手段|計画|ばしょ|ほうほう|じゅんび|けいかく|かくご(?!で))|(?:死|し)ぬ(?:勇気|ゆうき)(?:が|も)?(?:ない|無い|出ない|でない|ほしい|欲しい)?|(?:死|し)ぬ(?:ため|為)の|死ぬ気(?!で)|(?:死|し)ぬ(?:こと|って|と)(?:に)?(?:した|決め)|(?<![楽たの苦くる悲かな親])(?:死|し)んだ(?:る(?=$|[。、]|わ|よ|から|ねん|で|けど)|ろか)|(?:死|し)な(?:なきゃ|なければ|ないと|んと|なあかん|なくちゃ)(?:、)?(?:いけ|あかん|だめ|ダメ|いかん|ならな)",
      severity: "urgent",
      contexts: wish,
    },
    {
      pattern:
        "死なせて|死にます|(?<!た)しにます(?!ます)|(?:死|し)にに(?:行|い)|(?<!ろくな)死に方|(?:もう)?(?:死|し)んでもいい(?=や|かな|と|よ|。|$)",
      severity: "urgent",
      contexts: [hyperbole, ...wish],
    },
    {
      pattern: `(?:今から|いまから|これから|今夜|こんや|今日|きょう|明日|あした|もう)(?:こそ)?(?:、)?(?:死(?:ぬ|のう)|しぬ|しのう)(?!ほど|かと|くらい|ぐらい|かも|って|気|んじゃ|じゃ)`,
      severity: "urgent",
      contexts: [hyperbole, laughing, ...wish],
    },
    { pattern: "死にたかった", severity: "urgent", contexts: mention },
    {
      pattern: "(?:タヒ|氏)(?:りたい|ろう|る(?=わ|。|$))",
      severity: "urgent",
      contexts: wish,
    },
    {
      pattern: `${firstPerson}(?:が|は)?(?:死んでも|しんでも|いなくなっても|消えても)(?:誰も|だれも|何も|なにも)`,
      severity: "urgent",
      contexts: wish,
    },
    { pattern: "(?:飲んで|のんで|飛んで|とんで)死", severity: "urgent", contexts: wish },

    // wanting to vanish
    {
      pattern: `(?:消|き)え(?:たい|たぃ|たみ|${wantingOn}|てしまいたい|てまいたい|ちゃいたい|てなくなりたい|てしまえたら|去りたい|られたら|たら(?:、)?(?:楽|らく))`,
      severity: "urgent",
      contexts: [
        embarrassed,
        embarrassedAfter,
        awayFromWork,
        deniedLater,
        resolvedNow,
        ...reportedByOthers,
        {
          message:
            "止まら|とまら|止まりません|とまりません|毎日|まいにち|ずっと|いつも|(?:ほんとに|本当に|ほんまに|マジで|まじで)(?:、)?(?:消|き)え|笑えない|わらえない",
          then: { category: "crisis", severity: "urgent" },
        },
        embarrassingMoment,
        ...wish,
      ],
    },
    {
      pattern: `(?:い|居)な(?:く|ぐ)なり(?:たい|てえ|て(?=$|[。、]|な|よ)|${wantingOn})|いなくなってしまいたい|いなくなれたら|おらん(?:く|よう)?(?:に)?なり(?:たい|てえ|${wantingOn})|いね(?:ぐ|く)なり(?:たい|てえ)|(?:自分|私|わたし|僕|俺)(?:を|の存在を)消したい`,
      severity: "urgent",
      contexts: [awayFromWork, ...wish],
    },
    {
      pattern:
        "(?:いない|居ない|いなくなった|いなくなる|消えた|消える|きえた|死んだ|しんだ|おらん|おらへん|いね|いねえ|おらんくなった|おらんようになった|いなかった)(?:方|ほう)が(?:、)?(?:いい|ええ|まし|マシ|楽(?!し)|らく(?!し)|みんな|皆|世の中|世界|家族|会社|職場|しあわせ|幸せ|よか|[^。]{1,8}?(?:楽(?!し)|らく(?!し)|しあわせ|幸せ|ため))",
      severity: "urgent",
      contexts: [
        { before: subjectIs(thirdPerson, "が|は|も|なんか|なんて|って"), then: null },
        { before: "(?:誰|だれ|人|ひと|虫|むし|蚊)(?:も|が)?$", then: null },
        ...saidToThem,
        ...wish,
      ],
    },
    {
      pattern: "この世から(?:消|き|いなく|おさらば)|この世に(?:もう)?いない",
      severity: "urgent",
      contexts: wish,
    },
    {
      pattern:
        "もう(?:この世に)?いない(?:と思|かも|から)|(?:生|い)きてて(?:、)?(?:ごめん|すみません|すいません|申し訳|もうしわけ)",
      severity: "urgent",
      contexts: [
        { before: "(?:会社|職場|家|部屋|ここ|席|事務所|寮)(?:に|には)?[^、]{0,2}$", then: null },
        ...wish,
      ],
    },

    // tired of living
    {
      pattern:
        "(?:生|産|う)まれて(?:こ|来|く)(?:なければ|なきゃ|なけりゃ|なかったら|なかった(?:方|ほう)|ない(?:方|ほう)|んかったら|ん(?:方|ほう)|へんかったら)|(?:生|産|う)まれ(?:なければ|なかったら|んかったら|へんかったら|なかった(?:方|ほう)が|ん(?:方|ほう)が)(?:、)?(?:よか|いい|ええ|良か)|(?:生|産|う)まれて(?:き)?(?:たく|とう)(?:は|も)?(?:な|ね)|(?:生|産|う)まれたく(?:は|も)?(?:な|ね)|(?:生|産|う)まれて(?:き)?(?:て|ちゃって|しまって)?(?:、)?(?:ごめん|すみません|すいません|申し訳)|(?:生|産|う)まれて(?:き)?た(?:こと|の)(?:が|自体|じたい)(?:、)?(?:間違|まちが|バグ|ばぐ|失敗|しっぱい|罪|つみ|迷惑|めいわく)|(?:生|産|う)まれる前に(?:、)?(?:戻|もど|帰|かえ)り(?:たい|たく)|(?:なんで|何で|なぜ|何故)(?:、)?(?:自分|じぶん|私|わたし|僕|ぼく|俺|おれ|うち)?(?:は|なんか|って)?(?:、)?(?:生|産|う)まれて(?:き)?(?:た|ちゃった|しまった)(?:ん|の)",
      severity: "urgent",
      contexts: [...saidToThem, ...wish],
    },
    {
      pattern: `生き(?:てい|て)?(?:たく|とう)(?:も|は)?(?:ない|ねえ|ねー|なか|なぃ|ね(?=$|[。、]))|いき(?:てい|て)たく(?:も|は)?(?:ない|ねえ|なか|なぃ|ね(?=$|[。、]))|(?:生|い)きる(?:の|こと)(?:を|も)?(?:、)?(?:もう|全部|ぜんぶ)?(?:、)?(?:やめ|辞め|止め)|(?:生|い)き(?:る|てる|ている|てく|ていく|とる|てん|とん)(?:こと|の)?(?:の)?(?:意味|いみ|価値|かち|理由|りゆう|目的)(?:が|も|は|を|なんて|なんか|って)?(?:、)?(?:もう|別に|べつに|全然|ぜんぜん|何も|なにも|特に|とくに|ひとつも|一つも|いっこも|まったく|全く|本当に|ほんとに)?(?:、)?(?:ない|無い|なぃ|なか|なし|ねえ|ねー|ね(?=$|[。、])|(?:わから|分から|わかん|分かん|見つから|みつから|見出せ|見いだせ|感じ|かんじ|感じられ|かんじられ)(?:ない|なぃ|ん|へん|ねえ|な(?=$|[。、]))|わかりません|分かりません|見つかりません|ある(?:の|ん)?(?:か|。|$)|あんの|あるん)|(?:生きがい|生き甲斐|いきがい)(?:が|も)?(?:、)?(?:もう|何も|なにも)?(?:ない|無い|なくな|見つから)|(?:生|い)き(?:てる|ていても|てても|てて|とっても|とって|とる|てん)(?:も)?(?:、)?(?:意味ない|意味がない|いみない|しょうがない|しょうがなか|しょうがね|しょーがな|仕方ない|仕方がない|しかたない|しかたがない|しゃあない|しゃーない|しゃあな|しゃーな|しょうもな)|(?:生|い)き(?:てて|ていて|てても|ていても|とって|とっても)(?:も)?(?:、)?(?:何も|なにも|なんも|ひとつも|一つも)?(?:いい|良い|ええ|楽しい|たのしい)(?:こと|事)(?:が|も|なんて|なんか)?(?:、)?(?:ない|無い|ねえ|なか)|(?:なんで|何で|なぜ|何故|なんのために|何のために|なにのために|なんの為に|何の為に)(?:、)?(?:自分|じぶん|私|わたし|僕|ぼく|俺|おれ|うち)?(?:は|って|が)?(?:、)?(?:生|い)き(?:て(?:る|いる|ん|いか|か(?!ら)|な)|とる|とん|なきゃ|なければ|なくちゃ|なあかん|る(?:の|ん))|いつまで(?:、)?(?:生|い)き(?:て(?:い)?なきゃ|て(?:い)?なければ|なきゃ|なければ|なくちゃ|ないと|てかな|ていかな|なあかん|続け|つづけ)|(?:生|い)き(?:てて|ていて|てても|ていても)(?:も)?(?:、)?(?:いい|ええ)(?:の|ん(?:か|やろ|だろ|でしょ))(?!だよ|です(?!か)|だって)|まだ(?:、)?(?:生|い)きて(?:る|いる|た)(?:」)?(?:と|って|の(?:か|が))?(?:、)?(?:がっかり|ガッカリ|絶望|残念|ざんねん|うんざり)|(?:生|い)きて(?:い)?(?:る|とる)(?:だけ|こと|の)(?:で|が|自体|じたい)?(?:、)?(?:迷惑|めいわく|罰|ばつ|罪|つみ|じゃま|邪魔|申し訳(?:ない|ありません|なく)?|もうしわけ(?:ない|ありません|なく)?)|もう生きられない|やめたい(?:、|。)?(?:生|い)きる(?:の|こと)も`,
      severity: "urgent",
      contexts: [...saidToThem, ...wish],
    },
    {
      pattern:
        "(?:生|い)き(?:る|てる|ている|ていく|てく|とる|とん|てん)(?:の|こと|ん)(?:自体|じたい)?(?:が|も|は|って|に)?(?:、)?(?:もう|ほんと|ほんとに|本当に|まじ|マジ|まじで|こんなに|そんなに|なんか)?(?:、)?(?:つら|辛|しんど|苦し|くるし|疲れ|つかれ|面倒|めんど|だる|ダル|いや(?!し)|嫌|飽き|あき(?:た|て)|きつ|キツ|無理|むり|限界|げんかい|苦痛|くつう|コスパ|こすぱ)",
      severity: "urgent",
      contexts: wish,
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
        ...wish,
      ],
    },
    {
      pattern:
        "(?:終わり|おわり)に(?:したい|しよう|します|する(?:つもり|しか|(?=$|[。、]|ね|よ|わ|から))|しちゃいたい|できたら(?:、)?(?:いい|ええ|楽|らく))|(?:人生|命|いのち)(?:を)?(?:終わら|おわら)せ|人生(?:を)?(?:やめ|辞め)(?:たい|よう|る)",
      severity: "urgent",
      contexts: [
        {
          before:
            "(?:仕事|作業|今日(?=は|も|$)|きょう(?=は|も|$)|残業|話|関係|付き合い|つきあい|会社|バイト|契約|これ|それ|練習|勉強|片付け|掃除|ゲーム|ダイエット|支援|面談|件|案件|企画|project|プロジェクト|喧嘩|けんか|(?:人|やつ|あいつ|彼|彼女|彼氏|友達)(?:と|とは))(?:を|は|も|で)?(?:もう)?(?:早く|はやく)?$",
          then: null,
        },
        ...wish,
      ],
    },

    // overdose
    {
      pattern: "(?<![a-z])od(?![a-z])|オーバードーズ|オーバードース|過量服薬|大量服薬|致死量",
      severity: "urgent",
      contexts: mention,
    },
    {
      pattern: `${tooMuch}(?<=${drug}(?:を|も|は)?(?:、)?(?:[^。、]{0,8}(?:も|を))?(?:全部|ぜんぶ)?${tooMuch})(?:、)?(?:全部|ぜんぶ)?(?:、)?${swallowed}`,
      severity: "urgent",
      contexts: [{ before: subjectIs(family), then: { category: "family", severity: "high" } }],
    },
    {
      pattern: `${all}(?<=${drug}(?:を|も|は)?(?:、)?(?:(?:今日|きょう|今夜|こんや|今から|いまから|これから|もう|今|いま)(?:、)?)?${all})(?:、)?${swallowed}`,
      severity: "urgent",
      contexts: [
        asPrescribed,
        doseNamedNext,
        habitually,
        { before: subjectIs(family), then: { category: "family", severity: "high" } },
      ],
    },
    {
      pattern: `(?:飲み|のみ)(?:すぎ|過ぎ)(?<=${drug}(?:を|も)?(?:、)?(?:飲み|のみ)(?:すぎ|過ぎ))`,
      severity: "urgent",
      contexts: [asPrescribed],
    },
    {
      // (each alternative starts at its verb and looks back for the medicine: one cheap pass)
      pattern: `(?:ため|貯め|溜め)(?<=${drug}(?:を|は|も|が)?(?:、)?(?:(?!お金|おかね|金|ポイント|円)[^。]){0,14}(?:ため|貯め|溜め))(?:(?:込|こ)(?:ん|む|み)|て|た(?!め)|とる|とん|とく|とい|る(?=$|[。、]|の|こと|つもり)|よう|ます|ました|とこ)|(?:集め|あつめ)(?<=${drug}[^。]{0,12}(?:集め|あつめ))(?:込|こ)?(?:んで|んでる|て|てる|ている|た)|(?:飲|の)ま(?:ず(?:に)?|ないで|んと|んで|へんで)(?:、)?[^。]{0,6}?(?:ため|貯め|溜め|取って|とって|隠し|かくし|集め|あつめ|ストック)|(?:ストック|すとっく|コレクション)(?<=${strongDrug}(?:の)?(?:ストック|すとっく|コレクション))|(?:貯金|ちょきん)(?<=(?:くすり|薬)(?:の)?(?:貯金|ちょきん))`,
      severity: "urgent",
      contexts: [
        {
          sentence: "頓服|とんぷく|痛み止め|いたみどめ|予備|よび|念のため|ねんのため|非常用|災害",
          then: { category: "medication", severity: "normal" },
        },
        pillsGivenUp,
        { before: subjectIs(family), then: { category: "family", severity: "high" } },
      ],
    },

    // self-harm
    {
      pattern: "リスカ|リストカット|アムカ|レグカ|自傷|根性焼き",
      severity: "urgent",
      contexts: [
        {
          after: "^(?:の)?(?:跡|あと|傷跡|きずあと)",
          message: "10代|十代|昔|むかし|前|学生|中学|高校|だいぶ|薄く|うすく",
          then: null,
        },
        {
          after: "^(?:の)?(?:跡|あと|傷跡|きずあと)",
          message:
            "昨日|きのう|今日|きょう|さっき|また|最近|さいきん|まだ|新しい|あたらしい|増え|ふえ",
          then: { severity: "urgent" },
        },
        {
          after: "^(?:の)?(?:跡|あと|傷跡|きずあと)",
          then: { category: "mood", severity: "high" },
        },
        ...mention,
      ],
    },
    {
      pattern: "(?:手首|腕|うで|太もも|太腿)(?:を|も)?(?:切|き)(?:っ|り|る|ろ)",
      severity: "urgent",
      contexts: mention,
    },
    {
      pattern:
        "(?:手首|腕|うで|首)に(?:カッター|刃|包丁|ナイフ|かみそり|カミソリ)|(?:腕|手首|うで|体|からだ|足)(?:に|を)(?:傷|きず)(?:を)?(?:つけ|付け)|(?:腕|手首|うで)を(?:傷つけ|きずつけ)",
      severity: "urgent",
      contexts: mention,
    },
    {
      pattern: `${firstPerson}(?:を|の(?:体|からだ)を)(?:傷つけ|きずつけ|殴|なぐ|痛めつけ)|(?:切る|血を見る)と落ち着`,
      severity: "urgent",
      contexts: mention,
    },

    // means
    {
      pattern:
        "(?:首|くび)(?:を)?(?:吊|つ)(?:る|り|ろ|った|って|れる|れそう)|首吊|くびつり|(?:首|くび)を(?:括|くく)|首くくり",
      severity: "urgent",
      contexts: [
        { before: "寝違え[^、]{0,4}$", then: { category: "health", severity: "low" } },
        { sentence: "寝違|寝ちが|ねちが", then: { category: "health", severity: "low" } },
        ...mention,
      ],
    },
    {
      pattern: "飛び(?:降|下|お)り|とびおり",
      severity: "urgent",
      contexts: [
        { sentence: "バンジー|ばんじ|ジャンプ台|プール|遊具|ゲーム|げーむ", then: null },
        { after: "^(?:たい|たく|よう|ちゃいたい|る(?:つもり|しか))", then: { severity: "urgent" } },
        {
          before:
            "(?:階段|段差|ベッド|ソファ|椅子|いす|遊具|ブランコ|すべり台|滑り台|自転車)(?:の上)?(?:から|を)?[^、]{0,3}$",
          then: null,
        },
        ...mention,
      ],
    },
    {
      pattern:
        "(?:電車|でんしゃ|線路|せんろ|ホーム|車|トラック|踏切|ふみきり)に(?:飛び込|とびこ|飛びこ)|(?:線路|踏切)に(?:入り|はいり)たい|轢かれ(?:たい|ないかな|ればいい|て死)|(?:車|くるま|トラック|電車)に(?:ひかれ)(?:たい|ないかな|ればいい|て死)",
      severity: "urgent",
      contexts: mention,
    },
    {
      pattern: "練炭|れんたん|硫化水素|樹海|じゅかい|希死念慮|きしねんりょ",
      severity: "urgent",
      contexts: [
        {
          message:
            "魚|さかな|肉|にく|焼肉|焼き鳥|やきとり|さんま|秋刀魚|餅|もち|バーベキュー|bbq|キャンプ|こたつ|火鉢|観光|ツアー|富士山|ドキュメンタリー|番組|テレビ|動画|youtube|ユーチューブ|ニュース",
          then: null,
        },
        ...mention,
      ],
    },
    {
      pattern: `(?:殺して(?:ほしい|欲しい|くれ|ください|下さい)|(?:誰か|だれか|いっそ)(?:、)?${firstPerson}?(?:を)?殺して)`,
      severity: "urgent",
      contexts: [
        { before: `${firstPerson}を$`, then: { category: "crisis", severity: "urgent" } },
        { before: "を$", then: { category: "other", severity: "high" } },
        ...wish,
      ],
    },

    // suicide named, notes and farewells
    {
      pattern: "自殺|自死|じさつ|jisatsu|jisatu",
      severity: "urgent",
      contexts: [
        {
          sentence: "(?<![a-z])(?:news|nyusu|nyuusu|dorama|anime|manga|eiga)(?![a-z])",
          then: null,
        },
        ...mention,
      ],
    },
    {
      pattern: "遺書|遺所",
      severity: "urgent",
      contexts: [
        { sentence: "セミナー|講座|練習|授業|ワークショップ|体験", then: null },
        ...mention,
      ],
    },
    {
      pattern: "遺言|ゆいごん",
      severity: "urgent",
      contexts: [
        { before: `${thirdPerson}の[^、]{0,2}$`, then: null },
        {
          sentence:
            "相続|公正証書|弁護士|司法書士|財産|ドラマ|映画|小説|漫画|アニメ|セミナー|講座|練習|授業|祖母|祖父|おばあちゃん|おじいちゃん|親|母|父|聞かれ|頼まれ",
          then: null,
        },
        ...mention,
      ],
    },
    {
      pattern:
        "今まで(?:本当に)?(?:ありがとう|有難う|ありがと|お世話になりました|おせわになりました)|(?:みんな|皆|皆さん|みなさん|この世|世界|家族)(?:に|よ)?(?:、)?(?:さようなら|さよなら|ばいばい|バイバイ)|(?:これが|これで)?最後の(?:メッセージ|連絡|言葉)",
      severity: "urgent",
      contexts: [worn, plannedGoodbye, thanksToAThing, ...wish],
    },
    {
      pattern:
        "先に逝|先立つ不孝|逝き(?:たい|ます)|逝こう|逝っていい|あの世(?:に|へ)|天国(?:に|へ)?(?:行|い)き(?:たい|たく)|てんごく(?:に|へ)?いき(?:たい|たく)",
      severity: "urgent",
      contexts: wish,
    },
    { pattern: "探さないで(?:ください|下さい|ね)?", severity: "urgent", contexts: wish },
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
    // ——— wishes to die said in other words ———
    {
      // 「どうやったら死ねる？」「何錠飲めば死ねるか」「ここから飛んだら死ねるかな」
      pattern:
        "(?:どうやったら|どうしたら|どうすれば|どうすりゃ|どうやって|どうやれば|何錠|なんじょう|何個|なんこ|何階|なんかい|何メートル|どれ(?:くらい|ぐらい|だけ)|どんだけ|どの(?:くらい|ぐらい))[^。]{0,14}?(?:死|し|市|タヒ|氏)ね(?:る|ます|ん)|(?:たら|れば)(?:、)?(?:死|し|市|タヒ|氏)ね(?:る|ます)(?=か|の|。|$|って|と思|ん|よね)",
      severity: "urgent",
      contexts: [
        {
          sentence:
            "推し|おし(?=に|が|の)|会え|あえ(?=たら)|食べ|たべ|幸せ|しあわせ|本望|悔い|最高|尊|とうと",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「もうええわ。死ぬ」「きめた。しぬ」
      pattern:
        "(?:死|し|市)ぬ(?=$|[。、]|わ(?!け)|よ(?!う)|ね|ガチ|がち|まじ|マジ|本気|ほんき|から|んだ|んや|ん(?=。|$))",
      severity: "urgent",
      contexts: [
        {
          // only where 「死ぬ」 stands alone in its clause, or after 「もう」「決めた」「今日」
          before:
            "^(?!(?:.*、)?(?:もう|決めた|きめた|よし|今日|きょう|今夜|こんや|今から|いまから|明日|あした|ほんとに|本当に|まじで|マジで|ガチで|がちで)?(?:、)?$)",
          then: null,
        },
        {
          message:
            "暑|あつ(?:い|す|く)|寒|さむい|眠|ねむ|忙|いそが|疲|お腹|おなか|腹|笑(?!え|い事)|わら|(?<![a-z])w|草(?!も生え|もはえ|じゃ)|可愛|かわい|尊|とうと|おもしろ|面白|テスト|課題|宿題|試験|残業|筋肉痛|花粉|推し|ライブ|ガチャ|恥|はずかし|痛|いた(?:い|く)|辛|からい|重|くさい|臭|満員|緊張|ゲーム|げーむ|かわいすぎ|好き|すき|朝|あさ|起き|おき|仕事|しごと|バイト|ばいと|ゴキブリ|ごきぶり|虫|むし|蜘蛛",
          then: null,
        },
        laughing,
        ...wish,
      ],
    },
    {
      pattern:
        "(?:ほんとに|本当に|ほんまに|まじで|マジで|ガチで)(?:、)?(?:死|し)ぬ(?:かも|と思う|気がする)",
      severity: "urgent",
      contexts: [hyperbole, laughing, ...wish],
    },
    {
      pattern:
        "(?:死|し)んで(?:、)?(?:楽|らく)に|(?:死|し)んだら(?:、)?(?:楽|らく)(?:に|だ|かな|になれ)|(?:死|し)ぬ前に(?:、)?(?:話|はな|伝え|つたえ|言って|いって|会い|あい|声|こえ|お礼|おれい|謝|あやま|ありがとう)|(?:死|し)ぬなら(?:、)?(?:今|いま|いつ|どこ|どう|ここ|早|はや|冬|夏|春|秋)",
      severity: "urgent",
      contexts: [
        {
          before: `${thirdPerson}(?:が|は|も)?$`,
          then: { category: "other", severity: "high" },
        },
        {
          sentence:
            "一度|いちど|一回|いっかい|行きたい|いきたい|食べ|たべ|見たい|みたい|やりたい|好き|すき|後悔|こうかい|やっておき",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「たかい ところから とびたい」「ここから落ちたら全部終わる」「飛び込んだら楽になる」
      pattern:
        "から(?<=(?:屋上|ビル|橋|はし|ベランダ|窓|まど|高い(?:ところ|所|とこ)|たかい(?:ところ|とこ)|ここ|そこ|崖|がけ|ホーム|ほむ|歩道橋|マンション|上)から)(?:、)?(?:(?:飛|と)(?:び(?:たい|たく|降り|おり|下り|込|こ)|ん(?:だら|でみ|じゃ)|ぼう|べたら)|(?:落ち|おち)(?:たら|れば|よう|たい))|(?:落ち|おち)たら(?:、)?(?:全部|ぜんぶ|楽|らく|死|し(?:ね|ぬ)|終わ|おわ)|(?:飛び込|とびこ|飛びこ)(?:んだら|めば|みたい|みたく|もう|む(?:しか|つもり))",
      severity: "urgent",
      contexts: [
        {
          message:
            "プール|ぷる|海水浴|かいすいよく|水泳|すいえい|泳|およ|バンジー|ばんじ|スカイダイビング|パラシュート|ゲーム|げーむ|夢で|ゆめで|ジャンプ|じゃんぷ|布団|ふとん|ベッド|胸|むね|懐|ふところ|業界|新しい|チャレンジ|挑戦",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「線路見てたら吸い込まれそう」「ホームで一歩踏み出したくなった」
      pattern:
        "吸い込まれ(?:そう|る|たい|たら)|すいこまれ(?:そう|る|たい|たら)|(?:一歩|いっぽ)(?:、)?(?:前に)?(?:、)?(?:踏み出|ふみだ|出る|でる|出た|でた|出そう|でそう)",
      severity: "urgent",
      contexts: [
        {
          message:
            "線路|せんろ|ホーム|ほむ|電車|でんしゃ|踏切|ふみきり|屋上|おくじょう|橋|はし|川|かわ|海|うみ|水|みず|ベランダ|崖|がけ|下を|したを|ビル",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // Net slang for ending a life: 「人生ログアウトしたい」「もう降りたい」「アンインストールしたい」
      pattern:
        "(?<![a-z])(?:降|お)り(?:たい|たく(?!な)|ていい|てもいい|させて|るわ)|リタイア|りたいあ|退場|アンインストール|あんいんすとる|強制終了|ログアウト|ろぐあうと|デリート|でりと|ゲームオーバー|げむおば|エンディング|えんでぃんぐ",
      severity: "urgent",
      contexts: [
        { sentence: fiction, then: null },
        {
          before:
            "(?:仕事|作業|案件|プロジェクト|係|担当|役|リーダー|チーム|試合|大会|レース|電車|でんしゃ|バス|車|くるま|駅|えき|アプリ|アカウント|垢|サイト|パソコン|pc|スマホ|ライン|line|階段|山|坂)(?:から|を|は|も|で)?[^、]{0,4}$",
          then: null,
        },
        { message: lifeTalk, then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      pattern: "リセット|りせっと",
      severity: "urgent",
      contexts: [
        {
          message:
            "(?:ガチ|がち|本気|ほんき|まじで|マジで)|終わりたい|おわりたい|消えたい|きえたい|死にたい|しにたい",
          then: { severity: "urgent" },
        },
        {
          message:
            "転職|仕事|職場|引っ越|ひっこ|環境|部屋|気分|髪|ダイエット|生活リズム|スマホ|ゲーム(?!みたい)|パスワード|設定|機械|アプリ",
          then: null,
        },
        {
          message:
            "死|しに|消え|きえ|終わらせ|おわらせ|生まれる前|うまれるまえ|生まれ変|うまれかわ|存在|そんざい|じんせい|人生|生き|いきる|いきて",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },

    // ——— passive and veiled wishes ———
    {
      // 「朝が来なければいいのに」「あした なんか こなくて いい」
      pattern:
        "(?:朝|あさ|明日|あした|あす)(?:が|なんか|なんて|なんぞ)?(?:、)?(?:来|こ|く)(?:なければ(?:、)?(?:いい|ええ|よか|楽|らく)|なきゃ(?:、)?(?:いい|ええ)|なくて(?:も)?(?:いい|ええ)|ないで(?:ほしい|欲しい)|ないと(?:いい|ええ)|なかったら(?:、)?(?:いい|ええ|よか|楽|らく)|んかったら(?:、)?(?:いい|ええ|よか)|ん(?:で|くて)(?:も)?(?:いい|ええ|(?=のに|$|[。、]|よ|わ|けん))|ん(?:で|といて)(?:ほしい|欲しい)|るな(?=$|[。、]|って|と)|ないでくれ)|(?:明日|あした)(?:は|が)?(?:、)?(?:もう)?(?:来|こ)ない(?:と思|かも|気が|(?=$|[。、]))",
      severity: "urgent",
      contexts: [
        { after: "^(?:よ|から|って|と)?[^。]{0,6}(?:言|い)われ", then: null },
        { after: "^[^。]{0,3}(?:くらい|ぐらい|ほど)", then: null },
        { before: subjectIs(thirdPerson), then: null },
        {
          before:
            "(?:会社|職場|仕事|バイト|センター|事務所|学校|面談|病院|現場|店)(?:に|には|へ|は)?(?:、)?$",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「目が覚めなければいいのに」「明日の朝、目が覚めませんように」「もう めを あけたくない」
      pattern:
        "(?:目|め)(?:が|ぇ)?(?:覚|さ)め(?:ません(?:ように)?|ないように|ないで(?:ほしい|欲しい)|ない(?:と|で)(?:いい|ええ)|なければ|なきゃ(?:、)?(?:いい|ええ)|なかったら(?:、)?(?:いい|ええ|よか|楽|らく)|ん(?:かったら|ければ|けりゃ)|ん(?:で|くて)(?:も)?(?:いい|ええ|(?=のに|$|[。、]|よ|わ|けん))|へんかったら|ひんかったら|なくて(?:も)?(?:いい|ええ|(?=のに|$|[。、]|よ|わ)))|目覚めなければ|目覚めませんように|もう(?:、)?(?:目|め)を(?:開|あ)けたく(?:ない|ねえ|な(?=$|[。、]))",
      severity: "urgent",
      contexts: [
        { before: `${thirdPerson}(?:の|が)[^、]{0,2}$`, then: null },
        { before: "(?:会社|職場|家|部屋|ここ|席|事務所|寮)(?:に|には)?[^、]{0,2}$", then: null },
        ...wish,
      ],
    },
    {
      // 「もう起きたくない」「二度と起きたくない」 (a cold morning stays ordinary)
      pattern:
        "(?:もう|二度と|にどと|永遠に|えいえんに|このまま|ずっと|ずーっと|一生|いっしょう)(?:、)?(?:目を覚まし|めをさまし|(?:起|お)き)たく(?:ない|ねえ|ねー|な(?=$|[。、])|なか|なぃ)|(?:もう|二度と|にどと)(?:、)?(?:起|お)き(?:ない|ひん|へん|ん)(?=$|[。、]|よ|わ)",
      severity: "urgent",
      contexts: [
        hyperbole,
        { after: "^[^。]{0,10}(?:くらい|ぐらい|ほど)", then: null },
        { before: "(?:朝|あさ)(?:は)?$", message: "眠|ねむ|寒|さむ|布団|ふとん", then: null },
        ...wish,
      ],
    },
    {
      // 「そのまま起きなかったらいいのに」「起きんでええ」
      pattern:
        "(?:起|お)き(?:なかったら|なければ|んかったら|へんかったら|ひんかったら|なきゃ)(?:、)?(?:いい|ええ|よか|楽|らく)|(?:起|お)き(?:なくて|んで|んくて)(?:も)?(?:いい|ええ|(?=のに|$|[。、]|よ|わ|けん))",
      severity: "urgent",
      contexts: [lieIn, { message: sleepSignal, then: { severity: "urgent" } }, { then: null }],
    },
    {
      // 「永遠に眠りたい」「二度と目を覚ましたくない」「永眠したい」
      pattern:
        "(?:永遠|えいえん)に(?:、)?(?:眠|ねむ|寝|ね|休|やす)(?:り|って|て|み)?(?:たい|たく|てい?たい|ってい?たい)|(?:二度と|にどと)(?:、)?(?:目覚め|めざめ|起き|おき)(?:たく|ない(?!で|と)|ません)|(?:永眠|えいみん)(?:したい|したく|できたら|してしまいたい)|(?:眠|ねむ)ったまま(?:、)?(?:起|お|目|め|い(?:たい|られ)|で(?:いたい|いられ))",
      severity: "urgent",
      contexts: [{ after: "^[^。]{0,10}(?:くらい|ぐらい|ほど)", then: null }, ...wish],
    },
    {
      // 「ずっと眠っていたい」「一生寝てたい」: only with something else that is heavy
      pattern:
        "(?:ずっと|ずーっと|一生|いっしょう|このまま|そのまま)(?:、)?(?:眠|ねむ|寝|ね)(?:りたい|りつづけ(?:たい)?|っていたい|ってい?たい|ってたら|っていれば|ていたい|てい?たい|とりたい|ときたい|とい?たい|てたら|ていられ|っていられ|ってられ|たい)|(?:眠|ねむ|寝|ね)(?:りたい|てたい|ていたい)(?:、|。)?(?:ずっと|ずーっと|永遠に|えいえんに)(?=$|[。、])|(?:ずっと|ずーっと)(?:、)?(?:休|やす)みたい(?=$|[。、])|(?:休|やす)みたい(?:、|。)?(?:ずっと|ずーっと)(?=$|[。、])",
      severity: "urgent",
      contexts: [
        lieIn,
        {
          message: distress,
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「私さえいなければ」「自分なんか最初からいなければ」
      pattern: `${firstPerson}(?:さえ|なんか|なんて|みたいなの|みたいなん|みたいなやつ)(?:が|は)?(?:、)?(?:最初から|はじめから|初めから)?(?:いなければ|いなきゃ|いなかったら|いなけりゃ|おらんかったら|おらんければ|おらなければ|居なければ|いなくなれば|消えれば|きえれば)|${firstPerson}(?:が|は)?(?:、)?(?:最初から|はじめから|初めから)(?:いなければ|いなかったら|おらんかったら)|${firstPerson}(?:が|は)?(?:、)?(?:いなくなる|消える|きえる|死ぬ|しぬ)(?:の|こと)が(?:一番|いちばん)`,
      severity: "urgent",
      contexts: wish,
    },
    {
      // 「いなくなっても誰も困らない」「このまま消えても誰も気づかない」
      pattern:
        "(?:死んでも|しんでも|いなくなっても|居なくなっても|消えても|きえても|おらんようになっても|おらんくなっても|おらんなっても|いなくなったって|死んだって|しんだって)(?:、)?(?:誰|だれ|何|なに|なん)(?:も|一人)?(?:、)?(?:困ら|こまら|気付か|気づか|きづか|悲しま|かなしま|泣か|変わら|かわら|気にし|きにし)(?:ない|ん|へん|ねえ|なかった|ないでしょ)?",
      severity: "urgent",
      contexts: [
        { before: subjectIs(thirdPerson, "が|は|も|なんか|なんて|って"), then: null },
        ...wish,
      ],
    },
    {
      // 「誰も私を必要としてない」「わたしなんか いらない」「存在が迷惑」
      pattern: `(?:(?:誰|だれ)(?:も|一人|ひとり)?(?:、)?${firstPerson}(?:の(?:こと|事))?(?:を|なんか|なんて)?|${firstPerson}(?:の(?:こと|事))?(?:を|は|なんか|なんて)(?:、)?(?:誰|だれ)(?:も)?)(?:、)?(?:必要|ひつよう)(?:と|に)?(?:して|されて|じゃ|では|で(?:は)?)(?:い|は|も)?(?:ない|ねえ|ません|な(?=$|[。、]))|${firstPerson}の(?:せい|所為)で(?:、)?(?:みんな|皆|家族|全員)(?:が)?(?:、)?(?:不幸|ふこう)`,
      severity: "urgent",
      contexts: [...saidToThem, ...wish],
    },
    {
      pattern:
        "存在(?:ごと|自体|そのもの)?(?:を|が|も|は)?(?:、)?(?:消し|消え|けし|きえ|なくし|無くし|デリート|でりと|迷惑|めいわく|邪魔|じゃま|罪|いらない|要らない|不要|無価値|価値(?:が|も)?な)|存在して(?:る|いる)(?:だけ|こと)(?:で|が)(?:、)?(?:迷惑|めいわく|罪|じゃま|邪魔|申し訳)|存在しなかった(?:こと|事)に|そんざい(?:ごと)?(?:を|が)?(?:けし|きえ|めいわく|じゃま)",
      severity: "urgent",
      contexts: [
        { before: `${someoneElse}(?:の|って|は|が)[^、]{0,4}$`, then: null },
        {
          sentence:
            "ファイル|データ|アカウント|アプリ|キャラ|ゲーム|記録|履歴|神|幽霊|宇宙人|お化け",
          then: null,
        },
        ...saidToThem,
        ...wish,
      ],
    },
    {
      // 「事故にでもあえばいいのに」「車にひかれたら会社休めるのに」
      pattern:
        "(?:事故|じこ)(?:っ|る)(?:て(?:くれ)?たら|たら|れば)(?:、)?(?:いい|ええ|楽|らく)|(?:事故|じこ)(?:に|で)?(?:でも)?(?:、)?(?:あえ|遭え|あったら|遭ったら|巻き込まれ(?:たら|れば|ない)|まきこまれ(?:たら|れば|ない))(?:ば)?(?:、)?(?:いい|ええ|楽|らく|よか|休め|やすめ)|(?:車|くるま|電車|でんしゃ|トラック|バス|自転車|バイク)に(?:でも)?(?:、)?(?:ひかれ|轢かれ|はねられ|撥ねられ|跳ねられ)(?:たい|たく|ないかな|ないか|れば|たら(?:、)?[^。]{0,6}?(?:いい|ええ|楽|らく|休め|やすめ|死|し(?:ぬ|ね|ん)|終|おわ)|て(?:しまえ|しまいたい|死|し(?:な|ね|ん)|楽|らく)|ちゃえ|ちまえ)|轢かれ(?:たく|てしまえ|たら(?:、)?(?:いい|ええ|楽|らく))",
      severity: "urgent",
      contexts: mention,
    },
    {
      // 「はやく おむかえ きて ほしい」「天国ってあるのかな。早く行きたい」「そっちに行きたい」
      pattern:
        "(?:早く|はやく|はよ|そろそろ)(?:、)?お(?:迎え|むかえ)(?:が)?(?:、)?(?:来|き|こ)(?:て|ない|ん)|(?:天国|あの世|あのよ|てんごく)[^。]{0,12}。?(?:早く|はやく)(?:、)?(?:行|い)き(?:たい|たく)",
      severity: "urgent",
      contexts: [
        {
          sentence:
            "保育|幼稚|学校|駅|車|くるま|親|母|父|ママ|パパ|彼氏|旦那|送迎|バス|温泉|旅行|ライブ|遊園地|みたい|ランド|食べ放題",
          then: null,
        },
        ...wish,
      ],
    },
    {
      pattern:
        "(?:そっち|あっち|向こう|むこう)(?:側|がわ)?(?:に|へ)(?:、)?(?:早く|はやく)?(?:行|い)き(?:たい|たく)",
      severity: "urgent",
      contexts: [
        {
          message:
            "亡くな|なくなっ|死|しんだ|天国|あの世|お墓|おはか|葬式|そうしき|夢で|ゆめで|おばあちゃん|おじいちゃん",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「自殺した人がうらやましい」「お葬式で、うらやましいなって」
      pattern: "(?:うらやま|羨ま)し",
      severity: "urgent",
      contexts: [
        {
          message:
            "自殺|じさつ|死んだ(?!よう)|しんだ(?!よう)|亡くな|なくなっ|葬式|そうしき|天国|あの世|死ね(?:る|た)",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「楽になりたい」 alone or beside a wish
      pattern: "(?:楽|らく)に(?:なりたい|なりたか|なりたく(?!な)|なれる(?:かな|なら))",
      severity: "urgent",
      contexts: [
        {
          message:
            "いなくても|いなくなって|見届け|みとどけ|うらやま|羨ま|ずーっと(?:眠|ねむ)|ずっと(?:眠|ねむ)っと|(?:楽|らく)になりたい(?:って)?(?:気持ち|きもち)",
          then: { severity: "urgent" },
        },
        {
          message: "^(?:もう)?(?:、)?(?:早く|はやく)?(?:、)?(?:楽|らく)になりたい。?$",
          then: { severity: "urgent" },
        },
        {
          sentence:
            "死|しん(?:で|だ)|消え|きえ|いっそ|永遠|えいえん|ずっと(?:眠|ねむ|寝)|全部終わ|ぜんぶおわ|生き|いき(?:る|て)",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      pattern:
        "(?:人生|じんせい|命|いのち)(?:を|も|は)?(?:、)?(?:もう)?(?:、)?(?:早く|はやく)?(?:終わ|おわ)(?:らせ(?:たい|たく|よう|る(?:つもり|しか)|ちゃいたい|て)|り(?:たい|たく(?!な)|に(?:したい|しよう)|で(?:いい|ええ|よか))|って(?:ほしい|欲しい))",
      severity: "urgent",
      contexts: [{ sentence: "ゲーム|げーむ|ドラマ|アニメ|漫画|小説|映画", then: null }, ...wish],
    },
    {
      // 「もう終わりたい」「全部終わらせて、静かに眠りたい」「もう終わりでいいや」
      pattern:
        "(?:全部|ぜんぶ|全て|すべて|何もかも|なにもかも|なんもかんも|もう|早く|はやく)(?:を|も|は)?(?:、)?(?:もう)?(?:、)?(?:早く|はやく)?(?:終わ|おわ)(?:らせ(?:たい|たく|よう|ます|ちゃいたい)|り(?:たい|たく(?!な))|りに(?:したい|しよう|して(?:、)?(?:静か|しずか|ゆっくり|楽|らく|眠|ねむ|寝)|する(?=$|[。、]))|りで(?:いい|ええ|よか))|(?:早く|はやく)(?:、)?(?:終わ|おわ)って(?:ほしい|欲しい)",
      severity: "urgent",
      contexts: [
        taskNearby,
        { message: distress, then: { severity: "urgent" } },
        { message: "^(?:もう)?(?:、)?(?:終わ|おわ)りたい。?$", then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      // 「もういいや、全部」「人生もういい」
      pattern:
        "もう(?:、)?(?:いい|ええ)(?:や|わ|よ)?(?:、|。)?(?:全部|ぜんぶ|何もかも|なにもかも|なんもかんも|人生|じんせい)(?=$|[。、])|(?:全部|ぜんぶ|何もかも|なにもかも|なんもかんも|人生|じんせい)(?:、|。)?もう(?:、)?(?:いい|ええ)(?=$|[。、]|や|わ|ねん|けん|よ)",
      severity: "urgent",
      contexts: [
        {
          sentence:
            "大丈夫|だいじょうぶ|終わった|おわった|できた|済ん|すん(?:だ)|片付い|出来た|ありがとう|準備|用意|ok|オッケー|わかった|分かった",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「もう いなくなるわ」「陰キャのワイ、消えるわ」「みんなの前から消えます」
      pattern:
        "(?:(?:消|き)え(?:る|ます|るね|よう(?:かな|と))|(?:い|居|おら)なくなる)(?=$|[。、]|わ|ね|よ|から|ので|かな|と思)",
      severity: "urgent",
      contexts: [
        {
          // only with no subject, or with the person as the subject
          before: `^(?!(?:.*、)?(?:もう|${firstPerson}(?:は|が|も)?|わい(?:は)?)?(?:、)?(?:もう)?(?:、)?(?:むり|無理|ムリ|つかれた|疲れた|やだ|いやだ|限界|げんかい|しんどい)?(?:、)?$)`,
          then: null,
        },
        worn,
        plannedGoodbye,
        awayFromWork,
        {
          message:
            "電気|でんき|ライト|画面|データ|ファイル|予定|シフト|アプリ|通知|メッセージ|ポイント|魔法|マジック",
          then: null,
        },
        ...wish,
      ],
    },
    {
      pattern:
        "(?:みんな|皆|皆さん|みなさん|世界|この世|このよ)(?:の前)?から(?:、)?(?:消|き)え(?:る|ます|よう)",
      severity: "urgent",
      contexts: wish,
    },
    {
      // 「自分の葬式、誰が来るんだろう」「お葬式とかいらないって伝えて」
      pattern: `(?:葬式|そうしき|葬儀|そうぎ)(?:(?<=${firstPerson}のお?(?:葬式|そうしき|葬儀|そうぎ))|(?:とか|は|も|なんか|なんて)?(?:、)?(?:いらない|要らない|いらん|要らん|しなくて|しないで|せんで|やらなくて|不要|あげなくて))`,
      severity: "urgent",
      contexts: [
        { before: `${thirdPerson}(?:の|が|は)[^、]{0,4}$`, then: null },
        { sentence: "保険|互助会|費用|積立|ドラマ|映画", then: null },
        ...wish,
      ],
    },

    // ——— preparation: medicine ———
    {
      // 「くすり 60こ ある」「87錠。足りると思う」
      pattern: `(?:[5-9][0-9]|[1-9][0-9]{2,})(?<=(?:^|[^0-9])[0-9]+)(?:錠|じょう|粒|つぶ|(?:個|こ|シート)(?<=${drug}(?:を|が|は|も)?(?:、)?(?:もう|全部|ぜんぶ|今|いま)?(?:、)?[0-9]+(?:個|こ|シート)))`,
      severity: "urgent",
      contexts: [
        { message: pillsGathered, then: { severity: "urgent" } },
        { message: pillsPrescribed, then: null },
      ],
    },
    {
      pattern: `[1-4][0-9](?<=(?:^|[^0-9])[1-4][0-9])(?:錠|じょう|粒|つぶ|(?:個|こ|シート)(?<=${drug}(?:を|が|は|も)?(?:、)?(?:もう|全部|ぜんぶ|今|いま)?(?:、)?[0-9]+(?:個|こ|シート)))`,
      severity: "urgent",
      contexts: [{ message: pillsGathered, then: { severity: "urgent" } }, { then: null }],
    },
    {
      // 「咳止めを2本買った。今夜ためしてみる」「市販の睡眠改善薬を何箱か買いました」
      pattern: `(?:[0-9]+|何|複数|大量に?)(?:本|ほん|箱|はこ|個|こ|瓶|つ|シート)(?<=${drug}(?:を|も|が|は)?(?:、)?(?:[0-9]+|何|複数|大量に?)(?:本|ほん|箱|はこ|個|こ|瓶|つ|シート))(?:か|も)?(?:、)?(?:買|か(?:った|い|う)|ゲット|げっと|手に入|てにい|集め|あつめ|そろえ|揃え|ある|あります|持って|もって|用意|準備)|(?:病院|びょういん|クリニック|薬局|やっきょく|ドラッグストア)(?:を)?(?:、)?(?:2|二|ふた|3|三|みっ|何|なん|いくつ|複数|はしご|ハシゴ)(?:つ|か所|箇所|軒|けん)?(?:も)?(?:、)?(?:行|い|回|まわ|はしご|ハシゴ)`,
      severity: "urgent",
      contexts: [
        {
          message:
            "全部|ぜんぶ|今夜|こんや|飲むつもり|のむつもり|飲もう|のもう|ためし|試し|ハシゴ|はしご|量|死|しね|ため|貯め|倍|多く|おおく|1箱しか|一箱しか|1軒|一軒|いく(?=$|。)",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「💊💊💊 ぜんぶ のむ」「これ全部いっきにのんだらどうなるかな」
      pattern:
        "(?:(?:今日|きょう|今夜|こんや|今から|いまから)(?:、)?)?(?:全部|ぜんぶ)(?<=(?:^|[。、]|これ|それ|今日|きょう|今夜|こんや|今から|いまから|いつか|もう|明日|あした)(?:、)?(?:全部|ぜんぶ))(?:、)?(?:一気に|いっきに|まとめて)?(?:飲|の)(?:む|んだ|もう|みます|んで(?:ね|寝)|んだら)(?=$|[。、]|つもり|わ|よ|ね|どう)",
      severity: "urgent",
      contexts: [
        asPrescribed,
        doseNamedNext,
        {
          message:
            "薬|くすり|ぐすり|錠|箱|シート|咳止め|せきどめ|眠剤|みんざい|いっき|一気|まとめて|んだらどう|んだら(?:死|しね)",
          then: { severity: "urgent" },
        },
        {
          message:
            "^(?:今日|きょう|今夜|こんや)?(?:、)?(?:全部|ぜんぶ)(?:、)?(?:一気に|いっきに)?(?:飲|の)(?:む|んだ)。?$",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「どれだけ飲んだら起きひんのやろ」「何錠のめば」
      pattern:
        "(?:どんだけ|どれだけ|どれくらい|どれぐらい|どのくらい|どのぐらい|何錠|なんじょう|何個|なんこ|何シート|何箱)(?:、)?(?:飲|の)(?:んだら|めば|みゃ)",
      severity: "urgent",
      contexts: [
        {
          message: "薬|くすり|錠|死|しね|しぬ|起き|おき|目覚め|めざめ|致死",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「睡眠薬をたくさん手に入れるには」「くすり たくさん ほしい」
      pattern: `(?:たくさん|いっぱい|大量|たいりょう|多め|おおめ|沢山)(?<=${drug}[^。]{0,10}(?:たくさん|いっぱい|大量|たいりょう|多め|おおめ|沢山))(?:に)?(?:、)?(?:欲しい|ほしい|手に入|てにい|もらえ(?:る|ます|ない)(?:か|の|。|$)|買え(?:る|ます)|かえ(?:る|ます)(?:か|の|。|$)|集め|あつめ|ちょうだい)|(?:買える|かえる|手に入る|てにはいる|売って|うって)(?<=${strongDrug}[^。]{0,12}(?:買える|かえる|手に入る|てにはいる|売って|うって))(?=か|の|。|$)`,
      severity: "urgent",
      contexts: [
        { sentence: "家族|子供|子ども|母|父|花粉|旅行|風邪|かぜ(?!ぐすり)", then: null },
        {
          message:
            "いっぱい|たくさん|大量|何箱|なんはこ|何錠|致死|死|しね|処方箋なし|しょほうせんなし|ため|貯め",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「眠剤とアルコールいっしょに」「睡眠薬とお酒、もう並べてある」
      pattern: `${strongDrug}(?:と|を)(?:、)?(?:お酒|おさけ|酒|さけ|アルコール|ビール|酎ハイ|チューハイ|ストゼロ|焼酎|ワイン)|(?:お酒|おさけ|アルコール|ビール|チューハイ|ストゼロ)(?:と|で)(?:、)?${strongDrug}`,
      severity: "urgent",
      contexts: [
        {
          sentence:
            "だめ|ダメ|いけな|危な|あぶな|禁止|控え|ひかえ|注意|言われ|気をつけ|きをつけ|やめ|飲まない|のまない",
          then: null,
        },
        {
          message: "一緒|いっしょ|並べ|ならべ|飲|の(?:む|んだ|もう)|いける|いく|準備|用意",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      pattern: `(?:多め|おおめ|多く|余分|よぶん)(?<=${strongDrug}(?:を|も|は)?(?:、)?(?:多め|おおめ|多く|余分|よぶん))(?:に)?(?:、)?${swallowed}|(?:準備|じゅんび|用意|よい)(?<=${drug}(?:を|は|も)?(?:、)?(?:準備|じゅんび|用意|よい))(?:は|も)?(?:、)?(?:できた|した|してある|ok|済み|完了)|(?<![a-z])kusuri ?(?:zenbu|zembu|ippai|takusan|matomete|all) ?(?:nonda|nomu|non)|(?:2週間分|二週間分|1週間分|一週間分|1か月分|1ヶ月分|一か月分)(?:の)?${drug}(?:を|、)?[^。]{0,8}?(?:手のひら|てのひら|手に出|並べ|ならべ)`,
      severity: "urgent",
      contexts: [asPrescribed, habitually],
    },
    {
      // 「今夜決行」
      pattern:
        "(?:今夜|こんや|今日|きょう|明日|あした)(?:、)?(?:決行|けっこう)(?=$|[。、]|する|します|しよう)",
      severity: "urgent",
      contexts: [
        {
          message: "雨|天気|イベント|試合|祭|花火|遠足|運動会|bbq|バーベキュー|ライブ|大会",
          then: null,
        },
        ...wish,
      ],
    },

    // ——— preparation: rope, heights, water, trains ———
    {
      // 「ホームセンターでロープ買った」「ろーぷ かける ところ さがしてる」
      pattern: `${ropeWord}(?:を|も|は|が)?(?:、)?[^。]{0,10}?(?:買|か)(?:った|っちゃ|いま|うて|ってき|ってあ)|${ropeWord}(?:を|も|は|が)?(?:、)?[^。]{0,10}?(?:かけ|掛け|吊|入れて(?:ある|る|お)|いれて(?:ある|る|お)|置いて(?:ある|る)|おいて(?:ある|る)|隠して|かくして|用意|準備|ある(?=$|[。、])|あります|試し|ためし|使い方|つかいかた|結び方|むすびかた|使う日)`,
      severity: "urgent",
      contexts: [
        { message: ropeMeant, then: { severity: "urgent" } },
        { message: ropeChores, then: null },
        { message: ropeUse, then: { severity: "urgent" } },
        ...wish,
      ],
    },
    {
      pattern:
        "(?:ドアノブ|どあのぶ|鴨居|かもい|梁|はり|カーテンレール|クローゼット|物干し|ものほし|手すり|てすり)に(?:、)?(?:ロープ|ろぷ|ベルト|べると|タオル|紐|ひも|コード|こど|ネクタイ)(?:を)?(?:、)?(?:かけ|掛け|結|むす|巻|ま(?:いて|く|き)|通し|とおし)",
      severity: "urgent",
      contexts: [{ message: "洗濯|せんたく|干|ほし|収納|掃除|ハンガー", then: null }, ...wish],
    },
    {
      // 「会社の屋上って鍵かかってますか」「屋上なう」「一番高い駅ビルの屋上に行ってみた。柵は低かった」
      pattern:
        "屋上(?:に|へ|まで)?(?:、)?(?:いる|おる|来|き(?:た|て|ました)|なう|行って|いって|行った|いった|行く|いく|登|のぼ|上が|あが|出|で(?:た|れる))|屋上(?:って|は|の)?(?:、)?(?:鍵|かぎ|入れ|はいれ|出られ|でられ|開いて|あいて|柵|さく|フェンス|ある(?:ビル|建物|マンション))|(?:高い|たかい)(?:ところ|所|とこ|場所|ばしょ|ビル|建物|マンション)(?:を|が|って)?(?:、)?(?:探|さが|知らん|知らない|しらない|しらん|どこ|ない|教え|おしえ|行き|いき)|(?:何|なん|[0-9]+)(?:階|かい|メートル|m)(?:から|以上|より上|より)(?:、)?[^。]{0,10}?(?:入れる|はいれる|勝手に|かってに|飛|とん|とび|落ち|おち|確実|かくじつ)",
      severity: "urgent",
      contexts: [
        {
          message:
            "昼休み|ひるやすみ|休憩|きゅうけい|弁当|べんとう|ご飯|ごはん|たばこ|タバコ|喫煙|ビアガーデン|花火|はなび|夜景|やけい|景色|けしき|眺め|展望|写真|洗濯|菜園|イベント|掃除|点検|工事|修理|業者|ドローン|電波|wifi|楽し|たのし|きれい|綺麗|友達|ともだち|みんなで|デート|星|ほし",
          then: null,
        },
        {
          message:
            "柵|さく|フェンス|下を見|下見|したみ|飛|とび|とん|落ち|おち|鍵|かぎ|確実|かくじつ|死|しぬ|しね|いけそう|行けそう",
          then: { severity: "urgent" },
        },
        ...wish,
      ],
    },
    {
      // 「はしの うえ。したの かわ ずっと みてる」「歩道橋から下見てた」
      pattern: `(?:下|(?<![ぁ-ゖ])した)の(?:川|かわ(?!か|ら|い)|海|うみ|道路|どうろ|線路|せんろ|水|みず)|(?:橋|はし|鉄橋|歩道橋|陸橋|ベランダ|屋上|ビル|崖|がけ)(?:の上)?(?:から)(?:、)?(?:下|した)(?:を)?(?:、)?(?:見|み|のぞ|覗)`,
      severity: "urgent",
      contexts: [placeBenign, ...wish],
    },
    {
      // 「いま駅の近くの大きい橋の上にいる」「今、鉄橋の上におるけん」
      pattern:
        "(?:橋|はし|鉄橋|歩道橋|陸橋)の(?:上|うえ|真ん中|まんなか|欄干|らんかん)(?:で|(?:に|から|、)?(?:いる|おる|い(?:ます|まう)|来|き(?:た|て|ました)|立|たって|座|すわ|なう|いま|今|(?=$|[。、])))",
      severity: "urgent",
      contexts: [placeBenign, ...wish],
    },
    {
      // 「今 海おるねん」「い ま う み に い る」「今、川の近くに来ています」
      pattern:
        "(?:今|いま)(?:、)?(?:海|うみ|川|かわ|港|みなと|岸壁|がんぺき|崖|がけ|ダム|だむ|線路|せんろ|踏切|ふみきり|湖|みずうみ|樹海|岬|みさき)(?:の(?:近く|ちかく|前|まえ|上|うえ|そば|端|はし|ところ|とこ))?(?:に|へ|で|さ|、)?(?:いる|おる|い(?:ます|まう)|来|き(?:た|て|ました)|着|つい|立|たって|座|すわ|なう|おります|きとる|(?=$|[。、]))",
      severity: "urgent",
      contexts: [
        placeBenign,
        { message: placeAlone, then: { severity: "urgent" } },
        { message: "^.{0,14}$", then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      // 「このまま入っていこかな」 at the sea
      pattern:
        "(?:このまま|そのまま)(?:、)?(?:海|うみ|川|かわ|水|みず)?(?:に|の中に|へ)?(?:入って|はいって|入り|はいり|沈|しず|歩いて|あるいて)(?:いこ|いぐ|いく|いけ|しまい|みよ|たい|もう|んで|たら|く|っ)",
      severity: "urgent",
      contexts: [
        {
          message: "海|うみ|川|かわ|湖|みずうみ|池|いけ|水|みず|ダム|港|線路|せんろ",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「もう帰ってこない」「もう戻らへん」「戻るつもりはありません」「帰る気になれません」
      pattern:
        "(?:戻|もど|帰|かえ)(?:って(?:こ|来|き)|ってき)?(?:らない|らん(?!な|で)|らへん|りません|りまへん|る(?:つもり|気)(?:は|も)?(?:ない|ありません|なし)|る気になれ|ってきたくない|ってこない|ってこん|ってきません)|(?:帰|かえ)って(?:こ|来)(?:ない|ん(?!で)|ません)|(?:帰|かえ)り(?:の(?:切符|きっぷ|チケット))?(?:の)?(?:は|も)?(?:、)?(?:いらない|要らない|いらん|要らん)|(?:帰|かえ)り(?:の(?:こと|事))?(?:は|も)?(?:、)?(?:考えて|かんがえて)(?:い)?(?:ない|ません)",
      severity: "urgent",
      contexts: [
        {
          before:
            "(?:元|もと|前|まえ|昔|むかし|あの頃|あのころ|体重|調子|体調|記憶|感覚|熱|データ|職場|会社|仕事|実家|家|うち|部屋|寮|店|バイト|席|デスク|机|時間|お金|おかね|金|スマホ|写真|気持ち|機嫌|ごきげん|視力|声|食欲|給料|電気|信号)(?:に|には|へ|は|が|も|の|から)?(?:、)?(?:もう|たぶん|多分|二度と)?(?:、)?$",
          then: null,
        },
        {
          sentence:
            "今日は|きょうは|今夜は|こんやは|泊|とま(?:る|り)|残業|直帰|飲み会|遅く|おそく|友達の家|実家に",
          then: null,
        },
        {
          message:
            "泊|とま(?:る|り)|残業|直帰|飲み会|友達の家|ともだちの(?:いえ|うち)|友だちの家|彼氏の家|彼女の家",
          then: null,
        },
        { before: subjectIs(someoneElse), then: null },
        {
          after:
            "^(?:と|って)(?:思って(?:い)?た|おもってた|思った|おもった)|^(?:つもり|気)(?:だった|でいた)",
          then: null,
        },
        {
          sentence: "また(?:戻|もど|帰|かえ)(?:っ|れ)|戻れた|もどれた|戻ってこれ|帰ってこれ",
          then: null,
        },
        {
          message:
            "辞め|やめる|やめます|やめた|退職|飛んだ|とんだ|バックレ|ばっくれ|けんか|ケンカ|喧嘩|あそこには|あんなとこ|制服",
          then: null,
        },
        {
          before: "(?:もう|二度と|にどと|たぶん|多分|もう二度と)(?:、)?$",
          then: { severity: "urgent" },
        },
        { message: goingFar, then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      pattern: "片道(?:切符|きっぷ|だけ)|かたみち(?:きっぷ|だけ)",
      severity: "urgent",
      contexts: [
        {
          message:
            "旅行|出張|帰りは(?:新幹線|飛行機|バス|車|夜行|送って)|かえりは(?:しんかんせん|ひこうき|ばす|くるま)|安い|やすい|学割|留学|引っ越|ひっこ|単身|転勤|実家|迎え|むかえ|推し|ライブ|遠征|覚悟で|帰りの(?:バス|新幹線|電車|飛行機|切符|チケット)",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「踏切の前にずっと立ってる」「せんろ みてた。いま あるいてる」
      pattern:
        "(?:踏切|ふみきり|線路|せんろ)(?:の)?(?:前|まえ|近く|ちかく|そば|横|よこ|中|なか|上|うえ)?(?:に|で|を)?(?:、)?(?:ずっと|ひとりで|一人で)?(?:立|た(?:って|ち)|い(?:る|ます)|おる|座|すわ|見て|みて|歩いて|あるいて|入|はい(?:る|っ|り))",
      severity: "urgent",
      contexts: [
        {
          message:
            "通勤|つうきん|帰り道|かえりみち|散歩|さんぽ|遅延|ちえん|止まって|とまって|工事|撮|鉄道|電車好き|写真|渋滞|遮断機(?:が)?(?:長|なかなか)|開かず|あかず",
          then: null,
        },
        { message: placeAlone, then: { severity: "urgent" } },
        { message: "^.{0,14}$", then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      // 「えきの ほーむの はしっこに いる」「now 駅のホーム。次のtrainで」「電車待ってる（乗らないほう）」
      pattern:
        "(?:駅|えき)の(?:ホーム|ほむ)|(?<!グループ|ぐるぷ)(?:ホーム|ほむ)(?:の)?(?:一番)?(?:端|はし)|(?:乗|の)らない(?:ほう|方)(?=$|[。、])|(?:電車|でんしゃ)(?:を)?(?:、)?(?:待って|まって)(?:る|いる)?(?:、|。)?(?:乗|の)らない",
      severity: "urgent",
      contexts: [
        {
          message:
            "乗らない|のらない|端|はし|一歩|いっぽ|吸い込|すいこ|飛び込|とびこ|ずっと|見送|みおく|次の|つぎの|最後|さいご|ひとり|一人|now|なう|決め|きめ|来たら|きたら",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「包丁、枕元に置いて寝てる。いつでもいけるように」
      pattern: "いつでも(?:、)?(?:いける|行ける|死ねる|しねる|やれる|逝ける)(?:ように|よう)",
      severity: "urgent",
      contexts: [
        {
          message: "包丁|ほうちょう|ナイフ|ロープ|ろぷ|薬|くすり|カッター|練炭|紐|ひも|刃",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「保険のこと調べてた。死んだらお金って家族に入るのかな」
      pattern: "(?:死|し)んだら(?:、)?(?:保険|ほけん|お金|おかね|金|貯金|遺産)",
      severity: "urgent",
      contexts: [{ before: `${thirdPerson}(?:が|は|も)?$`, then: null }, ...wish],
    },

    // ——— farewells and putting affairs in order ———
    {
      // 「いままで たくさん はなし きいて くれて ありがとう」「長い間お世話になりました」「今までthanks」
      pattern: `(?:今まで|いままで|これまで)の(?:、)?(?:お礼|おれい|感謝)|(?:今まで|いままで|いままれ|いまらで|これまで|長い間|ながいあいだ|長いこと|今迄|最後まで|さいごまで)(?:の(?:こと|事))?(?:、)?(?:(?:本当に|ほんとに|ほんとうに|ほんまに|ほんと|まじで|まじ|たくさん|色々|いろいろ|全部|ぜんぶ)(?:、)?)?(?:${kindAct}(?:くれて|くださって|下さって|もらって|もろて|いただいて|頂いて)(?:、)?(?:本当に|ほんとに|ほんまに)?(?:、)?)?${thanks}`,
      severity: "urgent",
      contexts: [quotedGoodbye, worn, plannedGoodbye, thanksToAThing, ...wish],
    },
    {
      // 「ありがとう。ばいばい」「minna arigatou. gomen ne. bye」
      pattern:
        "ばいばい|バイバイ|(?<![a-z])(?:bye|sayonara|sayounara)(?![a-z])|さらば|あばよ|グッバイ|ぐっばい",
      severity: "urgent",
      contexts: [
        quotedGoodbye,
        worn,
        plannedGoodbye,
        {
          message:
            "今まで|いままで|imamade|ありがと|arigato|ごめん|gomen|最後|さいご|ラスト|last|さよなら|元気でね|げんきでね",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「おかあさんに ありがとうって つたえて」「ごめんなさいって母に言っといてほしい」「弟に、お前は悪くないって伝えて」
      pattern: `(?:ありがとう|ありがと|ごめん|すまん|悪くない|わるくない|愛して|あいして|大好き|だいすき|感謝)(?:なさい|ね|な|してる|してた)?(?:」)?(?:って|と)(?:、)?(?:(?:${family}|みんな|皆)に)?(?:、)?(?:伝え|つたえ|言っと|いっと|言っておい|いっておい)|(?:産んで|うんで|生んで|育てて|そだてて)くれて(?:、)?(?:ありがとう|ありがと|感謝)`,
      severity: "urgent",
      contexts: [
        {
          message:
            "結婚|けっこん|誕生日|たんじょうび|母の日|父の日|成人|記念日|プレゼント|お祝い|おいわい|敬老|還暦|お土産|おみやげ|お菓子|おかし|お礼の品|差し入れ|助かり|たすかり|手伝|てつだ|貸して|かして|送って(?:くれ|もら)|くれた(?:お|から)|面会",
          then: null,
        },
        { before: subjectIs(someoneElse), then: null },
        {
          message: `${family}|みんな|皆|最後|さいご|もう|今まで|いままで|手紙|てがみ`,
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「ゲーム機とソフト、全部弟にあげた。もういらないから」「銀行のカード、母に預けた。もう使わないから」
      pattern:
        "(?:あげ|譲っ|ゆずっ|譲り|ゆずり|渡し|送っ|おくっ|捨て|すて|処分|しょぶん|リサイクル|りさいくる|寄付|きふ|預け|あずけ|売っ|配っ|くばっ|差し上げ|さしあげ|置いと|おいと)(?:た|て|ちゃ|ました|ます|る(?:つもり)?|とい|ておい|ておき|ても|とる|てん|もうた|しもた)|(?:振り込|ふりこ)(?:ん(?:だ|で)|み(?:ました|ます))|(?:全部|ぜんぶ)(?:、)?(?:(?:弟|妹|兄|姉|母|父|友達|ともだち|後輩|先輩)(?:に)?)?(?:、)?やっ(?:た|て(?:ん|もうた|しもた))|(?:弟|妹|兄|姉|母|父|友達|ともだち|後輩|先輩|隣|となり|いとこ|さん|くん|ちゃん)(?:に|さ)(?:、)?やっ(?:た|て(?:くいや|くれ|ください|ほしい))",
      severity: "urgent",
      contexts: [
        movingOn,
        { message: orderedForAfter, then: { severity: "urgent" } },
        {
          message:
            "サイズ|小さく|ちいさく|着なくなった|きなくなった|新しいの|あたらしいの|買い替え|かいかえ|断捨離|だんしゃり|太った|ふとった|痩せた|やせた|プレゼント|誕生日|お土産|おみやげ|おすそわけ|お裾分け|作りすぎ|余った|あまった",
          then: null,
        },
        { message: allNoNeed, then: { severity: "urgent" } },
        givenAwayBenign,
        { message: nothingLeft, then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      // 「通帳と印鑑の場所、メモに書いて母の机に置いた」「妹に通帳渡した。暗証番号も教えた」
      pattern:
        "(?:通帳|つうちょう|印鑑|いんかん|暗証番号|あんしょうばんごう|キャッシュカード|銀行のカード|ぎんこうのかーど)(?:と|や|の)?[^。]{0,14}?(?:渡し|わたし(?=た|て|ま)|預け|あずけ|教え|おしえ|置い|おい(?=た|て)|書い|かい(?=た|て)|あげ)",
      severity: "urgent",
      contexts: [
        {
          message:
            "家賃|やちん|支払|しはらい|払って|はらって|手続き|てつづき|代わりに|かわりに|管理|かんり|入院|記帳|作っ|つくっ|再発行|なくし|無くし|落とし|おとし|忘れ|わすれ|見つか|みつか|詐欺|さぎ|取られ|とられ|盗|お小遣い|給料|振り込まれ|使いすぎ|つかいすぎ|浪費|ろうひ|使われ|つかわれ|勝手に|かってに|残高|ざんだか",
          then: null,
        },
        {
          message: `もう(?:、)?(?:使わ|つかわ|いら|要ら|必要な)|あと(?:の(?:こと|事))?は|後のこと|暗証番号|あんしょう|場所|ばしょ|メモ|めも|全部|ぜんぶ|最後|さいご|今まで|いままで`,
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「もう思い残すことはない」「これで心残りはない」
      pattern:
        "(?:思い残す|おもいのこす|思い残した|心残り|こころのこり)(?:こと|事)?(?:は|も|が)?(?:、)?(?:もう|なにも|何も)?(?:ない|無い|ありません|なし|ねえ|ねー|あらへん)",
      severity: "urgent",
      contexts: [
        {
          message:
            "ライブ|推し|試合|大会|旅行|コンサート|最高|美味|おいし|卒業|引退|優勝|合格|完走|ゲーム|アニメ|イベント|フェス|(?<!死ぬほど)楽しかった",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「携帯の契約を解約しました。これが最後の連絡」「部屋の解約、管理会社に電話した。次の部屋は探してない」
      pattern:
        "(?:携帯|スマホ|すまほ|けいたい|部屋|へや|アパート|家|ライン|line|アカウント|垢|あか|契約)(?:の)?(?:契約)?(?:を|も|は)?(?:、)?(?:[^。]{0,6}?)(?:解約|かいやく)|垢(?:を)?(?:、)?(?:消し|けし|消す|けす|削除)|あかけし",
      severity: "urgent",
      contexts: [
        {
          message:
            "格安|乗り換え|のりかえ|新しい|あたらしい|引っ越|ひっこ|安い|やすい|高い|たかい|mnp|キャリア|プラン|機種変|変えた|かえた|変更|サブスク|ネトフリ|ジム|保険|喧嘩|けんか|炎上|荒らし|あらし|ブロック|裏垢|うらあか|作り直|つくりなお|新垢|ブロック",
          then: null,
        },
        {
          message:
            "最後|さいご|もう(?:、)?(?:用|よう|要ら|いら|使わ|つかわ|必要な)|次の部屋は|探してない|さがしてない|ありがと|今まで|いままで|これで(?:全部|ぜんぶ|もう)|中身|全部消|ぜんぶけ",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「日記、全部燃やした。誰にも読まれないうちに」「パソコンのデータ全部消した。見られたくないものは何もない」
      pattern:
        "(?:中身|なかみ|データ|でた|履歴|りれき|写真|しゃしん|日記|にっき|手紙|てがみ)(?:を|も|は)?(?:、)?(?:全部|ぜんぶ)(?:、)?(?:消し|けし|燃や|もや|捨て|すて|削除|さくじょ|処分)",
      severity: "urgent",
      contexts: [
        {
          message:
            "見られたく|みられたく|読まれ|よまれ|誰にも|だれにも|もう(?:書く|かく|使わ|つかわ|いら|要ら)|解約|かいやく|最後|さいご",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「部屋全部片付けた。何も残ってない」「身辺整理」「借りてたお金、全員に返し終わった。やっと終われる」
      pattern:
        "(?:部屋|へや|身の回り|みのまわり|持ち物|もちもの)(?:を|も|は)?(?:、)?(?:全部|ぜんぶ)?(?:、)?(?:片付け|片づけ|かたづけ|きれいに|綺麗に|整理)|(?:全部|ぜんぶ|全員|ぜんいん|みんな)(?:に)?(?:、)?(?:返し|かえし)(?:た|終わ|おわ|ました|て)|(?:これで|やっと)(?:、)?(?:全部|ぜんぶ)(?:、)?(?:片付い|かたづい|終わ|おわ|済ん|すん)",
      severity: "urgent",
      contexts: [
        { before: `${someoneElse}の[^、]{0,2}$`, then: null },
        {
          message: `${nothingLeft}|終われる|おわれる|これで(?:全部|ぜんぶ|もう)|もう(?:、)?(?:ない|何も|なにも)`,
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「ねこの みーちゃん おねがい します」「猫のこと頼むわ」「金魚の水槽、誰かにもらってほしい」
      pattern: `${pet}(?:の|を|は|、)?(?:[^。]{0,14}?)(?:頼(?!まれ)|たの(?:む|み|ん)|お願い(?!され)|おねがい(?!され)|もらって(?:ほし|くれ)|貰って(?:ほし|くれ)|引き取|ひきと|飼って(?:くれ|もら|ほし)|かって(?:くれ|もら|ほし)|(?:面倒|めんどう)(?:を)?(?:み|見)(?:て(?:ほし|くれ|もら|くださ|け)|れ(?:ない|ん|へん)|られ(?:ない|ん))|(?:世話|せわ)(?:を)?(?:して(?:ほし|くれ|もら|くださ)|でき(?:ない|なく|ん|へん))|だけが気がかり|が気がかり)`,
      severity: "urgent",
      contexts: [
        {
          message:
            "旅行|りょこう|出張|しゅっちょう|帰省|きせい|留守|るす|間だけ|あいだだけ|日だけ|泊|とまり|週末|連休|預か|あずか|ペットホテル|動物病院|病院に連れ|予防接種|トリミング|散歩|さんぽ|飼い始め|飼いたい|かいたい|里親|さとおや|譲渡会|子猫|こねこ|子犬|こいぬ|産んだ|生まれた|探して|さがして|ワクチン|エサやり(?:だけ)?(?:を)?(?:頼|たの)|えさやり",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「もう会えないと思うので」「もう会われへんと思うけど、元気でな」「もう伺うことはありません」
      pattern: `もう(?:、)?(?:二度と)?(?:会え|あえ|会われへん|あわれへん|会えへん|あえへん|会う(?:こと|事)は|あう(?:こと|事)は|会えん|あえん|伺う(?:こと|事)(?:は|も)?|うかがう(?:こと|事)(?:は|も)?|お会いする(?:こと|事)(?:は|も)?|顔を見る(?:こと|事)(?:は|も)?)(?:ない|な(?=い|く|さ)|ません|ありません|へん|ん(?=と|し|$|。|、))|もう(?:、)?(?:ご)?(?:心配|しんぱい|迷惑|めいわく)(?:を)?(?:お)?(?:かけ|掛け)(?:する)?(?:こと|事)は(?:ない|ありません)|${firstPerson}の(?:こと|事)(?:は)?(?:、)?(?:もう)?(?:忘れて|わすれて)(?:ください|下さい|ね|ほしい|いい|(?=$|[。、]))|(?:誰|だれ)の(?:せい|所為)でも(?:ない|ありません)|もう(?:、)?(?:会わ|あわ)(?:ない|へん|ん)(?:だけ|と思|から|し)|もう(?:、)?(?:そばに|側に|一緒に|いっしょに)(?:いられ|おられ|いれ)(?:ない|ません|へん|ん)|(?:会う|あう|会える|あえる|会うの|見るの)(?:の)?(?:が|も)(?:、)?(?:最後|さいご)(?:かも|だ|に|と思|になる)`,
      severity: "urgent",
      contexts: [
        {
          message: "辞めるわけじゃ|やめるわけじゃ|辞めない|やめない",
          then: { severity: "urgent" },
        },
        plannedGoodbye,
        { before: subjectIs(someoneElse), then: null },
        {
          sentence:
            "推し|卒業|引退|解散|転校|転勤|引っ越|ひっこ|亡くな|(?<!い)なくなっ|天国|元気(?!で)|治|なおっ|回復|落ち着|大丈夫になり|就職|決まり",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「もう疲れたから、ここでお別れです」
      pattern:
        "(?:ここで|これで|今日で|きょうで)?(?:、)?(?:お別れ|おわかれ)(?:です|だ|や|します|ね|しましょう|(?=$|[。、]))",
      severity: "urgent",
      contexts: [
        worn,
        plannedGoodbye,
        { before: "(?:と|との|に)(?:、)?$", then: null },
        {
          sentence: "ペット|犬|猫|いぬ|ねこ|祖母|祖父|おばあちゃん|おじいちゃん|会|式|葬",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「もう十分がんばった」「もうここまででいい」「最後にいい思い出できた」
      pattern:
        "もう(?:、)?(?:十分|じゅうぶん|充分)(?:(?:がんば|頑張)った|生きた|いきた|です|だ(?=$|[。、])|(?=$|[。、]))|(?:もう)?(?:、)?ここまで(?:で)?(?:いい|ええ)(?=$|[。、]|や|わ|よ)|(?:最後|さいご)に(?:、)?(?:いい|良い|楽しい|たのしい)?(?:思い出|おもいで)",
      severity: "urgent",
      contexts: [
        plannedGoodbye,
        {
          message: `今まで|いままで|これまで|ありがと|疲れ|つかれ|最後|さいご|終わり|おわり|ごめん|${lifeTalk}`,
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「これが最後の連絡」「さいごの らいん です」「最後のお願いです」「ほんとに さいご」
      pattern:
        "(?:最後|さいご|ラスト|らすと|last)(?:の)?(?:メッセージ|めっせじ|連絡|れんらく|言葉|ことば|ライン|らいん|line|お願い|おねがい|夜|よる|挨拶|あいさつ)|(?:最後|さいご)に(?:、)?(?:ありがとう|ありがと|お礼|おれい|声|こえ|話|はなし|会いた|あいた|言いた|いいた|伝え|つたえ|お手紙|手紙|てがみ)|最後の晩餐|さいごのばんさん|(?:ほんとに|本当に|ほんまに|まじで|ほんと|まじ)(?:、)?(?:最後|さいご|ラスト|last)(?=$|[。、]|です|だ|や|から)|(?:最後|さいご)(?:です|だから|やから|だし|なので|やし|や)(?=$|[。、])|ラストメッセージ|らすとめっせじ",
      severity: "urgent",
      contexts: [
        worn,
        { message: "これ以上(?:、)?(?:ご)?(?:迷惑|めいわく)", then: { severity: "urgent" } },
        plannedGoodbye,
        {
          message:
            "ダイエット|断食|検査|健康診断|シフト|勤務|出勤|研修|旅行|合宿|修学|楽しみ|たのしみ|試合|大会|授業|講座|面接|注文|セール|ライブ|公演|放送|連載|回|話(?:目)?を|試験|テスト|一個|ひとつ|一口|ひとくち|食べ|たべ|飲み会|打ち上げ|質問|確認|機種変|アカウント|新しい|あたらしい|変わる|かわる|引っ越|ひっこ",
          then: null,
        },
        { message: farewellOther, then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      // 「迷惑ばっかかけてごめんやで。もう大丈夫やから」
      pattern:
        "(?:迷惑|めいわく)(?:ばかり|ばっかり|ばっか|ばっかし|ばかし)?(?:を)?(?:、)?(?:かけ|掛け)(?:て|れ|た|てきて|てしまって|てばかりで)(?:、)?(?:本当に|ほんとに|ほんま)?(?:、)?(?:ごめん|すまん|すみません|申し訳)",
      severity: "urgent",
      contexts: [
        {
          message:
            "最後|さいご|今まで|いままで|これまで|小さいころから|ちいさいころから|ずっと|もう(?:、)?(?:大丈夫|だいじょうぶ)(?:やから|だから|けん|じゃけ)|さよなら|ばいばい|元気で|げんきで|もう(?:会え|あえ)",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },

    // ——— self-harm in any form ———
    {
      // 「また切った」「まいにち きってる」「前より深く切る」「切りたい欲やばくて結局切った」
      pattern: `(?:切|き)(?<=(?:また|毎日|まいにち|毎晩|まいばん|ほぼ毎日|深く|ふかく|今日も|きょうも|昨日|きのう|さっき|夜中|よなか|昨夜|先週|今朝|結局|けっきょく|半年ぶりに|久しぶりに|ひさしぶりに|こっそり|隠れて|かくれて|トイレで|といれで|いま|今|いつも|かならず|必ず|だから|わざと|自分で|じぶんで)(?:、)?(?:切|き))${cutTail}`,
      severity: "urgent",
      contexts: cutContexts,
    },
    {
      // 「切りたくなる」「切る回数が増えてる」「切らないと寝れない」「きるの やめられない」
      pattern: `(?:切|${kiKana})り(?:たい|たく)(?:な|て|欲|よく|衝動|しょうどう)|(?:切|${kiKana})る(?:回数|かいすう|量|りょう|頻度|(?:ところ|とこ|場所|ばしょ)(?:が|も)?(?:ない|ねえ|なか|あらへん|ありません)?)|(?:切|${kiKana})った(?:傷|きず|跡|あと(?=が|、|は|も))|(?:切|${kiKana})りたい(?:、|。)?(?:切|き)った|^(?:また|今日も|きょうも)?切った(?=。?$)|(?:切|${kiKana})る(?:の|こと)(?:が|を|も)?(?:、)?(?:やめ|止め|とめ)(?:られ|れ)(?:ない|ん|へん)|(?:切|${kiKana})る(?:の|こと)が(?:始ま|はじま|増え|ふえ|クセ|くせ|癖)|(?:切|${kiKana})らない(?:と|で)(?:、)?(?:寝|ね(?:れ|む|ら)|眠|落ち着|おちつ|いられ)|(?:切|${kiKana})ったら(?:、)?(?:すっきり|楽|らく|落ち着|おちつ)|切(?:っ)?(?:ちゃった|ちまった|てしもた|てしもうた|てもうた)|${kiKana}っ(?:ちゃった|ちまった|てしもた|てしもうた|てもうた)`,
      severity: "urgent",
      contexts: [
        {
          after:
            "^[^。]{0,8}(?:けど|が|でも)(?:、)?[^。]{0,6}(?:我慢|がまん|耐え|たえ|止め|とめ|やめ)(?:でき|られ|た)",
          then: { category: "mood", severity: "high" },
        },
        ...cutContexts,
      ],
    },
    {
      // 「腕ば切ってしもうた」「かみそり で あし きった」「足の見えないところを切ってる」
      pattern: `(?:切|${kiKana})(?<=${cutPlace}(?:を|も|ば|の(?:、)?[^。、]{0,8}(?:を|も))?(?:、)?(?:切|き))${cutTail}`,
      severity: "urgent",
      contexts: [
        doneToThem,
        {
          sentence:
            "ガラス|がらす|転んで|ころんで|転倒|料理|りょうり|怪我|けが|ケガ|うっかり|間違えて|まちがえて|割れ|われ|紙で|かみで|ぶつけて|ささくれ|手術|しゅじゅつ|髪|かみ(?!そり)|爪|つめ|包丁で|ほうちょうで|骨折|こっせつ|事故|じこ|段ボール|ダンボール|だんぼーる|労災|ろうさい|作業中|仕事中|しごとちゅう|開ける|あける",
          then: { category: "health", severity: "low" },
        },
        ...mention,
      ],
    },
    {
      pattern:
        "(?:カミソリ|かみそり|剃刀|カッター|かった(?=で|を|の刃)|刃|ナイフ|ないふ|安全ピン|あんぜんぴん|コンパス|画鋲|がびょう|針|はり(?=で))(?:の刃|の針)?(?:で|を)(?:、)?[^。]{0,8}?(?:切|き)(?:っ|る|り|らない|らん)|(?:カミソリ|かみそり|剃刀|カッター|かったー)(?:の刃)(?:を|、)?(?:[^。]{0,8}?)(?:買|か(?:った|い)|こっそり|隠|かく(?:し|れ))|(?:カミソリ|かみそり|剃刀)(?:を|、)?(?:[^。]{0,6}?)(?:買|か(?:った|い)|こっそり|隠|かく(?:し|れ))|(?:カミソリ|かみそり|カッター|かった(?=を|握))(?:を)?(?:、)?(?:見て|みて|握|にぎ)",
      severity: "urgent",
      contexts: [
        doneToThem,
        {
          message:
            "紙|かみ(?!そり)|段ボール|だんぼーる|ダンボール|工作|梱包|こんぽう|箱|はこ|テープ|野菜|やさい|髪|ひげ|ヒゲ|髭|眉|まゆ|すね毛|ムダ毛|むだ毛|剃|仕事|作業|封筒|袋|ふくろ|布|ぬの|料理|りょうり|肉|魚|果物|くだもの|ケーキ|パン",
          then: null,
        },
        {
          message: `${cutSign}|今夜|こんや|切りたい|きりたい|切りたく|きりたく`,
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「安全ピンで腕刺してる」「コンパスの針で手の甲に字を彫った」
      pattern: `(?:針|はり|ピン|ぴん|コンパス|画鋲|がびょう|カッター|ナイフ|刃)(?:の針|の先)?(?:で)(?:、)?[^。]{0,6}?${bodyPart}(?:を|に)?(?:、)?[^。]{0,4}?(?:刺|さし|さす|彫|ほ(?:った|る|って))`,
      severity: "urgent",
      contexts: [
        doneToThem,
        {
          sentence:
            "注射|ちゅうしゃ|採血|さいけつ|予防|裁縫|さいほう|ミシン|うっかり|間違えて|まちがえて",
          then: { category: "health", severity: "low" },
        },
        ...mention,
      ],
    },
    {
      // 「タバコの火を腕に押しつけた」「ライターで手の甲あぶった」「熱湯を腕にかけた」
      pattern: `(?:タバコ|たばこ|煙草|ライター|らいた|線香|せんこう|熱湯|ねっとう|あついおゆ|熱いお湯|あついおゆ|アイロン|火|ひ(?=を|で))(?:の火)?(?:を|で|、)?[^。]{0,8}?${bodyPart}(?:に|を|で)?(?:、)?(?:押し(?:つけ|付け)|おしつけ|当て|あて|あぶ|炙|焼い|やい|焦が|こが|かけ|受け|うけ)|(?:腕|うで|手首|手|足|あし)(?:を|に)(?:、)?[^。]{0,6}?(?:焼い|やい|あぶっ|炙っ)`,
      severity: "urgent",
      contexts: [
        doneToThem,
        {
          sentence:
            "料理|りょうり|チーズ|寿司|すし|肉|魚|ケーキ|キャンドル|ろうそく|花火|はなび|バーベキュー|bbq|キャンプ|マシュマロ|日焼け|ひやけ|日に焼|日光|うっかり|間違えて|まちがえて|誤って|あやまって|火傷しちゃ|やけどしちゃ|こぼ",
          then: { category: "health", severity: "low" },
        },
        ...mention,
      ],
    },
    {
      // 「かべに あたま ぶつけた」「壁に頭打ちつけて」「頭を叩く癖がひどくなった」「自分の顔を何回も殴った」
      pattern: `(?:壁|かべ|床|ゆか|机|つくえ|柱|はしら)(?:に|へ|で)?(?:、)?(?:頭|あたま|おでこ|額|でこ)(?:を)?(?:、)?[^。]{0,6}?(?:ぶつけ|ぶつへ|打ち(?:つけ|付け)|うちつけ|打って|うって|打っ|ごんごん|ガンガン|がんがん|叩|たた)|(?:頭|あたま|おでこ|でこ)(?:を|が)?(?:、)?[^。]{0,8}?(?:壁|かべ|床|ゆか)(?:に|へ)?(?:、)?(?:何回も|なんかいも|何度も|なんども|ずっと)?(?:ぶつけ|打ち|うち|打っ|うっ)|(?:壁|かべ)(?:を)?(?:、)?(?:(?:殴|なぐ)(?:っ|り(?:ま|続|つづ)|る(?:の|こと|癖|くせ))|パンチ|ぱんち)|(?:自分|じぶん)(?:の|で)(?:、)?(?:${bodyPart}|頭|あたま|顔|かお|ほっぺ|頬)?(?:を)?(?:、)?[^。]{0,4}?(?:叩|たた|殴|なぐ|つね|抓|引っか|ひっか|噛|かん(?=で|だ)|傷つけ|きずつけ)|(?:頭|あたま)(?:を)?(?:、)?(?:叩|たた)(?:く|い)(?:癖|くせ|てた|ている|ちゃう|てしま|(?:の|こと)(?:が|を)?(?:、)?(?:やめ|止め|とめ)(?:られ|れ)(?:ない|ん|へん))`,
      severity: "urgent",
      contexts: [
        doneToThem,
        {
          sentence:
            "寝ぼけ|ねぼけ|うっかり|転んで|ころんで|転んだ|ころんだ|滑|すべ|暗くて|くらくて|よろけ|ドア|どあ|棚|たな|気合|きあい|目を覚ま|眠気|ねむけ|ツッコミ|つっこみ|ボケ",
          then: { category: "health", severity: "low" },
        },
        { before: subjectIs(someoneElse), then: null },
        ...mention,
      ],
    },
    {
      // 「自分で首しめた」「タオルで首しめるの、やめられない」「首にベルト巻いて引っぱってた」
      pattern:
        "(?:首|くび)(?:を)?(?:、)?(?:[^。]{0,6}?)(?:しめ|絞め|締め|閉め)(?!られ|させ)(?:た|て|る|ちゃ|ない|たら|ちゃれんじ|チャレンジ)?",
      severity: "urgent",
      contexts: [
        doneToThem,
        {
          sentence:
            "ネクタイ|マフラー|ボタン|ぼたん|襟|えり|シャツ|寒|さむ|汗|あせ|日焼け|ひやけ|首輪|くびわ|ベルトを|コルセット",
          then: null,
        },
        { before: subjectIs(someoneElse), then: null },
        ...mention,
      ],
    },
    {
      pattern:
        "(?:首|くび)に(?:、)?(?:ベルト|べると|タオル|紐|ひも|ロープ|ろぷ|コード|こど|ネクタイ)(?:を)?(?:、)?(?:巻|ま(?:いて|く|き)|かけ|掛け|つけ)|(?:ベルト|べると|タオル|紐|ひも|ロープ|ろぷ|コード|こど)(?:を)?(?:、)?(?:首|くび)に(?:、)?(?:巻|ま(?:いて|く|き)|かけ|掛け)",
      severity: "urgent",
      contexts: [
        {
          sentence: "作業|寒|さむ|汗|あせ|日焼け|ひやけ|マフラー|お風呂|ふろ|ジム|運動|スポーツ",
          then: null,
        },
        {
          message: "ひっぱ|引っぱ|引っ張|しめ|絞め|締め|苦し|くるし|倒れ|たおれ|意識|いしき",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「腕かきむしって血だらけ」「爪で顔ひっかいた」「手の甲を噛んでしまいます」「自分の腕つねって内出血」
      pattern: `(?:爪|つめ)で(?:、)?${bodyPart}(?:を)?(?:、)?(?:ひっか|引っか|引っ掻|掻きむし|かきむし|えぐ)|(?:掻きむし|かきむし|掻き毟|引っ掻|ひっか(?:い|く|き)|つね(?:っ|る|り)|抓|噛(?:ん|み|む)|(?:かん(?=で|だ)|かい(?:て|た))(?<=${bodyPart}(?:を|、)?(?:かん|かい)))`,
      severity: "urgent",
      contexts: [
        {
          message:
            "わざと|自分で|じぶんで|やめられ|止められ|とめられ|落ち着|おちつ|癖|くせ|止まらな|とまらな|止めきら|血だらけ|ちだらけ|内出血|ないしゅっけつ|爪で|つめで|鏡|かがみ",
          then: { severity: "urgent" },
        },
        {
          message:
            "かゆ|痒|虫刺され|むしさされ|蚊|アトピー|湿疹|しっしん|乾燥|かんそう|かぶれ|じんましん|蕁麻疹|猫|ねこ|犬|いぬ|ご飯|ごはん|食べ|たべ|食事|うっかり|間違って|まちがって|ガム|舌|した(?=を噛|かん)",
          then: null,
        },
        {
          message: "血|(?<=[てでらた]|^)ち(?:が|も|だらけ)|かさぶた",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「血 とまらん」「ち と ま ら な い」: with a cut, or alone
      pattern:
        "(?:血(?<!(?:鼻|はな|歯|は)血)|ち(?<=(?:^|[てでらた。、])ち))(?:ぃ)?(?:が|も)?(?:、)?(?:(?:止まら|とまら|止まん|とまん)(?:ない|なぃ|ん|へん|ねえ)?|とまれへん|止まれへん|出て|でて|出た|でた|出とる|でとる|だらけ|にじ|滲)",
      severity: "urgent",
      contexts: [
        {
          sentence:
            "鼻|はな|歯|はぐき|歯茎|痔|転|ころ|ケガ|けが|怪我|事故|ぶつけ|手術|虫|蚊|ひげ|髭|剃|猫|ねこ|犬|いぬ|ひっかかれ|かまれ|噛まれ|られて",
          then: null,
        },
        {
          message:
            "生理|せいり|鼻|はな(?!し)|献血|採血|血圧|血液|血糖|紙で|かみで|包丁|ほうちょう|料理|りょうり|ささくれ|抜歯|歯医者|はいしゃ|転んで|ころんで|ぶつけ|ケガ|けが|怪我|事故",
          then: null,
        },
        { message: cutSign, then: { severity: "urgent" } },
        { message: "^.{0,12}$", then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      // 「痛くないと生きてる感じがしない」「痛いと落ち着く」「いたい けど らく」
      pattern:
        "(?:痛|いた)(?:く|み)(?:ない|が)(?:と)?(?:、)?(?:生|い)きて(?:る|いる)(?:感じ|実感|気)(?:が)?(?:しない|せん|しません)|(?:痛|いた)(?:い|く)(?:と|て)(?:、)?(?:落ち着|おちつ|安心|あんしん|すっきり|ほっと)|(?:痛|いた)みで(?:落ち着|おちつ|安心|あんしん)|(?:いたい|痛い)(?:けど|けれど|のに)(?:、)?(?:らく|楽(?!し)|すっきり|落ち着|おちつ|安心)",
      severity: "urgent",
      contexts: [
        {
          sentence:
            "マッサージ|まっさじ|ツボ|つぼ|ストレッチ|整体|筋トレ|鍼|はり|お灸|指圧|足つぼ|歯医者|注射|ピアス|掃除|片付け|かたづけ|腰|こし|肩|かた|筋肉|運動|脱毛|抜歯",
          then: null,
        },
        {
          message:
            "切|きっ|たばこ|タバコ|あてた|当てた|押し|おし(?:つけ|付け)|焼|やい|殴|なぐ|叩|たた|首|くび|血|傷|きず|わざと|自分で|じぶんで|痛くないと|いたくないと|生きてる",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「わざと階段から落ちた」「腕ボロボロ」「mata ude kitta」
      pattern:
        "わざと(?:、)?(?:落ち|おち|転|ころ|怪我|けが|ケガ|よけ(?:ない|ず))|(?:階段|かいだん)から(?:、)?わざと|(?:腕|うで|手首|てくび)(?:が|は|も)?(?:、)?(?:ボロボロ|ぼろぼろ|傷だらけ|きずだらけ|血だらけ|ちだらけ)|(?<![a-z])(?:mata|ude|tekubi) ?(?:ude ?)?(?:kitta|kicchatta|kittyatta)(?![a-z])|(?<![a-z])cut ?(?:し|した|しちゃ|してる)|(?<![a-z])(?:self ?harm|cutting)(?![a-z])",
      severity: "urgent",
      contexts: [
        {
          sentence:
            "筋肉痛|きんにくつう|仕事|テニス|日焼け|ひやけ|猫|ねこ|虫|蚊|アトピー|乾燥|ふざけ|冗談|ボケ|ギャグ|やってない|してない|話|カウンセ|counsel",
          then: null,
        },
        ...mention,
      ],
    },
    {
      // 「全部終わらせて、静かに眠りたい」「ぜんぶ おわりにして ゆっくり ねむりたい」
      pattern:
        "(?:終わ|おわ)(?:らせて|りにして)(?:、)?(?:(?:静か|しずか|永遠|えいえん)に(?:、)?(?:眠|ねむ|寝|ね(?=たい|むり))|(?:ゆっくり)?(?:、)?(?:眠|ねむ)り|(?:ゆっくり|静かに|しずかに)(?:、)?(?:寝|ね)(?:たい|たく)|(?:ずっと|ずーっと|永遠に|えいえんに)(?:、)?(?:眠|ねむ|寝|ね|休|やす))",
      severity: "urgent",
      contexts: [taskNearby, ...wish],
    },
    {
      // 「そこで終わらせます」「山の奥で最後にする」「道具はそろえました」
      pattern:
        "(?:そこで|ここで|あそこで)(?:、)?(?:全部|ぜんぶ)?(?:、)?(?:(?:終わら|おわら)せ(?:ます|る|よう|たい)|(?:最後|さいご|終わり|おわり)に(?:する|します|したい))|道具(?:は|も|を)?(?:、)?(?:そろえ|揃え|準備|用意|じゅんび|よい)",
      severity: "urgent",
      contexts: [
        taskNearby,
        {
          message: "工作|料理|キャンプ|引っ越|掃除|大工|diy|DIY|釣り|画材|絵|文房具|新生活|手芸",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「明日まで生きてるかわからない」
      pattern:
        "(?:まで|明日|あした|来週|来月|それまで)(?:、)?(?:生|い)きて(?:る|いる|られる)か(?:わから|分から|わかん|分かん)(?:ない|ん|へん|な)",
      severity: "urgent",
      contexts: wish,
    },
    {
      // 「わたしもそうすればいいんだ」「私もやりたくなって、やった」
      pattern: `(?:そう|ああ|同じ|おなじ)(?<=${firstPerson}も(?:、)?(?:そう|ああ|同じ|おなじ))(?:ように|こと)?(?:を)?(?:しよう|すれば|したい|なりたい|する)|(?:やりたく|したく)(?<=${firstPerson}も(?:、)?(?:やりたく|したく))(?:なって|なった)`,
      severity: "urgent",
      contexts: [
        {
          message:
            "死|しん(?:だ|じゃ)|飛び降り|とびおり|自殺|じさつ|(?<![a-z])od(?![a-z])|リスカ|切|首|くび|消え|きえ",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「またやっちゃった」「じぶんで やった」「わざとやけど」 beside a cut, a burn, a means
      pattern:
        "また(?:、)?(?:やっ(?:た|ちゃった|ちまった|てしまった|てもうた|てしもた)|やり(?:そう|たく))|(?:自分|じぶん)で(?:、)?(?:やった|やって|した)|わざと(?:や|だ|です)(?:けど|けれど|よ|(?=$|[。、]))",
      severity: "urgent",
      contexts: [
        {
          message: `${cutSign}|飛び降り|とびおり|(?<![a-z])od(?![a-z])|首|くび|死|血|あざ|痣|やけど|火傷|薬|くすり|うで|腕`,
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「『死ね』って声…言うとおりにしたほうが楽なのかな」
      pattern: "(?:言う|いう)(?:とおり|通り)に(?:し|す)",
      severity: "urgent",
      contexts: [
        { message: "死ね|しね|消えろ|きえろ|飛び降りろ", then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      // 「道路に飛び出したらどうなるかな」
      pattern:
        "(?:飛び出|とびだ)(?:したら(?:、)?(?:どう|楽|らく|死|しね|終|おわ)|したく(?!な)|そうに|してしまいそう|しちゃいそう)",
      severity: "urgent",
      contexts: [
        {
          sentence:
            "子供|子ども|こども|猫|ねこ|犬|いぬ|危な|あぶな|注意|ちゅうい|家|いえ|部屋|へや|会社|職場",
          then: null,
        },
        {
          message:
            "道路|どうろ|車道|車|くるま|トラック|電車|でんしゃ|線路|せんろ|ホーム|ほむ|踏切|ふみきり",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「橋の上。とびたい」
      pattern: "(?<![空そらをにもで])(?:飛|と)び(?:たい|たく(?!な))",
      severity: "urgent",
      contexts: [
        {
          message:
            "空|そら|鳥|とり|海外|かいがい|旅行|りょこう|飛行機|ひこうき|帰省|ジャンプ|プール|スカイ|パラ|ゲーム|げーむ|夢|ゆめ|家|いえ|実家|会社|仕事|職場|南国|ハワイ|沖縄",
          then: null,
        },
        {
          message:
            "橋|はし|屋上|ビル|ベランダ|ホーム|ほむ|線路|崖|がけ|高い|たかい|窓|まど|階|マンション",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「かわ ふかい ところ どこ」「落ちたら助からないかな」「誰にも迷惑かけずにいける」
      pattern:
        "(?:川|かわ|海|うみ|湖|みずうみ|ダム|だむ|池)(?:の|で|が|、)?(?:一番)?(?:深|ふか)い(?:ところ|とこ|場所|ばしょ)|(?:落ち|おち|飛び降り|とびおり|飛ん|とん)(?:たら|れば)(?:、)?(?:助から|たすから|確実|かくじつ)(?:ない|ん|へん)?",
      severity: "urgent",
      contexts: [
        placeBenign,
        {
          sentence: "釣り|つり|泳|およ|魚|さかな|ボート|カヤック|水深|潜|もぐ|ダイビング",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「ダムの場所調べてた」「屋上まで行けるの確認した」「どのホームがいいか調べてる」
      pattern:
        "(?:ダム|だむ|崖|がけ|岬|みさき|樹海|じゅかい|屋上|おくじょう|高いビル|高い建物|高いマンション|橋|(?<![ぁ-ゖ])はし|ホーム|ほむ|踏切|ふみきり|線路|せんろ)[^。]{0,14}?(?:調べ|しらべ|探して|さがして|確認|かくにん|検索|ググ|ぐぐ)",
      severity: "urgent",
      contexts: [
        {
          message:
            "入れる(?:ところ|とこ)|はいれる(?:ところ|とこ)|鍵が(?:かかって|あいて)|鍵(?:が)?(?:かかってない|開いて)|確実|かくじつ|止まらない|とまらない|通過|誰にも|だれにも|下見|したみ",
          then: { severity: "urgent" },
        },
        placeBenign,
        {
          message:
            "観光|ドライブ|デート|ダムカード|写真|花火|遅延|ちえん|乗り換え|のりかえ|時刻|工事|マンション(?:の)?(?:見学|内見)|物件|引っ越|ひっこ|避難|防災",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「炭とガムテープ買った。部屋の窓ふさぐ」
      pattern:
        "(?:炭|すみ(?=と|を|、)|七輪|しちりん)[^。]{0,10}?(?:ガムテ|がむて|テープ|てぷ|目張り|めばり)|(?:窓|まど|ドア|どあ|隙間|すきま)(?:を)?(?:、)?(?:全部|ぜんぶ)?(?:ふさ|塞|目張り|めばり)",
      severity: "urgent",
      contexts: [
        {
          message:
            "bbq|バーベキュー|キャンプ|焼肉|やきにく|網|あみ|みんなで|週末|魚|さかな|肉|にく",
          then: null,
        },
        {
          message: "炭|すみ(?=と|を|、)|七輪|しちりん|練炭|車内|しゃない",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「今、薬を手に持ってる」
      pattern: `(?:手に|てに|手のひらに|てのひらに)(?<=${drug}(?:を|、)?(?:今|いま)?(?:、)?(?:手に|てに|手のひらに|てのひらに))(?:、)?(?:持って|もって|出し|だし|のせ|乗せ)`,
      severity: "urgent",
      contexts: [
        asPrescribed,
        {
          message: "今|いま|全部|ぜんぶ|たくさん|いっぱい|シート|錠|今夜|こんや|何錠|なんじょう",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「包丁、部屋に持ってきた。今夜やる」
      pattern:
        "(?:今夜|こんや|今日|きょう|明日|あした)(?:、)?(?:やる|実行|じっこう)(?=$|[。、]|わ|よ|から)",
      severity: "urgent",
      contexts: [
        {
          message:
            "包丁|ほうちょう|ナイフ|ないふ|ロープ|ろぷ|薬|くすり|練炭|カッター|首|くび|飛び降り|とびおり|死|しぬ|しね",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「特急が止まらない駅、どのホームがいいか」「快速が止まらないホーム。あそこがいい」
      pattern: "(?:止まらない|とまらない|通過する|つうかする|通過)(?:ホーム|ほむ|駅|えき)",
      severity: "urgent",
      contexts: [
        {
          message: "いい(?:か|と思)|調べ|しらべ|探|さが|端|はし|一番|あそこ|決め|どこ",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「しごと おわったら はし いく」「仕事終わったら海行く。たぶん戻らない」
      pattern:
        "(?:橋|(?<!わた|あた|ぼく|おれ|うち)はし|海|うみ|川|(?<![ぁ-ゖ])かわ|崖|がけ|ダム|だむ|樹海|岬|みさき)(?:の(?:方|ほう|奥|おく))?(?:に|へ|まで)?(?:、)?(?:行|い)(?:く|きます|ってくる|こう)(?=$|[。、]|わ|ね)",
      severity: "urgent",
      contexts: [
        placeBenign,
        { message: placeAlone, then: { severity: "urgent" } },
        {
          message: "^[^。]{0,10}(?:橋|はし)(?:に|へ|まで)?(?:行|い)く。?$",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「川のとこさ来てる」「海に来た」 (with something heavy, or alone)
      pattern:
        "(?:海|うみ|川|(?<![ぁ-ゖ])かわ|港|みなと|岸壁|崖|がけ|ダム|湖|樹海|岬|みさき)(?:の(?:とこ|ところ|近く|ちかく|前|まえ|そば|上|うえ))?(?:に|へ|さ|まで)(?:、)?(?:来|き(?:た|て|ました|とる)|着い|つい(?:た|て)|いる|おる)",
      severity: "urgent",
      contexts: [
        placeBenign,
        { message: placeAlone, then: { severity: "urgent" } },
        { message: "^.{0,12}$", then: { severity: "urgent" } },
        { then: null },
      ],
    },
    {
      // 「遺品整理ってどうやって頼むの？自分の分」「身辺整理」「終活」
      pattern:
        "身辺整理|しんぺんせいり|遺品(?:の)?整理|いひん(?:の)?せいり|終活|しゅうかつ(?=$|[。、]|して|を|し(?:よう|てる|てい))",
      severity: "urgent",
      contexts: [
        { before: `${someoneElse}の[^、]{0,2}$`, then: null },
        {
          message:
            "自分の(?:分|ぶん|もの|物)|じぶんの(?:ぶん|もの)|(?:私|わたし|僕|ぼく|俺|おれ)の(?:分|ぶん|もの|物)",
          then: { severity: "urgent" },
        },
        {
          message: "祖母|祖父|おばあちゃん|おじいちゃん|親の|母の|父の|実家|セミナー|講座|番組",
          then: null,
        },
        ...mention,
      ],
    },
    {
      // 「誰にも迷惑かけずにいけるかな」「わたしもいっしょに行きたい」 (beside a death)
      pattern: `(?:迷惑|めいわく)(?:を)?(?:かけ|掛け)(?:ず|ない(?:で|よう))(?:に)?[^。]{0,8}?(?:いける|行ける|死ね|しね|消え|きえ|終われ|おわれ|逝け)|${firstPerson}も(?:、)?(?:一緒|いっしょ)に(?:、)?(?:行|い|逝)き(?:たい|たく)`,
      severity: "urgent",
      contexts: [
        {
          message:
            "旅行|りょこう|ライブ|遊び|あそび|買い物|かいもの|ご飯|ごはん|映画|えいが|温泉|おんせん",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「寝る前のぶんを半分だけ飲んで残りを貯めてて」「たくさん飲むと眠れるやつ」
      pattern:
        "残り(?:を|は)?(?:、)?(?:ため|貯め|溜め|取って|とって)|(?:ずっと|こっそり|少しずつ|すこしずつ)(?:、)?(?:ため|貯め|溜め)(?:て|た|込|こ)|(?:たくさん|いっぱい|大量に|まとめて)(?:、)?(?:飲|の)む(?:と|ば)(?:、)?(?:眠|ねむ|死|しね|楽|らく|起き|おき)",
      severity: "urgent",
      contexts: [
        {
          sentence:
            "お金|おかね|金|ポイント|円|貯金|ちょきん|お酒|おさけ|酒|ビール|水|みず|お茶|コーヒー",
          then: null,
        },
        {
          message: "薬|くすり|錠|眠剤|みんざい|睡眠|咳止め|せきどめ",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「ずっと眠りたい」「ねむりたい ずっと」「ずっとねれたらいい」
      pattern:
        "(?:ずっと|ずーっと|このまま|そのまま)(?:、)?(?:眠|ねむ)り(?:たい|つづけたい)|(?:眠|ねむ)りたい(?:、|。)?(?:ずっと|ずーっと)(?=$|[。、])|(?:ずっと|ずーっと|永遠に|えいえんに)(?:、)?(?:眠|ねむ|寝|ね)(?:れ|られ|って(?:い)?られ)たら(?:、)?(?:いい|ええ)",
      severity: "urgent",
      contexts: [lieIn, ...wish],
    },
    {
      // 「もう連絡しません」「明日から連絡しなくて大丈夫です」「もう心配しなくていいですよ」 beside thanks
      pattern:
        "もう(?:、)?(?:連絡|れんらく)(?:は|も)?(?:、)?(?:する(?:こと|事)(?:は|も)?(?:ない|ありません)|しない|しません|できない|できません)|(?:連絡|れんらく)(?:は|も)?(?:、)?(?:しなくて|せんで)(?:も)?(?:、)?(?:大丈夫|だいじょうぶ|いい|ええ)|もう(?:、)?(?:心配|しんぱい)(?:は|も)?(?:、)?(?:しなくて|せんで|いらない|いらん)|これ以上(?:、)?(?:ご)?(?:迷惑|めいわく)(?:は|を)?(?:お)?(?:かけ|掛け)(?:ません|ない(?:ように|よう|から))|(?:面談|支援|連絡|相談|サポート|以降)(?:も|は)?(?:、)?(?:もう)?(?:、)?(?:必要|ひつよう)(?:ありません|ない|なくな)|もう(?:、)?(?:使う|つかう|着る|読む|よむ)(?:人|ひと)(?:が|も)?(?:、)?(?:いなくな|いない|おらん)|これで(?:、)?(?:安心|あんしん)して(?:、)?(?:行|い|逝)ける(?=$|[。、]|わ|よ|ね)|あと(?:の(?:こと|事))?は(?:、)?(?:誰か|だれか)?(?:、)?(?:よろしく|頼|たの(?:む|み|ん)|お願い|おねがい)",
      severity: "urgent",
      contexts: [
        worn,
        {
          message: "宝物|たからもの|安心して(?:行|い|逝)ける|あんしんして(?:い|行|逝)ける",
          then: { severity: "urgent" },
        },
        plannedGoodbye,
        { before: subjectIs(someoneElse), then: null },
        {
          message:
            "シフト|引き継ぎ|ひきつぎ|ケンカ|けんか|喧嘩|彼氏|彼女|元カレ|元カノ|ブロック|気をつけ|きをつけ|反省",
          then: null,
        },
        {
          message: `今まで|いままで|これまで|ありがと|感謝|最後|さいご|元気で|げんきで|お世話|おせわ|もう(?:、)?(?:会え|あえ)|猫|ねこ|犬|いぬ|通帳|鍵|かぎ|ごめん|宝物|迷惑|めいわく|${lifeTalk}`,
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「ごめん、もう疲れたわ。みんなさんきゅ」
      pattern:
        "(?:みんな|皆|皆さん|みなさん|minna)(?:、)?(?:本当に|ほんとに)?(?:、)?(?:ありがとう|ありがと|さんきゅ|サンキュー|thanks|arigato)",
      severity: "urgent",
      contexts: [
        quotedGoodbye,
        worn,
        plannedGoodbye,
        {
          message:
            "最後|さいご|今まで|いままで|さよなら|ばいばい|もう(?:、)?(?:会え|あえ|連絡)|元気でね|げんきでね|ごめん|gomen",
          then: { severity: "urgent" },
        },
        { then: null },
      ],
    },
    {
      // 「推しグッズ全部譲った。人生もおわり」 (not 「人生オワタｗ」)
      pattern:
        "(?:人生|じんせい)(?:も|は)?(?:、)?(?:もう)?(?:終わ|おわ)り(?=$|[。、]|や|だ|です|にする|にします)",
      severity: "urgent",
      contexts: [
        {
          message:
            "笑|(?<![a-z])w|草|オワタ|おわた|詰ん|つん|ゲーム|げーむ|テスト|寝坊|ねぼう|財布",
          then: null,
        },
        ...wish,
      ],
    },
    {
      // 「ぼくがいなくなっても読めるように」「私が死んだ後」
      pattern: `(?:いなくなった|死んだ|しんだ|消えた)(?:後|あと)(?<=${firstPerson}(?:が|は)?(?:、)?(?:いなくなった|死んだ|しんだ|消えた)(?:後|あと))|(?:いなくなっ|死ん|しん|消え)(?:ても|でも)(?<=${firstPerson}(?:が|は)?(?:、)?(?:いなくなっ|死ん|しん|消え)(?:ても|でも))(?:、)?[^。]{0,8}(?:ように|よう)`,
      severity: "urgent",
      contexts: [
        taskNearby,
        plannedGoodbye,
        {
          message: "休み|やすみ|休暇|出張|入院|旅行|引き継ぎ|ひきつぎ|マニュアル|留守",
          then: null,
        },
        ...wish,
      ],
    },
    ...secondPass.map(apart),
  ]),
};
