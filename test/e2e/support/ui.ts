import type { Page } from 'playwright-core';

/** Signs in through the sign-in page (labels carry a required-field star, hence the patterns). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Chooses an option of a Mantine Select by the field's label and the option's text. */
export async function pick(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Draws a zig-zag on a canvas, as a finger would. */
export async function drawOn(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not visible`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 30, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 30 + i * 30, y + (i % 2 ? -25 : 25), { steps: 4 });
  await page.mouse.up();
}

/** Whether anything sticks out sideways (a phone-sized screen must not scroll horizontally). */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
