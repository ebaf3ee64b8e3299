// A real headless Chromium (Debian's: scripts/ensure-chromium.mjs) and what tests watch it for.
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface PageProblems {
  /** Uncaught exceptions and console errors (CSP refusals are logged as console errors). */
  errors: string[];
  /** `securitypolicyviolation` events, as "directive: blocked URI". */
  cspViolations: string[];
  /** Requests that left the page's own origin. */
  foreignRequests: string[];
}

/** Starts recording everything that should never happen on a page served from `origin`. */
export async function watchPage(page: Page, origin: string): Promise<PageProblems> {
  const problems: PageProblems = { errors: [], cspViolations: [], foreignRequests: [] };
  page.on("pageerror", (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.errors.push(`console: ${message.text()}`);
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) {
      problems.foreignRequests.push(url);
    }
  });
  await page.exposeFunction("__reportCspViolation", (line: string) => {
    problems.cspViolations.push(line);
  });
  // Init scripts are injected by the browser itself, so the page's CSP does not stop this one.
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation: (line: string) => void })
      .__reportCspViolation;
    document.addEventListener("securitypolicyviolation", (event) => {
      report(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  return problems;
}
