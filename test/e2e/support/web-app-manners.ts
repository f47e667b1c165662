import { describe, expect, it } from 'vitest';
import { overflowsSideways, signIn } from './ui.js';
import { checkScreen, newPage, server, state } from './web-app-story.js';

/**
 * The web app's manners, checked at the end of web-app.test.ts's story (they sign in as its patient):
 * the real Content-Security-Policy, a phone-sized screen, and Turkish.
 */
export function webAppManners(): void {
  describe('web app, manners', () => {
    it('runs under the server’s real Content-Security-Policy without violations', { timeout: 120_000 }, async () => {
      const page = await newPage({ bypassCSP: false });
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await signIn(page, server.email('practitioner'), server.password);
      await page.waitForURL('**/today');
      for (const path of ['/patients?q=hana', `/patients/${state.patientId}`, '/side-effects']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
      }
      expect(violations).toEqual([]);
    });

    it(
      'works on a phone-sized screen: menu behind a button, nothing wider than the screen',
      { timeout: 120_000 },
      async () => {
        const page = await newPage({ viewport: { width: 390, height: 844 } });
        await signIn(page, state.portalEmail, state.portalPassword);
        await page.waitForURL('**/portal');
        await page.getByTestId('aftercare').waitFor();
        expect(await overflowsSideways(page)).toBe(false);
        await checkScreen(page, '19-portal-phone');
        await page.getByRole('button', { name: 'Menu' }).click();
        await page
          .getByRole('navigation', { name: 'Main navigation' })
          .getByRole('link', { name: 'Report a side effect' })
          .click();
        await page.getByRole('heading', { name: 'Report a side effect' }).waitFor();
        expect(await overflowsSideways(page)).toBe(false);
      },
    );

    it('switches to Turkish, with dates in Turkish', { timeout: 120_000 }, async () => {
      const page = await newPage();
      await page.goto('/sign-in');
      await page.getByRole('combobox', { name: 'Language' }).selectOption('tr');
      await page.getByRole('heading', { name: 'Giriş yap' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('tr');
      await page.getByLabel(/^E-posta/).fill(server.email('practitioner'));
      await page.getByLabel(/^Parola/).fill(server.password);
      await page.getByRole('button', { name: 'Giriş yap' }).click();
      await page.getByRole('heading', { name: 'Bugünün programı' }).waitFor();
      const longDate = new Intl.DateTimeFormat('tr', { dateStyle: 'full', timeZone: 'UTC' }).format(
        new Date(`${new Date().toLocaleDateString('sv')}T00:00:00Z`),
      );
      await page.getByText(longDate).waitFor();
      await checkScreen(page, '20-today-turkish');
    });
  });
}
