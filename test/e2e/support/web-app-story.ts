import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { seriousViolations } from './axe.js';
import { launchChromium, screenshot, watchForErrors } from './browser.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';
import { ensureWebBuild } from './web-build.js';

/**
 * What the browser story of web-app.test.ts runs on: one server and one Chromium for the whole file
 * (started by `useStoryBrowser`), the story's patient, signed-out pages, and the checks each screen
 * gets. `problems` collects the page and server errors the pages logged.
 */

export let server: E2eServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
export const problems: string[] = [];
export const state = {
  patientId: '',
  patientName: 'Hana Yılmaz',
  portalEmail: 'hana@portal.test',
  portalPassword: 'hana portal password 1',
};

/** Starts the server and the browser before the file's tests, and closes them (and every page) after. */
export function useStoryBrowser(): void {
  beforeAll(async () => {
    await ensureWebBuild();
    server = await startE2eServer();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });
}

/** A signed-out browser at desktop size. `bypassCSP` only lets axe-core be injected as a script tag; a test of web-app.test.ts runs under the real policy. */
export async function newPage(
  options: { bypassCSP?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
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

/** Fetches what a link points to, in the page's session: its status and content type. */
export async function download(page: Page, linkName: string): Promise<{ status: number; type: string | null }> {
  const href = await page.getByRole('link', { name: linkName }).first().getAttribute('href');
  if (!href) throw new Error(`no link named ${linkName}`);
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type') };
  }, href);
}

/** Screenshot plus axe: no serious or critical violations on the screen as shown. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}
