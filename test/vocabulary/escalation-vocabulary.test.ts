// The escalation vocabulary matches what CONTRACT.md promises outside programs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { categoryKeys, higherSeverity, severities, sources } from "../../src/vocabulary/categories";

const contract = readFileSync(join(import.meta.dirname, "../../../shared/CONTRACT.md"), "utf8");

function listAfter(label: string): string[] {
  const start = contract.indexOf(`\`${label}\` ∈`);
  expect(start).toBeGreaterThan(-1);
  // the item runs on (wrapped lines) until the next list item
  const line = contract.slice(start).split(/\n\s*-/)[0] ?? "";
  return [...line.matchAll(/`([a-z]+)`/g)].map((match) => match[1] ?? "").slice(1);
}

describe("escalation vocabulary", () => {
  it("has exactly the categories, severities and sources of CONTRACT.md", () => {
    expect(categoryKeys).toEqual(listAfter("category"));
    expect([...severities]).toEqual(listAfter("severity"));
    expect([...sources]).toEqual(listAfter("source"));
  });

  it.each([
    ["urgent", "low", "urgent"],
    ["low", "high", "high"],
    ["normal", "normal", "normal"],
  ] as const)("keeps the more urgent of %s and %s", (a, b, expected) => {
    expect(higherSeverity(a, b)).toBe(expected);
  });
});
