// A real headless Chromium (Debian's: scripts/ensure-chromium.mjs) and what tests watch it for.
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { createTestApp, listen, type TestApp } from "./app";
import { mintCenter, mintStaff, type TestStaff } from "./staff";

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

/** The app in emulator mode on loopback and one watched tab (a phone, by default) on its chat. */
export interface EmulatorChat {
  t: TestApp;
  origin: string;
  page: Page;
  problems: PageProblems;
  /** A property, not a method: tests take it apart into their own variables. */
  close: () => Promise<void>;
}

export async function emulatorChat(
  options: { timeout?: number; viewport?: { width: number; height: number } } = {},
): Promise<EmulatorChat> {
  // undone newest first; filled as each piece starts, so a half-failed start still cleans up
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  };
  try {
    const t = await createTestApp({ emulator: true });
    cleanups.unshift(() => t.close());
    const { server, url } = await listen((request) => t.app.fetch(request, {}, t.background));
    cleanups.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const browser = await launchBrowser();
    cleanups.unshift(() => browser.close());
    const page = await browser.newPage({
      viewport: options.viewport ?? { width: 390, height: 844 },
      locale: "ja-JP",
    });
    page.setDefaultTimeout(options.timeout ?? 10_000);
    return { t, origin: url, page, problems: await watchPage(page, url), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The app in emulator mode on loopback, a caseworker, and two watched tabs: dashboard and chat. */
export interface TwoTabs {
  t: TestApp;
  origin: string;
  caseworker: TestStaff;
  dashboard: Page;
  chat: Page;
  problems: { dashboard: PageProblems; chat: PageProblems };
  close(): Promise<void>;
}

export async function dashboardAndChat(timeout: number): Promise<TwoTabs> {
  const cleanups: (() => Promise<void>)[] = [];
  const t = await createTestApp({ emulator: true });
  cleanups.unshift(() => t.close());
  const { server, url } = await listen((request) => t.app.fetch(request, {}, t.background));
  cleanups.unshift(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const center = await mintCenter(t.db.store, "むさしの就労支援センター");
  const caseworker = await mintStaff(t.db.store, center.id, "caseworker");
  const browser = await launchBrowser();
  cleanups.unshift(() => browser.close());
  const dashboard = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    locale: "ja-JP",
  });
  const chat = await browser.newPage({ viewport: { width: 420, height: 860 }, locale: "ja-JP" });
  dashboard.setDefaultTimeout(timeout);
  chat.setDefaultTimeout(timeout);
  return {
    t,
    origin: url,
    caseworker,
    dashboard,
    chat,
    problems: { dashboard: await watchPage(dashboard, url), chat: await watchPage(chat, url) },
    async close() {
      for (const cleanup of cleanups) await cleanup();
    },
  };
}

/**
 * The newest button in the emulator's chat with this label: on the last card that has it, or
 * among the quick replies. Old cards stay in the transcript, so the last match is the current one.
 */
export function chatButton(page: Page | Locator, label: string): Locator {
  return page
    .locator('[data-testid="card-button"], [data-testid="quick-reply"]')
    .filter({ hasText: label })
    .last();
}

/**
 * Taps a chat button after checking that it is in view as it stands: nothing scrolled sideways
 * (a quick-reply strip wider than the phone hides its last buttons), nothing below the screen.
 */
export async function tapInView(page: Page, label: string): Promise<void> {
  const button = chatButton(page, label);
  await button.waitFor();
  const box = await button.boundingBox();
  const viewport = page.viewportSize();
  expect(box, `button ${label}`).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (box && viewport) {
    expect(box.x, `button ${label} starts left of the screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `button ${label} ends right of the screen`).toBeLessThanOrEqual(
      viewport.width,
    );
    expect(box.y, `button ${label} is above the screen`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `button ${label} is below the screen`).toBeLessThanOrEqual(
      viewport.height,
    );
  }
  await button.click();
}
