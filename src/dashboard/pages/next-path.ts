// Where to go after login: only a path of the dashboard itself, so a link cannot send staff elsewhere.
const fallback = "/dashboard";
const probe = "http://tsunagi.invalid";

/**
 * Resolves `next` against a placeholder origin: anything that leaves it (`//evil`, `https://…`,
 * `/\evil`, `javascript:`) or lands outside /dashboard is replaced by the queue.
 */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || next.length > 2000 || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, probe);
  } catch {
    return fallback;
  }
  if (url.origin !== probe) return fallback;
  if (url.pathname !== "/dashboard" && !url.pathname.startsWith("/dashboard/")) return fallback;
  return url.pathname + url.search;
}
