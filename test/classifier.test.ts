// The text classifier against the labelled set, its evidence, and input a registrant should never be able to break it with.
import { describe, expect, it } from "vitest";
import { classifyText, type Classification } from "../src/escalation/classifier";
import { labelledMessages, type LabelledMessage } from "./fixtures/messages";

const categoriesOf = (result: Classification): string[] =>
  result.findings.map((finding) => finding.category).sort();

const inGroup = (...groups: LabelledMessage["group"][]) =>
  labelledMessages.filter((message) => groups.includes(message.group));

describe("the labelled set", () => {
  it("is big and varied enough to mean something", () => {
    expect(labelledMessages.length).toBeGreaterThanOrEqual(300);
    expect(inGroup("crisis").length).toBeGreaterThanOrEqual(60);
    expect(inGroup("everyday").length).toBeGreaterThanOrEqual(40);
    expect(inGroup("idiom").length).toBeGreaterThanOrEqual(30);
    const texts = labelledMessages.map((message) => message.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe("classifyText", () => {
  it.each(inGroup("crisis").map((m) => [m.text, m] as const))(
    "catches 「%s」 as a risk to life",
    (_text, message) => {
      const result = classifyText(message.text);
      expect(result.severity).toBe("urgent");
      expect(result.findings[0]).toMatchObject({ category: "crisis", severity: "urgent" });
      expect(categoriesOf(result)).toEqual([...message.categories].sort());
    },
  );

  it.each(inGroup("idiom", "mention").map((m) => [m.text, m] as const))(
    "does not read 「%s」 as a crisis",
    (_text, message) => {
      const result = classifyText(message.text);
      expect(categoriesOf(result)).not.toContain("crisis");
      expect(categoriesOf(result)).toEqual([...message.categories].sort());
      expect(result.severity).toBe(message.severity);
    },
  );

  it.each(inGroup("everyday", "concern").map((m) => [m.text, m] as const))(
    "reads 「%s」 as staff would",
    (_text, message) => {
      const result = classifyText(message.text);
      expect(categoriesOf(result)).toEqual([...message.categories].sort());
      expect(result.severity).toBe(message.severity);
    },
  );

  it("escalates fewer than 1 in 20 everyday messages and idioms", () => {
    const quiet = inGroup("everyday", "idiom");
    const escalated = quiet.filter((message) => {
      const severity = classifyText(message.text).severity;
      return severity !== null && severity !== "low";
    });
    expect(escalated.length / quiet.length).toBeLessThan(0.05);
  });
});

describe("evidence", () => {
  it.each([
    ["しにたいいいい😭", "しにたいいいい"],
    ["し に た い", "し に た い"],
    ["ｼﾆﾀｲ", "ｼﾆﾀｲ"],
    ["もうタヒにたーい", "タヒにたーい"],
    ["ＯＤしちゃった", "ＯＤ"],
    ["今日も「消えたい」って思った", "消えたい"],
  ])("quotes 「%s」 as the person wrote it: 「%s」", (text, phrase) => {
    expect(classifyText(text).findings[0]?.phrases).toEqual([phrase]);
  });

  it("quotes only words that are in the message, for every labelled message", () => {
    for (const { text } of labelledMessages) {
      for (const finding of classifyText(text).findings) {
        expect(finding.phrases.length).toBeGreaterThan(0);
        for (const phrase of finding.phrases) expect(text).toContain(phrase);
      }
    }
  });

  it("gives every category once, most urgent first, and the message that severity", () => {
    const result = classifyText(
      "借金がもう返せない。家を追い出される。死ぬしかない。借金のことばかり考える",
    );
    expect(result.findings.map((finding) => finding.category)).toEqual([
      "crisis",
      "money",
      "housing",
    ]);
    expect(result.findings.find((finding) => finding.category === "money")?.phrases).toEqual([
      "借金",
    ]);
    expect(result.severity).toBe("urgent");
  });

  it("lets a crisis phrase stand alone instead of also counting its words as low mood", () => {
    expect(classifyText("生きるのがつらい").findings).toEqual([
      { category: "crisis", severity: "urgent", phrases: ["生きるのがつらい"] },
    ]);
  });
});

describe("bad input", () => {
  it("returns nothing for an empty message", () => {
    expect(classifyText("")).toEqual({ findings: [], severity: null });
  });

  it.each([
    ["only emoji", "😭😭😭🙏✨👨‍👩‍👧🇯🇵"],
    ["only punctuation", "！！！？？？…。。、、〜〜ーー!!??...///"],
    ["only spaces and newlines", " \n\t　\r\n  "],
    ["only kaomoji", "(´；ω；｀) ヽ(`Д´)ﾉ (T_T) m(_ _)m orz"],
    ["control characters and a lone surrogate", "\u0000\u0007\ud800\u200b\ufeff"],
  ])("stays quiet on %s", (_what, text) => {
    expect(classifyText(text)).toEqual({ findings: [], severity: null });
  });

  it("reads a 5,000-character message to the end and still catches the danger in it", () => {
    const chatter = "今日は仕事で新しい作業を教えてもらいました。お昼はカレーでした😊 ";
    const text = (chatter.repeat(200) + "もう死にたい").slice(-5_000);
    expect(text.length).toBe(5_000);
    const started = performance.now();
    const result = classifyText(text);
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.severity).toBe("urgent");
    expect(result.findings[0]?.phrases).toEqual(["死にたい"]);
  });

  it("handles 5,000 characters with no sentence break", () => {
    expect(classifyText("あ".repeat(2_500) + "死".repeat(2_500)).severity).toBeNull();
    expect(classifyText("しにたい".repeat(1_250)).severity).toBe("urgent");
  });

  it("reads mixed scripts: Latin, full-width, half-width, symbols and kanji together", () => {
    const result = classifyText("Today ｼｺﾞﾄ ok 😊 but ＳＨＩＮＩＴＡＩ ㈱テスト ①② Ⅲ αβγ 한국어");
    expect(result.severity).toBe("urgent");
    expect(result.findings[0]?.phrases).toEqual(["ＳＨＩＮＩＴＡＩ"]);
  });

  it("treats HTML and SQL as text, quoting them raw for the page to escape", () => {
    const html = classifyText('<script>alert("死にたい")</script><b onclick="x">借金</b>');
    expect(html.findings.map((finding) => [finding.category, finding.phrases])).toEqual([
      ["crisis", ["死にたい"]],
      ["money", ["借金"]],
    ]);
    const sql = classifyText("'; DROP TABLE escalations; -- 上司に殴られた");
    expect(sql.findings).toEqual([{ category: "abuse", severity: "urgent", phrases: ["殴られ"] }]);
    for (const finding of [...html.findings, ...sql.findings]) {
      for (const phrase of finding.phrases) expect(typeof phrase).toBe("string");
    }
  });

  it("does not carry state from one message to the next", () => {
    const first = classifyText("死にたい");
    classifyText("おはよう");
    expect(classifyText("死にたい")).toEqual(first);
    expect(classifyText("おはよう")).toEqual({ findings: [], severity: null });
  });
});
