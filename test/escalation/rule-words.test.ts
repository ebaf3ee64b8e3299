// The phrase rules' word prefilter: the words file is current, and no rule that matches a message is left unsearched.
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { readCorpusDir } from "../../scripts/classifier/corpus";
import { frozenDir, trainDir } from "../../scripts/classifier/split";
import { seededRandom } from "../../scripts/seeded-random";
import { foldText } from "../../src/escalation/text/fold";
import { requiredWords } from "../support/required-words";
import { phraseRules, rulesToSearch } from "../../src/escalation/text/rule-reading";
import { patternKey, wordsFor } from "../../src/escalation/text/rule-words";
import { WordIndex } from "../../src/escalation/text/word-index";

const wordsFile = fileURLToPath(
  new URL("../../src/escalation/text/rule-words.json", import.meta.url),
);

/** Long letters as the benchmark builds them: labelled messages joined up to a length. */
function letters(texts: readonly string[], count: number): string[] {
  const random = seededRandom(20_261_204);
  return Array.from({ length: count }, (_, i) => {
    const target = i % 10 === 0 ? 5_000 : 200 + Math.floor(random() * 800);
    let text = "";
    while (text.length < target) text += `${texts[Math.floor(random() * texts.length)] ?? ""}。`;
    return text.slice(0, target);
  });
}

/** Does `pattern` match anywhere in `text`? */
const matchesIn = (pattern: RegExp, text: string) =>
  new RegExp(pattern.source, pattern.flags.replace("g", "")).test(text);

describe("the rule words", () => {
  // After editing a phrase table: `npx vitest run test/escalation/rule-words.test.ts -u` rewrites
  // the file. Until then the edited rule is searched in every message (slower, never wrong).
  it("are those required-words.ts finds in today's phrase tables", async () => {
    const words = Object.fromEntries(
      phraseRules.flatMap((rule) => {
        const required = requiredWords(rule.pattern);
        return required ? [[patternKey(rule.pattern), required]] : [];
      }),
    );
    const options = await prettier.resolveConfig(wordsFile);
    const json = await prettier.format(JSON.stringify(words), { ...options, parser: "json" });
    await expect(json).toMatchFileSnapshot(wordsFile);
  }, 60_000);

  it("give almost every rule a list, so a short message is searched with few of them", () => {
    const listed = phraseRules.filter((rule) => wordsFor(rule.pattern) !== null);
    expect(listed.length).toBeGreaterThan(phraseRules.length * 0.9);
    const searched = rulesToSearch(foldText("こんにちは、今日もよろしくお願いします").text);
    expect(searched.reduce((sum, flag) => sum + flag, 0)).toBeLessThan(phraseRules.length / 10);
  });

  it("let through every rule that matches a labelled message or a long letter made of them", () => {
    const texts = [...readCorpusDir(trainDir), ...readCorpusDir(frozenDir)].map((row) => row.text);
    const patterns = phraseRules.map(({ pattern }) => pattern);
    const missed: string[] = [];
    let matched = 0;
    for (const text of [...texts, ...letters(texts, 300)]) {
      const folded = foldText(text).text;
      const searched = rulesToSearch(folded);
      patterns.forEach((pattern, number) => {
        pattern.lastIndex = 0;
        const matches = pattern.test(folded);
        pattern.lastIndex = 0;
        if (!matches) return;
        matched++;
        if (searched[number] !== 1) missed.push(`rule ${number} /${pattern.source.slice(0, 40)}…/`);
      });
    }
    expect(matched).toBeGreaterThan(10_000);
    expect([...new Set(missed)]).toEqual([]);
  }, 180_000);
});

describe("requiredWords", () => {
  const cases: [RegExp, string[]][] = [
    [/死に(?:たい|たく)/gu, ["死にたい", "死にたく", "死にたくない", "もう死にたいよ"]],
    [/(?:、)?(?:もう)?(?:死|し)ぬ/gu, ["しぬ", "、死ぬ", "もうしぬ", "、もう死ぬ"]],
    [
      /(?<![わあ]た)(?:し|たひ|氏)に(?:てえ|て(?=$|[。、]))/gu,
      ["しにて", "氏にてえ。", "たひにて、"],
    ],
    [/[0-9]{2,}(?:錠|粒)(?<=(?:薬|くすり)[^。]{0,20})/gu, ["薬を30錠", "くすり100粒"]],
    [/(?:今|いま)[^。]{0,8}?(?:追いかけ|つけ)られ/gu, ["今だれかにつけられ", "いま追いかけられ"]],
    [/(?:ろーぷ|紐)(?:を|が)+買っ/gu, ["ろーぷを買っ", "紐がを買っ"]],
  ];

  it.each(cases)("finds words that every match of %s holds", (pattern, texts) => {
    const words = requiredWords(pattern);
    expect(words).not.toBeNull();
    for (const text of texts) {
      expect(matchesIn(pattern, text)).toBe(true);
      expect(words?.some((word) => text.includes(word))).toBe(true);
    }
  });

  it("knows nothing of patterns that can match anything, or of letters that flags change", () => {
    expect(requiredWords(/(?:死に)?(?:たい)?/gu)).toBeNull();
    expect(requiredWords(/[^。]+/gu)).toBeNull();
    expect(requiredWords(/(?!死に)./gu)).toBeNull();
    expect(requiredWords(/shinitai/giu)).toBeNull();
  });
});

describe("WordIndex", () => {
  it("says which word lists have a word in a text, as a plain search of each word does", () => {
    const random = seededRandom(7);
    const alphabet = "しにたいあ死。、ab";
    const word = (length: number) =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    const lists = Array.from({ length: 60 }, (_, i) =>
      i % 15 === 0 ? null : Array.from({ length: 1 + (i % 4) }, () => word(1 + (i % 5))),
    );
    const index = new WordIndex(lists);
    for (let round = 0; round < 500; round++) {
      const text = word(Math.floor(random() * 40));
      const expected = lists.map((list) =>
        list === null || list.some((w) => text.includes(w)) ? 1 : 0,
      );
      expect([...index.present(text)]).toEqual(expected);
    }
  });
});
