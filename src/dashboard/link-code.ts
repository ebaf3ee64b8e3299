// One-time link codes: random digits shown once to staff, stored only as a hash.
/** How long a printed code works. */
export const linkCodeLifetimeMs = 14 * 24 * 60 * 60 * 1000;
export const linkCodeDigits = 8;

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
 * What people type: digits, perhaps full-width, with spaces or hyphens. Returns the bare
 * ASCII digits, or null when the text is not a code at all.
 */
export function normalizeLinkCode(text: string): string | null {
  const folded = text.normalize("NFKC").replace(/[\s\-‐‑–—ー−]/g, "");
  return /^\d{8,12}$/.test(folded) ? folded : null;
}

export async function hashLinkCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`link:${code}`));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** "12345678" → "1234 5678", easier to read aloud and to type. */
export function formatLinkCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, "$1 ");
}
