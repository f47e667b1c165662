import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Makes a calendar subscription address on the page, checks that it serves a calendar with no session
 * at all, stops it, and checks that it then serves nothing.
 */
export async function expectWorkingSubscription(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Create subscription address' }).click();
  const address = await page.getByTestId('calendar-subscription-address').inputValue();
  expect(address).toMatch(/^http:\/\/.+\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await fetch(address);
  expect(feed.status).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await page.getByRole('button', { name: 'Stop subscription' }).click();
  await page.getByRole('button', { name: 'Create subscription address' }).waitFor();
  expect((await fetch(address)).status).toBe(404);
}
