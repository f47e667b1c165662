import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { tr } from '../i18n/tr';
import { balanceWording } from './balance-wording';
import { formatMoney } from './money-amounts';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, tr: { translation: tr } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});

/** The balance as the page writes it, in `language` and its locale. */
function wording(language: 'en' | 'tr', balanceMinor: number, currency = 'EUR'): string {
  const locale = language === 'en' ? 'en-GB' : 'tr-TR';
  return balanceWording(
    i18n.getFixedT(language),
    (minor, code) => formatMoney(minor, code, locale),
    balanceMinor,
    currency,
  );
}

describe('balance wording', () => {
  it('writes what is still owed as the amount', () => {
    expect(wording('en', 50_350)).toBe('€503.50');
    expect(wording('tr', 50_350, 'TRY')).toBe('₺503,50');
  });

  it('writes a settled invoice as nothing owed, never as a credit', () => {
    expect(wording('en', 0)).toBe('€0.00');
    expect(wording('tr', 0)).toBe('€0,00');
  });

  it('writes an overpaid invoice as in credit, with the amount the clinic owes and no minus sign', () => {
    expect(wording('en', -12_400)).toBe('In credit €124.00');
    expect(wording('tr', -12_400)).toBe('Fazla ödenen €124,00');
    expect(wording('tr', -123_456, 'TRY')).toBe('Fazla ödenen ₺1.234,56');
    expect(wording('en', -1)).toBe('In credit €0.01');
  });
});
