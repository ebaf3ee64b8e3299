// The context patterns every phrase table shares (`general`): the past, fiction, someone else, making small.
import { foldPattern } from "./fold";
import {
  character,
  ended,
  family,
  firstPerson,
  lessOften,
  longAgo,
  meansGivenUp,
  neighbourhood,
  notOver,
  pet,
  petAfterOwner,
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
import { anyOf } from "./rules";

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
export const general = {
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
