// LINE user ids are checked against their documented shape before they go anywhere near a URL.
const lineUserIdPattern = /^U[0-9a-f]{32}$/;

export function isLineUserId(value: unknown): value is string {
  return typeof value === "string" && lineUserIdPattern.test(value);
}

export function newLineUserId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return "U" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
