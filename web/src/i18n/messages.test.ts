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
