import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { seriousViolations } from './axe.js';
import { launchChromium, screenshot, watchForErrors } from './browser.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';
import { signIn } from './ui.js';
import { ensureWebBuild } from './web-build.js';

/**
 * What a browser test file runs on: one e2e server and one Chromium for the whole file (started by
 * `useE2eBrowser`), pages on it, and the checks each screen gets. Vitest loads this module afresh for
 * each test file, so each file has its own. `problems` collects the page and server errors the pages
 * logged.
 */

export let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
export const problems: string[] = [];

/**
 * Starts the server and the browser before the file's tests, then runs `prepare` (data the file's
 * tests need, made as the clinic would); closes every page, the browser and the server after.
 */
export function useE2eBrowser(prepare?: (server: E2eServer) => Promise<void>): void {
  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer();
    browser = await launchChromium();
    await prepare?.(server);
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });
}

export interface PageOptions {
  /** Only lets axe-core be injected as a script tag; false runs the page under the real policy. */
  bypassCSP?: boolean;
  viewport?: { width: number; height: number };
}

/** A signed-out browser, at desktop size unless told. */
export async function newPage(options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    bypassCSP: options.bypassCSP ?? true,
    locale: 'en-GB',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = await context.newPage();
  problems.push(...watchForErrors(page));
  return page;
}

/**
 * A new page signed in through the sign-in page (with the fixture's password unless told), once it is
 * at `landing`: today's schedule for staff; a patient lands on the portal.
 */
export async function signedInPage(
  email: string,
  { password, landing = '**/today', ...options }: PageOptions & { password?: string; landing?: string } = {},
): Promise<Page> {
  const page = await newPage(options);
  await signIn(page, email, password ?? server.password);
  await page.waitForURL(landing);
  return page;
}

/** Screenshot plus axe: no serious or critical violations on the screen as shown. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}
