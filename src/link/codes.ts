// One-time link codes: random digits shown once to staff, stored only as a hash.
import { foldWords } from "../core/fold";
import type { Tx } from "../store/db";
import { insertLinkCode } from "../store/link-codes";
import type { LinkSubject } from "../vocabulary/kinds";

/** How long a printed code works. */
export const linkCodeLifetimeMs = 14 * 24 * 60 * 60 * 1000;
/**
 * 14 digits. At most 100 wrong codes in any 10 minutes get through the global limit: 201,600 in
 * a code's 14 days. With 10,000 codes live, each guess hits one with probability 10,000 / 10^14,
 * so all of them together with at most 201,600 × 10^-10 ≈ 2 × 10^-5 (8 digits: certain; 12: 0.2 %).
 */
export const linkCodeDigits = 14;

/** Uniform random digits (rejection sampling keeps every digit equally likely). */
export function generateLinkCode(digits = linkCodeDigits): string {
  let code = "";
  while (code.length < digits) {
    for (const byte of crypto.getRandomValues(new Uint8Array(digits))) {
      if (byte < 250 && code.length < digits) code += String(byte % 10);
    }
  }
  return code;
}

/**
 * What people type: digits, perhaps full-width, with spaces, hyphens or a 「。」 after them. Returns the bare
 * ASCII digits, or null when the text is not a code at all.
 */
export function normalizeLinkCode(text: string): string | null {
  const folded = foldWords(text).replace(/[-‐‑–—ー−]/g, "");
  // 8 digits: codes printed before they grew to 14, still live for their 14 days
  return /^\d{8,16}$/.test(folded) ? folded : null;
}

export async function hashLinkCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`link:${code}`));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** "12345678901234" → "1234 5678 9012 34", easier to read aloud and to type. */
export function formatLinkCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** What staff are shown once: the code to hand over, and until when it works. */
export interface IssuedCode {
  linkCode: string;
  expiresAt: number;
}

/**
 * The one way a link code comes to exist, for a registrant, a company contact or a staff member's
 * own LINE: random digits, stored only as a hash, in the caller's transaction; the subject's older
 * unused codes stop working.
 */
export async function issueLinkCode(
  tx: Tx,
  input: {
    centerId: string;
    subjectType: LinkSubject;
    subjectId: string;
    createdBy: string;
    now: number;
  },
): Promise<IssuedCode> {
  const linkCode = generateLinkCode();
  const expiresAt = input.now + linkCodeLifetimeMs;
  await insertLinkCode(tx, { ...input, codeHash: await hashLinkCode(linkCode), expiresAt });
  return { linkCode, expiresAt };
}
