// Phrases of violence, threats, confinement, neglect and sexual violence against the person (abuse).
import { family, fiction, netPlaces } from "./fragments";
import { type Context, type PhraseTable } from "./rules";

const longAgo =
  "(?:昔|むかし|以前|学生の頃|子どもの頃|子供の頃|こどもの頃|小さい頃|小学|中学|高校|前の会社|前の職場|[0-9]+年前)";
const notReal: Context = { sentence: `${fiction}(?:で|の|では|を見)`, then: null };
const inThePast: Context = { sentence: longAgo, then: { severity: "high" } };
const onTheNet: Context = { sentence: netPlaces, then: { category: "sns", severity: "high" } };

export const abuseTable: PhraseTable = {
  category: "abuse",
  rules: [
    {
      pattern:
        "(?:殴|なぐ)られ|(?:叩|たた)かれ|ぶたれ|蹴られ|(?:に|から)けられ|(?:首|くび)(?:を)?(?:絞め|しめ)られ|(?:突き飛ば|つきとば|押し倒|おしたお)され|(?:物|もの|皿|コップ)(?:を)?(?:投げ|なげ)(?:られ|つけられ|てくる|つけてくる)|(?:髪|かみ)(?:の毛)?(?:を)?(?:引っ張|ひっぱ|掴ま|つかま)(?:られ|れ)|(?:閉じ込め|とじこめ)られ|監禁",
      severity: "urgent",
      contexts: [{ before: "肩(?:を)?$", then: null }, notReal, onTheNet, inThePast],
    },
    {
      pattern:
        "(?:暴力(?!団)|ぼうりょく)(?:を|は|も)?(?:振る|ふる)?(?:われ|って)?|(?<![a-z])dv(?![a-z])|ドメスティックバイオレンス|虐待|ぎゃくたい|痣|(?:あざ|アザ)(?:が|だらけ|ができ)|(?:包丁|刃物|ナイフ|はもの)(?:を)?(?:向け|むけ|突きつけ|つきつけ|持ち出|振り回)",
      severity: "urgent",
      contexts: [
        notReal,
        { after: "^(?:予防|防止|対策|の(?:ニュース|記事))", then: null },
        inThePast,
      ],
    },
    {
      pattern:
        "(?:殺|ころ)され(?:る|そう|かけ|ちゃう)|(?:殺|ころ)す(?:ぞ)?(?:って|と)(?:言|い)われ|(?:殺|ころ)すと(?:脅|おど)",
      severity: "urgent",
      contexts: [
        notReal,
        { after: "^[^。]{0,4}(?:笑|w|草)", then: null },
        { before: "(?:過労|仕事|残業|忙しさ|暑さ|寒さ)(?:で|に)[^、]{0,4}$", then: null },
        inThePast,
      ],
    },
    {
      pattern:
        "(?:無理やり|むりやり|無理矢理)(?:触|さわ|脱が|ぬが|キス|きす|やら|関係|連れ)|性的(?:な)?(?:こと|暴力|虐待|嫌がらせ|被害)|レイプ|(?:襲|おそ)われ",
      severity: "urgent",
      contexts: [
        notReal,
        { before: "(?:眠気|睡魔|不安|恐怖|蚊|虫|痛み|腹痛|衝動|波)(?:に)?[^、]{0,2}$", then: null },
        inThePast,
      ],
    },
    {
      pattern:
        "(?:体|からだ|胸|むね|お尻|おしり|下着)(?:を)?(?:触|さわ)られ|セクハラ|痴漢|ちかん(?:され|にあ)|ストーカー|(?:付|つ)きまと(?:われ|い)|(?:後|あと)を(?:つけ|付け)られ|盗撮|モラハラ|精神的虐待|暴言",
      severity: "high",
      contexts: [notReal],
    },
    {
      pattern:
        "(?:死|し|氏|4|タヒ)ね」?(?:って|と)(?:言|い)われ|(?:脅|おど)され|(?:脅迫|きょうはく)され",
      severity: "high",
      contexts: [onTheNet],
    },
    {
      pattern:
        "(?:お金|(?<!\\p{sc=Han})金|給料|年金|貯金|お小遣い|おこづかい|手帳|通帳|キャッシュカード|スマホ|携帯)(?:を|も)?(?:全部|ぜんぶ|勝手に|いつも|毎月)?(?:取られ|とられ|盗られ|取り上げられ|とりあげられ|勝手に使われ|勝手につかわれ|使い込まれ|巻き上げられ|管理されて)",
      severity: "high",
      contexts: [
        onTheNet,
        { sentence: "(?:詐欺|さぎ|騙|だま)", then: { category: "sns", severity: "high" } },
      ],
    },
    {
      pattern: `(?:年金|給料|お金)(?:を)?${family}(?:が|に)(?:勝手に)?(?:使|つか)|${family}(?:が|は|に)?(?:毎日|いつも|すぐ|また|お酒を飲むと|酔うと)?(?:怒鳴|どな)(?:る|って)|${family}(?:が|は)[^。、]{0,10}(?:暴れ|あばれ)`,
      severity: "high",
      contexts: [inThePast],
    },
    {
      pattern:
        "(?:ご飯|ごはん|食事)(?:を)?(?:もらえない|食べさせてもらえない|くれない|抜かれ)|家に入れてもらえない|(?:閉め出|しめだ)され|(?:外|そと)に出(?:して|させて)もらえない",
      severity: "high",
      negatable: false,
    },
    {
      pattern:
        "給料(?:が|を)?(?:払われ(?:て)?(?:い)?ない|支払われ(?:て)?(?:い)?ない|もらえ(?:て)?(?:い)?ない|出(?:て)?(?:い)?ない|未払い)|給料(?:を|が)?(?:払って|はらって)(?:くれ|もらえ)(?:ない|てない)|賃金(?:の)?未払い|ただ働き|タダ働き",
      severity: "high",
      negatable: false,
    },
  ],
};
