// @ts-check
// The dashboard's one small script, served as /dashboard/app.js; every form works without it.

// Only the print button needs a script.
for (const button of document.querySelectorAll("[data-print]")) {
  if (!(button instanceof HTMLElement)) continue;
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// The queue and the inbox keep themselves fresh: every 20 seconds they ask how many items came in
// since the page was drawn (counts only) and say so; when nothing is being typed, they redraw.
const watch = document.querySelector("[data-watch-since]");
if (watch) {
  const since = watch.getAttribute("data-watch-since") ?? "";
  const banner = document.querySelector("[data-fresh]");
  const count = banner ? banner.querySelector("[data-fresh-count]") : null;
  let fresh = 0;
  const check = async () => {
    const response = await fetch("/api/changes?since=" + encodeURIComponent(since), {
      credentials: "same-origin",
      headers: { accept: "application/json" },
    });
    // a session that ended (logged out elsewhere, deactivated): to the login, and back here after
    if (response.status === 401) {
      window.location.assign("/login?next=" + encodeURIComponent(window.location.pathname));
      return fresh;
    }
    if (!response.ok) return fresh;
    const body = /** @type {{ newEscalations: number, newUnread: number }} */ (
      await response.json()
    );
    fresh = body.newEscalations + body.newUnread;
    if (banner instanceof HTMLElement && count && fresh > 0) {
      count.textContent = String(fresh);
      banner.hidden = false;
    }
    return fresh;
  };
  // the browser tests ask now instead of waiting 20 seconds
  Object.assign(window, { tsunagiCheck: check });
  setInterval(() => void check().catch(() => undefined), 20000);
  setInterval(() => {
    const typing =
      document.activeElement && /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (fresh > 0 && !typing) window.location.reload();
  }, 120000);
}
