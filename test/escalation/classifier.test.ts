// The text classifier: rules and model combined, the model's tiers, the model file, and input nobody can break it with.
import { describe, expect, it } from "vitest";
import { categoryKeys } from "../../src/vocabulary/categories";
import { combine, modelFindings, type Finding } from "../../src/escalation/classifier";
import { type ModelScores, loadTextModel, ModelError } from "../../src/escalation/text/model";
import { readTextModelFile } from "../../src/escalation/text/model-file";
import { readByRules } from "../../src/escalation/text/rule-reading";
import { defaultModelPath } from "../../src/escalation/text/model-file";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testClassifier, testModel } from "../support/classifier";

const classify = (text: string) => testClassifier.classify(text);
const categoriesOf = (findings: readonly Finding[]) => findings.map((f) => f.category);

function scores(overrides: {
  severity?: Partial<ModelScores["severity"]>;
  categories?: Partial<ModelScores["categories"]>;
  harmToOthers?: number;
}): ModelScores {
  return {
    severity: { low: 0, normal: 0, high: 0, urgent: 0, ...overrides.severity },
    harmToOthers: overrides.harmToOthers ?? 0,
    categories: {
      ...(Object.fromEntries(categoryKeys.map((c) => [c, 0])) as ModelScores["categories"]),
      ...overrides.categories,
    },
  };
}

const thresholds = {
  severity: { low: 0.6, normal: 0.6, high: 0.6, urgent: 0.8 },
  possible: 0.5,
  unsure: 0.4,
  category: 0.5,
  harmToOthers: 0.5,
  confident: 0.9,
};

describe("the model's findings", () => {
  it("names the most likely category at the level reached and the others one step lower", () => {
    const findings = modelFindings(
      scores({
        severity: { low: 0.9, normal: 0.9, high: 0.7 },
        categories: { health: 0.8, absence: 0.6 },
      }),
      thresholds,
    );
    expect(findings.map(({ category, severity }) => [category, severity])).toEqual([
      ["health", "high"],
      ["absence", "normal"],
    ]);
    expect(findings[0]?.model).toBe(0.8);
  });

  it("surfaces a message it finds non-trivial but cannot place as other/low", () => {
    expect(modelFindings(scores({ severity: { low: 0.45 } }), thresholds)).toEqual([
      { category: "other", severity: "low", phrases: [] },
    ]);
    expect(modelFindings(scores({ severity: { low: 0.3 } }), thresholds)).toEqual([]);
  });

  it("puts a category nobody is sure of under other", () => {
    const findings = modelFindings(
      scores({ severity: { low: 0.9, normal: 0.7 }, categories: { money: 0.2 } }),
      thresholds,
    );
    expect(findings.map(({ category, severity }) => [category, severity])).toEqual([
      ["other", "normal"],
    ]);
  });

  it("names a risk to life when it reaches urgent, even if no category is sure of it", () => {
    const findings = modelFindings(
      scores({
        severity: { low: 1, normal: 1, high: 1, urgent: 0.85 },
        categories: { crisis: 0.3, mood: 0.7 },
      }),
      thresholds,
    );
    expect(categoriesOf(findings)).toEqual(["crisis", "mood"]);
    expect(findings[0]?.severity).toBe("urgent");
  });

  it("marks harm to others when its output is sure of it", () => {
    const findings = modelFindings(
      scores({
        severity: { low: 1, normal: 1, high: 1, urgent: 0.9 },
        categories: { crisis: 0.9 },
        harmToOthers: 0.7,
      }),
      thresholds,
    );
    expect(findings[0]).toMatchObject({
      category: "crisis",
      severity: "urgent",
      harmToOthers: true,
    });
  });

  it("reads a possible risk to life below urgent as crisis/high, answered gently", () => {
    const findings = modelFindings(
      scores({
        severity: { low: 0.9, normal: 0.8, high: 0.7, urgent: 0.6 },
        categories: { crisis: 0.4, mood: 0.8 },
      }),
      thresholds,
    );
    expect(findings[0]).toMatchObject({ category: "crisis", severity: "high", possible: true });
    expect(categoriesOf(findings)).toContain("mood");
  });
});

describe("rules and model together", () => {
  const modelCrisis: Finding = {
    category: "crisis",
    severity: "urgent",
    phrases: [],
    model: 0.7,
  };

  it("keeps the higher severity per category and both kinds of evidence", () => {
    const merged = combine(
      [{ category: "health", severity: "low", phrases: ["ねむれない"] }],
      false,
      [{ category: "health", severity: "normal", phrases: [], model: 0.8 }],
      0.1,
      0.9,
    );
    expect(merged).toEqual([
      { category: "health", severity: "normal", phrases: ["ねむれない"], model: 0.8 },
    ]);
  });

  it("lets a harmless idiom the rules recognised take back a risk to life the model is not sure of", () => {
    expect(combine([], true, [modelCrisis], 0.7, 0.9)).toEqual([]);
  });

  it("keeps the model's risk to life when it is confident, whatever the rules recognised", () => {
    expect(combine([], true, [modelCrisis], 0.95, 0.9)).toEqual([modelCrisis]);
  });

  it("never lowers what the rules found themselves", () => {
    const rules: Finding = { category: "crisis", severity: "urgent", phrases: ["死にたい"] };
    expect(combine([rules], false, [], 0, 0.9)).toEqual([rules]);
  });

  it("puts a risk to life first among equal severities", () => {
    const merged = combine(
      [{ category: "money", severity: "urgent", phrases: ["家賃"] }],
      false,
      [modelCrisis],
      0.7,
      0.9,
    );
    expect(categoriesOf(merged)).toEqual(["crisis", "money"]);
  });
});

describe("classify", () => {
  it("quotes the words the rules matched as the person wrote them", () => {
    for (const [text, phrase] of [
      ["しにたいいいい😭", "しにたいいいい"],
      ["し に た い", "し に た い"],
      ["ｼﾆﾀｲ", "ｼﾆﾀｲ"],
      ["ＯＤしちゃった", "ＯＤ"],
    ] as const) {
      const crisis = classify(text).findings.find((f) => f.category === "crisis");
      expect(crisis?.phrases, text).toEqual([phrase]);
    }
  });

  it("answers a wish to die with the crisis reply, harm to others and abuse with their own", () => {
    expect(classify("もう死にたい").danger).toBe("self");
    expect(classify("上司を殺してしまいそうで怖い").danger).toBe("others");
    expect(classify("彼氏に殴られた。いまも家にいるのがこわい").danger).toBe("abuse");
    expect(classify("きょうは しぬほど ねむい").danger).toBeNull();
  });

  it("quotes only words that are in the message", () => {
    for (const text of ["もう死にたい", "3日 なにも たべてない", "上司に殴られた", "たすけて"]) {
      for (const finding of classify(text).findings) {
        for (const phrase of finding.phrases) expect(text).toContain(phrase);
      }
    }
  });

  it("is deterministic and keeps no state between messages", () => {
    const first = classify("死にたい");
    classify("おはよう");
    expect(classify("死にたい")).toEqual(first);
  });
});

describe("bad input", () => {
  it.each([
    ["an empty message", ""],
    ["only emoji", "😭😭😭🙏✨👨‍👩‍👧🇯🇵"],
    ["only punctuation", "！！！？？？…。。、、〜〜ーー!!??...///"],
    ["only spaces and newlines", " \n\t　\r\n  "],
    ["only kaomoji", "(´；ω；｀) ヽ(`Д´)ﾉ (T_T) m(_ _)m"],
    [
      "control characters, zero-width spaces and a lone surrogate",
      "\u0000\u0007\ud800\u200b\ufeff",
    ],
  ])("stays quiet on %s", (_what, text) => {
    expect(classify(text)).toEqual({
      findings: [],
      severity: null,
      danger: null,
      possibleDanger: null,
    });
  });

  it("reads a 5,000-character message to the end and still catches the danger in it", () => {
    const chatter = "今日は仕事で新しい作業を教えてもらいました。お昼はカレーでした😊 ";
    const text = (chatter.repeat(200) + "もう死にたい").slice(-5_000);
    expect(text.length).toBe(5_000);
    const result = classify(text);
    expect(result.severity).toBe("urgent");
    expect(result.danger).toBe("self");
    expect(result.findings[0]?.phrases).toEqual(["死にたい"]);
  });

  it("reads only the first 5,000 characters of anything longer", () => {
    const text = `${"あ".repeat(5_000)}死にたい`;
    expect(classify(text).findings.some((f) => f.category === "crisis")).toBe(false);
  });

  it("handles 5,000 characters with no sentence break", () => {
    expect(classify("しにたい".repeat(1_250)).severity).toBe("urgent");
    expect(() => classify("あ".repeat(2_500) + "死".repeat(2_500))).not.toThrow();
  });

  it("reads mixed scripts: Latin, full-width, half-width, symbols and kanji together", () => {
    const result = classify("Today ｼｺﾞﾄ ok 😊 but ＳＨＩＮＩＴＡＩ ㈱テスト ①② Ⅲ αβγ 한국어");
    expect(result.severity).toBe("urgent");
    expect(result.findings[0]?.phrases).toEqual(["ＳＨＩＮＩＴＡＩ"]);
  });

  it("treats HTML and SQL as text, quoting them raw for the page to escape", () => {
    const html = classify('<script>alert("死にたい")</script><b onclick="x">借金</b>');
    expect(html.danger).toBe("self");
    expect(html.findings.find((f) => f.category === "crisis")?.phrases).toEqual(["死にたい"]);
    const sql = classify("'; DROP TABLE escalations; -- 上司に殴られた");
    expect(sql.findings[0]).toMatchObject({ category: "abuse", severity: "urgent" });
  });

  it("stays quiet on the text LINE gives for a sticker", () => {
    for (const alt of ["(スタンプ)", "OK", "ありがとう", "おやすみ", "了解"]) {
      expect(classify(alt).severity, alt).toBeNull();
    }
  });
});

describe("the model file", () => {
  const committed = JSON.parse(readFileSync(defaultModelPath, "utf8")) as Record<string, unknown>;
  const dir = mkdtempSync(join(tmpdir(), "tsunagi-model-"));

  it("loads the committed model, whose thresholds come from the train split", () => {
    expect(testModel.outputCount).toBeGreaterThan(categoryKeys.length);
    expect(testModel.thresholds.severity.urgent).toBeGreaterThan(0);
  });

  it.each<[string, (file: Record<string, unknown>) => unknown, RegExp]>([
    ["null", () => null, /not a Tsunagi text model/],
    ["another format", (f) => ({ ...f, format: "fasttext" }), /not a Tsunagi text model/],
    ["a newer version", (f) => ({ ...f, version: 99 }), /not a Tsunagi text model/],
    ["weights not base64", (f) => ({ ...f, weights: "%%%" }), /not a Tsunagi text model/],
    [
      "one weight changed",
      (f) => {
        const bytes = Buffer.from(String(f.weights), "base64");
        bytes[0] = (bytes[0] ?? 0) ^ 0xff;
        return { ...f, weights: bytes.toString("base64") };
      },
      /does not match its sha256/,
    ],
    [
      "a threshold changed",
      (f) => ({ ...f, thresholds: { ...(f.thresholds as object), confident: 0.1 } }),
      /does not match its sha256/,
    ],
  ])("refuses %s with a ModelError naming the problem", (_what, change, message) => {
    expect(() => loadTextModel(change(committed))).toThrow(ModelError);
    expect(() => loadTextModel(change(committed))).toThrow(message);
  });

  it("refuses a file that is missing or not JSON, naming the path", () => {
    expect(() => readTextModelFile(join(dir, "missing.json"))).toThrow(
      /missing\.json cannot be read \(ENOENT\)/,
    );
    const cut = join(dir, "cut.json");
    writeFileSync(cut, readFileSync(defaultModelPath, "utf8").slice(0, 1_000));
    expect(() => readTextModelFile(cut)).toThrow(/cut\.json is not JSON/);
  });
});

describe("the rules alone", () => {
  it("stay quiet on idioms that look alarming", () => {
    for (const text of ["しぬほど ねむい", "ガチャ爆死した", "テスト死んだ", "殺す気か（笑）"]) {
      expect(readByRules(text).severity, text).toBeNull();
    }
  });

  it("say when they recognised a harmless use of a word for a risk to life", () => {
    expect(readByRules("死にたいとは思ってない").defused).toBe(true);
    expect(readByRules("死にたい").defused).toBe(false);
    expect(readByRules("今日はカレー").defused).toBe(false);
  });
});

describe("the rules on people at work", () => {
  it("read not getting on with someone at work as a workplace worry", () => {
    for (const text of [
      "先輩と うまく はなせなくて",
      "上司と話せない",
      "同僚とは あんまり しゃべれない",
    ]) {
      const found = readByRules(text).findings.map((f) => [f.category, f.severity]);
      expect(found, text).toContainEqual(["workplace", "low"]);
    }
  });

  it("do not read 「話せない」 without a person at work, nor 「なやんでる」 as 「病んでる」", () => {
    expect(readByRules("英語が話せない").severity).toBeNull();
    expect(readByRules("ちょっと なやんでる").findings.map((f) => f.category)).not.toContain(
      "mood",
    );
    expect(readByRules("最近 病んでる").findings.map((f) => f.category)).toContain("mood");
  });
});
