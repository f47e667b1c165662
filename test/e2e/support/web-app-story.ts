import type { Page } from 'playwright-core';

/**
 * What the browser story of web-app.test.ts runs on: the shared browser test set-up (one server and
 * one Chromium for the whole file, started by `useStoryBrowser`), the story's patient, and links to
 * fetch in a page's session.
 */

export { checkScreen, newPage, problems, server, useE2eBrowser as useStoryBrowser } from './e2e-browser.js';

export const state = {
  patientId: '',
  patientName: 'Hana Yılmaz',
  portalEmail: 'hana@portal.test',
  portalPassword: 'hana portal password 1',
};

/** Fetches what a link points to, in the page's session: its status and content type. */
export async function download(page: Page, linkName: string): Promise<{ status: number; type: string | null }> {
  const href = await page.getByRole('link', { name: linkName }).first().getAttribute('href');
  if (!href) throw new Error(`no link named ${linkName}`);
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type') };
  }, href);
}
