import type { Page } from 'playwright-core';
import { testKnowledgeLibrary } from '../../../src/test-support/test-app.js';
import {
  englishDictionary,
  knowledgeTexts,
  stringValues,
  type EnglishDictionary,
} from '../../../src/test-support/reader-words.js';

/**
 * The web app's messages in one language (web/src/i18n/<language>/index.ts), read as plain data. By a
 * URL worked out at run time: the web sources are bundler-style modules outside this tsconfig.
 */
async function webMessages(language: 'en' | 'tr'): Promise<unknown> {
  const url = new URL(`../../../web/src/i18n/${language}/index.ts`, import.meta.url).href;
  const module = (await import(url)) as Record<string, unknown>;
  return module[language];
}

/**
 * Words that are English in mesodesk and in no language of its Turkish texts, yet fine on a Turkish
 * screen: the product's name, which is the same in every language.
 */
export const allowedWords = ['mesodesk'];

/**
 * The English a Turkish reader must not meet: every word of the web app's English messages and of
 * the English knowledge base that neither the Turkish messages nor the Turkish knowledge base use.
 */
export async function englishUiDictionary(): Promise<EnglishDictionary> {
  const library = testKnowledgeLibrary();
  const [en, tr] = await Promise.all([webMessages('en'), webMessages('tr')]);
  return englishDictionary(
    [...stringValues(en), ...knowledgeTexts(library.base)],
    [...stringValues(tr), ...knowledgeTexts(library.for('tr'))],
    allowedWords,
  );
}

/**
 * What the page shows a reader: the body's rendered text (hidden parts left out), plus the accessible
 * names that only assistive technology and tooltips show (aria-label, title, alt, placeholder).
 */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = Array.from(document.querySelectorAll<HTMLElement>('[aria-label], [title], [alt], [placeholder]'))
      .filter((el) => el.getClientRects().length > 0)
      .flatMap((el) => ['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    return [document.body.innerText, ...labels].join('\n');
  });
}
