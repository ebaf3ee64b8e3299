// One folding of short typed words, for every place that compares what a person typed.
/**
 * How typed words are compared with a keyword, a button's label or a name: katakana to hiragana,
 * full-width to half-width, lower case; no spaces, sentence marks, emoji or check marks. The one
 * folding of short words — keywords, button labels, link codes, names in an employer's words and
 * in an erasure's confirmation. Free text for the classifier has its own (escalation/text/fold.ts):
 * it keeps offsets back to the original for evidence and undoes stretched vowels (「つらああい」).
 */
export function foldWords(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u30a1-\u30f6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60))
    .replace(/[\s\u3000。、！!?？\p{Extended_Pictographic}\uFE0F✓]/gu, "")
    .toLowerCase();
}
