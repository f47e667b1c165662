import { describe, expect, it } from 'vitest';
import { en } from './en';
import { tr } from './tr';

/** Every leaf key, as a dotted path. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('has a Turkish text for every English one (the code maps included), and no empty text', () => {
    expect(keys(tr).sort()).toEqual(keys(en).sort());
    const empty = keys(tr).filter(
      (k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tr) === '',
    );
    expect(empty).toEqual([]);
  });

  it('leaves no Turkish text in English: one the same as the English has no word of its own, or is one of these', () => {
    // The same in both languages: the product's name, each language's own name, abbreviations and
    // loanwords Turkish writes alike.
    const alike = new Set([
      ...['common.appName', 'common.languageNames.en', 'common.languageNames.tr', 'codes.procedure.prp'],
      ...['clinicSetup.logoHeading', 'money.net', 'money.pdf'],
    ]);
    const at = (messages: unknown, key: string) =>
      key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages);
    // Words are what is left once the placeholders, units and a plan's "Plan:" are taken out.
    const words = (text: string) => text.replace(/{{\w+}}|\b(mm|ml|Plan)\b/g, '').match(/\p{L}{2,}/gu) ?? [];
    const untranslated = keys(en).filter(
      (k) => at(en, k) === at(tr, k) && !alike.has(k) && words(String(at(en, k))).length > 0,
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const at = (messages: unknown, key: string) =>
      String(key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages));
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const mismatched = keys(en).filter(
      (k) => JSON.stringify(placeholders(at(en, k))) !== JSON.stringify(placeholders(at(tr, k))),
    );
    expect(mismatched).toEqual([]);
  });
});
