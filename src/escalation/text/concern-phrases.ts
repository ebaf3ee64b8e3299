// Phrases for everything short of a risk to life: abuse, work, health, money, home, family, the net.
import { family, fiction, netPlaces, subjectIs, workplace } from "./fragments";
import { anyOf, type Context, type PhraseTable } from "./rules";

const schoolDays = anyOf(
  "学生の頃",
  "学生時代",
  "子どもの頃",
  "子供の頃",
  "小さい頃",
  "小学",
  "中学",
  "高校",
  "学校で",
  "昔",
);
const notReal: Context = { sentence: `${fiction}(?:で|の|では|を見)`, then: null };
const byFamily: Context = {
  before: `${family}(?:に|から|が)`,
  then: { category: "abuse", severity: "high" },
};
const onTheNet: Context = { sentence: netPlaces, then: { category: "sns", severity: "high" } };
const oftenOrAlways = anyOf(
  "毎日",
  "いつも",
  "ずっと",
  "ばかり",
  "ばっかり",
  "ばっか",
  "また",
  "何度も",
  "しょっちゅう",
);
/** Job, not a habit or a hobby, is what the person wants to leave. */
const notAJob: Context = {
  before: `${anyOf("たばこ", "タバコ", "煙草", "酒", "お酒", "ゲーム", "ダイエット", "習い事", "ジム", "部活", "塾", "スマホ", "夜更かし", "甘いもの", "ガチャ", "課金")}(?:を|は|も)?[^、]{0,4}$`,
  then: null,
};
const jobWords = anyOf("会社", "仕事", "しごと", "職場", "バイト", "パート", "工場");
const notGoing = anyOf("行かない", "いかない", "行きません", "いきません", "行かないことに");
const workWords = anyOf(jobWords, "ここ", "今のところ", "今の店");

const quittingTable: PhraseTable = {
  category: "quitting",
  rules: [
    {
      pattern:
        "辞めたい|辞めたく(?!な(?:い|かっ|く))|辞めようかな|辞めようと|退職(?:したい|を考え|しようか)|転職(?:したい|しようか|しようと|を考え)",
      severity: "normal",
      contexts: [notAJob],
    },
    {
      pattern: `${workWords}(?:を|は|も)?(?:、)?(?:もう)?(?:やめ|辞め)(?:たい|たく(?!な(?:い|かっ|く))|ようかな|ようと)`,
      severity: "normal",
    },
    {
      pattern:
        "辞めます|辞める(?:つもり|予定|と思|って決め|しかない|ことにし|と決め|ことになり)|退職(?:します|する|届|願|代行)|辞表|辞めることに|(?:辞|や)めてきた",
      severity: "high",
      contexts: [notAJob],
    },
    {
      pattern: `${jobWords}(?:を|は)?(?:、)?(?:辞|や)め(?:た|ちゃった|てしまった|ました|ます)(?!い|く|ら|ほう|方)`,
      severity: "high",
      contexts: [{ before: "(?:前の|以前|昔)[^、]{0,4}$", then: null }],
    },
    {
      pattern: `${jobWords}(?:を|は)?(?:、)?(?:もう)?(?:辞|や)める(?=$|[。、]|わ|よ|ね|って|から|こと|つもり|かも)`,
      severity: "high",
    },
    {
      pattern: `${jobWords}(?:を|は)?(?:辞|や)めて(?!ほし|もいい|いい|も|から)`,
      severity: "high",
      contexts: [{ before: "(?:前の|以前|昔)[^、]{0,4}$", then: null }],
    },
    {
      pattern: `(?:明日から|あしたから|来週から|二度と|もう)(?:、)?${jobWords}(?:に|へ|には)?(?:もう)?${notGoing}|${jobWords}(?:に|へ|には)?(?:もう|二度と)${notGoing}|(?:明日から|あしたから|来週から)(?:もう)?${notGoing}`,
      severity: "high",
      negatable: false,
    },
    {
      pattern:
        "(?:クビ|くび|首)に(?:なっ|され)|解雇|雇い止め|契約(?:を)?(?:切られ|打ち切|更新(?:されない|しない|なし))",
      severity: "high",
    },
  ],
};

const workplaceTable: PhraseTable = {
  category: "workplace",
  rules: [
    {
      pattern:
        "パワハラ|いじめ|イジメ|虐め|嫌がらせ|いやがらせ|仲間はずれ|仲間外れ|ハブられ|のけもの|陰口|(?:悪口|嫌味|いやみ)(?:ばかり|ばっかり)?(?:を)?(?:言われ|いわれ|言って|いって)|(?:バカ|ばか|馬鹿)にされ|(?:辞|や)めろ(?:って|と)(?:言|い)われ",
      severity: "high",
      contexts: [
        notReal,
        byFamily,
        onTheNet,
        { sentence: schoolDays, then: { category: "mood", severity: "normal" } },
      ],
    },
    {
      pattern: "(?:怒鳴|どな)られ|(?<!既読|未読)(?:無視|むし)され",
      severity: "high",
      contexts: [
        byFamily,
        { before: family, then: { category: "family", severity: "normal" } },
        { sentence: "(?:line|ライン)(?:で|の)", then: { category: "sns", severity: "normal" } },
      ],
    },
    {
      pattern: "(?:怒|おこ)られ|(?:叱|しか)られ|注意され",
      severity: "low",
      contexts: [
        { before: `${family}(?:に|から)`, then: null },
        { sentence: oftenOrAlways, then: { severity: "normal" } },
      ],
    },
    {
      pattern: `人間関係(?:が|で|に)?(?:悪|わる|つら|辛|しんど|うまくいかない|上手くいかない|最悪|悩|なや|むずかし|難し)|${workplace}(?:が|と|の)(?:こと)?(?:が)?(?:怖|こわ|合わない|あわない|苦手|にがて|きつ|嫌|いや|冷たい|つめたい)`,
      severity: "normal",
    },
    {
      pattern: `(?:職場|会社|仕事場|現場)(?:に|で)?(?:は)?(?:居場所|いばしょ)(?:が)?(?:ない)|(?:職場|会社)で(?:浮いて|孤立|ひとりぼっち|一人ぼっち)|(?:職場|会社)(?:の)?(?:雰囲気|空気)(?:が)?(?:悪|わる|最悪|つら)|相談できる人が(?:職場に)?いない`,
      severity: "normal",
      negatable: false,
    },
  ],
};

const healthTable: PhraseTable = {
  category: "health",
  rules: [
    {
      pattern:
        "眠れ(?:ない|なく|てない|ていない|ず)|ねむれ(?:ない|なく|てない)|寝れ(?:ない|なく|てない)|ねれ(?:ない|てない)|寝られない|寝付けない|寝つけない|不眠|夜中に(?:何度も)?目が覚め",
      severity: "normal",
      negatable: false,
      contexts: [
        {
          before:
            "(?:楽しみ|たのしみ|わくわく|ワクワク|興奮|うれし|嬉し)(?:で|すぎて|して)?[^、]{0,3}$",
          then: null,
        },
        { before: "(?:暑|あつ|寒|さむ)(?:くて|すぎて)[^、]{0,3}$", then: { severity: "low" } },
      ],
    },
    {
      pattern:
        "体調(?:が|を|も)?(?:悪い|悪く(?!ない)|悪か|わるい|わるく(?!ない)|わるか|崩|くず|すぐれない|不良|イマイチ|いまいち|微妙|よくない|良くない)|具合(?:が)?(?:悪い|悪く(?!ない)|わるい)|気分が悪い",
      severity: "normal",
      contexts: [{ before: subjectIs(family), then: { category: "family", severity: "normal" } }],
    },
    {
      pattern:
        "熱(?:が|も)?(?:ある|出|でた|下がらない|さがらない|っぽい)|[0-9]+(?:\\.[0-9])?度(?:の熱|ある|出|超え)|熱中症|インフル|コロナ(?:に)?(?:なっ|かかっ|陽性)|風邪(?:を)?(?:ひ|引)|かぜ(?:を)?(?:ひい|引い)",
      severity: "normal",
      contexts: [{ before: subjectIs(family), then: { category: "family", severity: "normal" } }],
    },
    {
      pattern:
        "(?:頭|あたま|お腹|おなか|腹|はら|胃|歯|腰|背中|胸|むね|足|膝|ひざ|肩|喉|のど|耳|関節|全身|体|からだ|手首|腕|手|指)(?:が|も)?(?:すごく|ずっと|めっちゃ)?(?:痛|いた)(?:い|く|む|かった|み)|頭痛(?!薬)|腹痛|腰痛|偏頭痛|吐き気|はきけ|吐いた|嘔吐|めまい|目眩|ふらふら|ふらつ|動悸|息苦し|しびれ|震えが止まらない|食欲(?:が)?(?:ない|なく)|(?:ご飯|ごはん)(?:が|も)?(?:あまり|あんまり)?(?:食べられ|食べれ|喉を通ら)(?:ない|なく)|体重(?:が)?(?:[0-9]+キロ)?(?:減|へっ|増|ふえ)|何も食べ(?:て|られ|れ)(?:い)?ない|起きられない|起きれない|体がだるい|体が重い",
      severity: "normal",
      negatable: false,
      contexts: [{ before: subjectIs(family), then: { category: "family", severity: "normal" } }],
    },
    {
      pattern:
        "入院|救急車|救急|(?<!木が|木も|棚が|自転車が)倒れ(?:た|ちゃ|て)|意識(?:が)?(?:ない|なくな|飛)|手術|過呼吸|発作|けいれん|痙攣|骨折",
      severity: "high",
      contexts: [
        {
          before: subjectIs(family, "が|は|も|の"),
          then: { category: "family", severity: "normal" },
        },
        { sentence: `${fiction}(?:で|の|では)`, then: null },
      ],
    },
    {
      pattern:
        "(?:病院|通院|受診|診察|クリニック|主治医|カウンセリング)(?:に|へ|を)?(?:も)?(?:行けてない|いけてない|行けなかった|行ってない|いってない|やめ|サボ|さぼ)|(?:病院|通院|受診)(?:して|でき)(?:い)?ない",
      severity: "normal",
      negatable: false,
    },
    {
      pattern:
        "(?:病院|通院|受診|診察|精神科|心療内科|主治医|デイケア|カウンセリング)|ケガ|怪我|けがをし|けがした|やけど|火傷|寝不足|寝すぎ",
      severity: "low",
      contexts: [{ before: subjectIs(family, "が|は|も|の"), then: null }],
    },
  ],
};

const medicationTable: PhraseTable = {
  category: "medication",
  rules: [
    {
      pattern:
        "(?:薬|くすり)(?:を|は|も|が)?(?:ずっと|最近|もう|全然|ぜんぜん|しばらく|全部|ぜんぶ)?(?:飲んで(?:い)?な|のんで(?:い)?な|飲んでません|飲めてない|のめてない|飲めていない|飲まなくな|のまなくな|飲まないで|切れ|きれ|なくなっ|無くなっ|もらいに行けて|やめ|止め|勝手にやめ|捨て|すて|飲みたくない|のみたくない|減らし|へらし|合わない|あわない)|副作用",
      severity: "normal",
      negatable: false,
      contexts: [{ before: subjectIs(family), then: { category: "family", severity: "normal" } }],
    },
    {
      pattern:
        "(?:薬|くすり)(?:を|の)?(?:飲み忘れ|のみわすれ|(?:飲む|のむ)の(?:を)?(?:忘れ|わすれ))|飲み忘れ|のみわすれ",
      severity: "low",
      contexts: [
        {
          sentence: `${oftenOrAlways}|[0-9]+日|何日|なんにち|多い|よく`,
          then: { severity: "normal" },
        },
      ],
    },
    {
      pattern: "(?:間違えて|まちがえて)(?:2|二)(?:回|度)(?:飲|の)|(?:2|二)回(?:分)?(?:飲|の)んじゃ",
      severity: "normal",
    },
  ],
};

const mildCause = `${anyOf(
  "暑さ",
  "寒さ",
  "暑",
  "寒",
  "花粉",
  "朝",
  "早起き",
  "満員電車",
  "雨",
  "月曜",
  "筋肉痛",
  "筋トレ",
  "二日酔い",
  "ダイエット",
  "坂",
  "階段",
)}(?:が|は|って|で|くて|すぎて)?[^、]{0,2}$`;
/** A sad film is a feeling about a story; the news is not (it can hit hard). */
const fictionShown = anyOf(
  "ドラマ",
  "映画",
  "えいが",
  "アニメ",
  "漫画",
  "まんが",
  "小説",
  "ゲーム",
  "最終回",
);
/** Pain or side effects that make a day 「つらい」 belong to health or medication, which catch them. */
const bodilyCause = anyOf(
  "副作用",
  "痛み",
  "頭痛",
  "腹痛",
  "腰痛",
  "熱",
  "咳",
  "症状",
  "腰",
  "肩",
  "痛くて",
  "いたくて",
);
const food = anyOf(
  "もの",
  "物",
  "カレー",
  "ラーメン",
  "料理",
  "キムチ",
  "麻婆",
  "唐辛子",
  "わさび",
  "からし",
  "味",
  "激辛",
  "辛口",
  "食べ",
  "スープ",
  "ソース",
);

const moodTable: PhraseTable = {
  category: "mood",
  rules: [
    // hopelessness short of a wish to die
    {
      pattern:
        "絶望|希望がない|希望(?:も)?(?:持て|もて)ない|生きづら|誰も(?:助けて|わかって|分かって)くれない|何もかも(?:どうでもいい|いや|嫌)|(?:全部|ぜんぶ)(?:どうでもいい|いや|嫌)(?:になった)?|楽になりたい|らくになりたい|もう(?:何も)?(?:できない|がんばれない|頑張れない)|(?:自分|私|わたし|僕|俺)(?:なんか|なんて)(?:いらない|必要ない|価値がない|ダメ|だめ)",
      severity: "high",
    },
    {
      pattern: "もう限界|限界(?:です|かも|だ|。|$)",
      severity: "high",
      contexts: [
        {
          before: "(?:眠気|ねむけ|お腹|空腹|体力|膀胱|トイレ|眠さ)(?:が|の|も)?[^、]{0,3}$",
          then: null,
        },
      ],
    },
    {
      pattern: "(?:助けて|たすけて)(?!もら|あげ|いただ|くれた|くれて|くれる)",
      severity: "high",
      contexts: [
        {
          before: "(?:宿題|課題|作業|これ|パソコン|pc|スマホ|使い方)(?:を|が|の)?[^、]{0,3}$",
          then: null,
        },
      ],
    },
    // low mood
    {
      pattern:
        "(?:つら|ツラ)(?:い|く|かった|すぎ|み)|しんど(?:い|く|かった|すぎ)|(?<!息)苦し(?:い|く|かった)|(?<!息)くるし(?:い|く)|落ち込|おちこ|憂鬱|ゆううつ|鬱(?!陶)|うつ(?:病|っぽ|状態|になり)|気分(?:が)?(?:沈|落ち|最悪|さいあく|どん底)|涙が止まらない|泣いて(?:ばかり|ばっか|しまう)|泣けてくる|泣きたい|悲し(?:い|く|かった)|かなし(?:い|く|かった)|寂しい|さみしい|さびしい|孤独|ひとりぼっち|一人ぼっち|不安|ふあん|心配で(?:眠れない|ねむれない|寝れない|たまらない)|イライラ|いらいら|やる気(?:が)?(?:出ない|でない|起きない)|何もしたくない|なにもしたくない|無気力|病んで|病み(?!上が|あが)|やんでる|メンタル(?:が)?(?:やば|ヤバ|弱|崩|落ち|死)|もう無理|もうむり|もう(?:いやだ|嫌だ|やだ)|パニック",
      severity: "normal",
      contexts: [
        { before: `${bodilyCause}(?:が|で|は)?$`, then: null },
        {
          before: "(?:財布|さいふ|懐|ふところ)(?:の中身)?(?:が|も)?$",
          then: { category: "money", severity: "low" },
        },
        { before: "生活(?:が|も)?$", then: null },
        { sentence: `${fictionShown}(?:で|の|では|を見)`, then: { severity: "low" } },
        { before: mildCause, then: { severity: "low" } },
        {
          before: `${anyOf("別れ", "引っ越し", "卒業", "最終回", "終わっ")}[^、]{0,6}$`,
          then: { severity: "low" },
        },
        { before: "(?:楽しみ|たのしみ|わくわく)[^、]{0,4}$", then: null },
        {
          sentence: "(?:お腹|おなか)いっぱい|食べ(?:られ|れ)ない|飲めない|眠い|ねむい",
          after: "^$|^[^。]{0,12}$",
          then: null,
        },
        { sentence: "乗り切|のりき|けど楽しかった|けどたのしかった", then: { severity: "low" } },
      ],
    },
    {
      pattern: "(?<!香|甘|塩|激|ピリ)辛(?:い|く|かった|すぎ)",
      severity: "normal",
      contexts: [
        { sentence: food, then: null },
        { before: mildCause, then: { severity: "low" } },
      ],
    },
    {
      pattern: "(?:もう)?疲れ(?:果て|はて|切っ|きっ|が取れない|がとれない)|もう疲れ(?:た|ました)",
      severity: "low",
    },
    {
      pattern:
        "(?:恥ずかし|はずかし)(?:くて|すぎて)[^、]{0,6}(?:消えたい|穴があったら)|穴があったら入りたい",
      severity: "low",
    },
    // anger at someone, grief
    {
      pattern: "(?<!自)(?:殺|ころ)し(?:たい|てやりたい|てやる)",
      severity: "high",
      contexts: [{ after: "^[^。]{0,4}(?:笑|w|草)", then: null }, notReal],
    },
    {
      pattern:
        "(?:犬|猫|ねこ|いぬ|ペット|うさぎ|ハムスター|インコ|友達|友人|親友)(?:が|も)?(?:死んだ|死んじゃ|しんだ|亡くなっ|なくなっ|天国に)",
      severity: "normal",
      contexts: [notReal],
    },
  ],
};

const moneyTable: PhraseTable = {
  category: "money",
  rules: [
    {
      pattern:
        "(?:お金|おかね|(?<!\\p{sc=Han})金)(?:が|も)?(?:全然|ぜんぜん|まったく|全く|本当に|ほんとに|もう)?(?:ない|無い|足りない|たりない|なくて|なくなっ|ピンチ|ぴんち|やば|ヤバ|厳し|きびし|苦し|くるし)|生活(?:が)?(?:苦し|くるし|でき(?:ない|なく))|給料(?:が)?(?:少な|足りな|たりな)|食費が(?:ない|足りない)|ご飯を買うお金|お金を(?:貸して|借りたい|貸した)|リボ(?!ン)|課金(?:しすぎ|がやめられない)|(?:お金|おかね)(?:を)?使いすぎ|(?:財布|さいふ)(?:を)?(?:落と|なくし|盗ま)",
      severity: "normal",
    },
    { pattern: "金欠|きんけつ", severity: "low" },
    {
      pattern:
        "借金|しゃっきん|借りたお金|(?:お金|金)を借り(?:た|て)|消費者金融|サラ金|キャッシング|闇金|ヤミ金|やみきん|滞納|督促|取り立て|差し押さえ|(?:電気|ガス|水道|スマホ|携帯|電話)(?:が|を|も)?(?:止め|止ま|とめられ|とまっ)|家賃(?:が|を)?(?:払えな|はらえな|足りな|たりな)|生活費(?:が)?(?:ない|足りない)|自己破産",
      severity: "high",
      contexts: [{ sentence: "(?:停電|台風|工事|点検)", then: null }],
    },
  ],
};

const housingTable: PhraseTable = {
  category: "housing",
  rules: [
    {
      pattern:
        "(?:家|部屋|アパート|寮|グループホーム)(?:を|から)?(?:追い出され|おいだされ|追い出す|出て行けと|出ていけと|出てけと)|住む(?:ところ|所|場所)(?:が)?(?:ない|なく)|(?:家|帰る家|帰る場所)がない|ホームレス|野宿|ネットカフェで(?:寝|暮ら|泊)|退去(?:しろ|しなさい|を求め|通知|勧告)|立ち退き",
      severity: "high",
    },
    {
      pattern:
        "家賃(?:が|を)?(?:払えな|はらえな|滞納|足りな)|(?:大家|管理会社)(?:さん)?(?:に|と|から)(?:怒|おこ|もめ|揉め|苦情|トラブル)|(?:隣|となり|上の階|近所)(?:の人)?(?:が|と)(?:うるさ|怖|こわ|トラブル|もめ)|騒音|(?:引っ越|ひっこ)さ(?:ないと|なきゃ)|(?:家|部屋|アパート)(?:の)?更新(?:が)?(?:できない|できなく)|一人暮らし(?:が)?(?:不安|無理|できない)|部屋が(?:ゴミ|ごみ)(?:だらけ|屋敷)|ゴミ屋敷",
      severity: "normal",
    },
  ],
};

const familyTable: PhraseTable = {
  category: "family",
  rules: [
    {
      pattern: `${family}(?:と|が|に|とは|の)?(?:また)?(?:けんか|喧嘩|ケンカ|もめ|揉め|口論|仲が悪|なかがわる|うまくいかない|上手くいかない|うるさ|きつく当た|文句ばかり|過干渉|怖い|こわい)`,
      severity: "normal",
    },
    {
      pattern: `${family}(?:が|も|の)?(?:亡くな(?:っ|り|る)|なくな(?:っ|り)|死んだ|死んじゃ|しんだ|死去|他界|逝っ|入院|病気|手術|倒れ|がん|癌|認知症)|${family}の介護|介護(?:が|で|に)(?:大変|つら|しんど|疲れ)|お葬式|葬儀|お通夜|離婚|別居`,
      severity: "normal",
      contexts: [{ sentence: `${fiction}(?:で|の|では)`, then: null }],
    },
    {
      pattern:
        "家に(?:帰りたくない|かえりたくない|居たくない|いたくない|居場所が|いばしょが)|家出|家を出たい",
      severity: "normal",
      negatable: false,
    },
  ],
};

const snsTable: PhraseTable = {
  category: "sns",
  rules: [
    {
      pattern:
        "炎上|晒|さらされ|誹謗中傷|中傷|(?:個人情報|住所|顔写真|本名|写真|画像|動画)(?:が|を)?(?:晒|さら|拡散|ばらま|ネットに|流出|流され)|(?:裸|はだか)の(?:写真|画像|動画)|リベンジポルノ|詐欺|(?:騙|だま)され|闇バイト|やみバイト|裏バイト|高額バイト|受け子|出し子|運び屋|荷物を受け取るだけ|簡単に稼げる|口座(?:を)?(?:売|貸|譲)|架空請求|ワンクリック詐欺|(?:dm|メッセージ|ライン|line|メール)(?:が|で)?(?:しつこ|怖|こわ|脅)|ネット(?:で|に)(?:悪口|叩|たた|書かれ)",
      severity: "high",
      contexts: [
        {
          after: "^(?:メール|電話)(?:が)?(?:来|き)(?:た|てた)?(?:けど)?(?:、)?(?:無視|スルー|削除)",
          then: { severity: "normal" },
        },
      ],
    },
    {
      pattern:
        "(?:なりすまし|成りすまし)|(?:乗っ取|のっと)られ|アカウント(?:が)?(?:乗っ取|消され|凍結)|(?:ライン|line)?(?:の)?グループ(?:から|を)?(?:外され|はずされ|追い出され|退会させられ)|(?:ネット|sns|アプリ|マッチングアプリ|出会い系|ゲーム|ツイッター|インスタ)(?:で)?(?:知り合った|出会った)(?:人|男|女|相手)",
      severity: "normal",
    },
    {
      pattern: `${netPlaces}(?:で|に)(?:悪口|ひどいこと|悪いこと|嘘)(?:を)?(?:書かれ|言われ|流され)`,
      severity: "high",
    },
    { pattern: "既読無視|未読無視|ブロックされ", severity: "low" },
  ],
};

const workTable: PhraseTable = {
  category: "work",
  rules: [
    {
      pattern:
        "ミス(?:ばかり|ばっかり|ばっか|が多|が続|を連発|を繰り返|ってばかり)|失敗(?:ばかり|ばっかり|ばっか|が続)|(?:仕事|作業)(?:が|を|に)?(?:覚えられない|おぼえられない|できない|遅い|おそい|間に合わない|追いつかない|ついていけない|わからない|分からない)|(?:ノルマ|納期)(?:が)?(?:きつ|厳し|達成できな)|(?:仕事|作業)(?:が|量が)?(?:多すぎ|きつすぎ)",
      severity: "normal",
    },
    {
      pattern:
        "ミス(?:した|しちゃ|してしま)|(?:配置換え|配置転換|異動)|残業(?:が)?(?:多|続|ばかり)|サービス残業",
      severity: "low",
    },
  ],
};

const absenceTable: PhraseTable = {
  category: "absence",
  rules: [
    {
      pattern: `${jobWords}(?:を|は|に)?(?:休ん|やすん|休み(?:ます|まし)|休む|休もう|行けな|いけな|行きたくな|いきたくな|行けてな|いけてな)|欠勤|早退`,
      severity: "normal",
      negatable: false,
      contexts: [{ sentence: "(?:有給|旅行|遊び|ライブ|温泉|帰省|結婚式)", then: null }],
    },
    {
      pattern: `無断欠勤|休職|(?:[2-9]|二|三|四|五|何)日(?:も|連続で?|間)?(?:会社|仕事|職場)?(?:を)?(?:休ん|やすん|行けて|いけて)|ずっと(?:会社|仕事)?(?:を)?(?:休ん|行けて)`,
      severity: "high",
      negatable: false,
    },
    {
      pattern:
        "(?:体調|熱|具合|風邪|頭痛|腹痛)[^。]{0,10}(?:休み(?:ます|まし)|休ん|やすみます|やすんだ|休む|休もう)",
      severity: "normal",
      negatable: false,
    },
    { pattern: "遅刻|ちこく|寝坊|ねぼう", severity: "low" },
    {
      pattern: "(?:いきたくない|行きたくない)",
      severity: "normal",
      negatable: false,
      contexts: [
        { sentence: jobWords, then: { severity: "normal" } },
        { before: "(?:に|へ)$", then: null },
        { then: { category: "mood", severity: "normal" } },
      ],
    },
  ],
};

const appearanceTable: PhraseTable = {
  category: "appearance",
  rules: [
    {
      pattern:
        "(?:お風呂|おふろ|風呂|ふろ|シャワー)(?:に|を)?(?:何日も|ずっと|もう)?(?:入れて|入って|はいって|はいれて|浴びて|あびて)(?:い)?ない|(?:お風呂|風呂|ふろ)(?:に)?入れない|着替え(?:られ|てい|て)ない|着替えられない|(?:歯磨き|はみがき)(?:を)?(?:して|でき)(?:い)?ない|(?:髪|かみ)(?:を)?(?:洗|あら)(?:えて|って)(?:い)?ない",
      severity: "normal",
      negatable: false,
    },
  ],
};

const otherTable: PhraseTable = {
  category: "other",
  rules: [
    {
      pattern:
        "警察(?:に|が|へ|から|沙汰)|逮捕|捕ま(?:った|っ|る)|(?:交通)?事故(?:に|を)?(?:あ|遭|起こ|おこ)|(?:盗|ぬす)まれ|泥棒|空き巣|裁判|訴え(?:られ|る)",
      severity: "high",
      contexts: [notReal, { sentence: "(?:虫|蚊|猫|ねこ|ゲーム)", then: null }],
    },
  ],
};

export const concernTables: readonly PhraseTable[] = [
  quittingTable,
  workplaceTable,
  healthTable,
  medicationTable,
  moodTable,
  moneyTable,
  housingTable,
  familyTable,
  snsTable,
  workTable,
  absenceTable,
  appearanceTable,
  otherTable,
];
