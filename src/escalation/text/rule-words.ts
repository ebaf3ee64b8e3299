// The words each phrase pattern cannot match without (rule-words.json, worked out by test/support/required-words.ts when the tests run).
import wordsFile from "./rule-words.json";

/**
 * A pattern's key in rule-words.json: its flags and folded source, hashed (cyrb53, 53 bits) with
 * the length beside it. A pattern edited since the file was written has another key.
 */
export function patternKey(pattern: RegExp): string {
  const text = `${pattern.flags}/${pattern.source}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}

const words: Readonly<Partial<Record<string, readonly string[]>>> = wordsFile;

/**
 * Words of which a text holds one wherever `pattern` matches in it, or null when the file has
 * none for it (a pattern that can match anything, or one edited since): it is then always searched.
 */
export function wordsFor(pattern: RegExp): readonly string[] | null {
  return words[patternKey(pattern)] ?? null;
}
