import { describe, expect, it } from 'vitest';
import { figuresDiffer, figuresOf } from './figures.js';

describe('figures of a text', () => {
  it('reads digits, decimals with either mark, and both ends of a range', () => {
    expect(figuresOf('Avoid the sun for 48 hours; 0.5 ml per point, 10-15 points, 20–45 minutes.', 'en')).toEqual([
      0.5, 10, 15, 20, 45, 48,
    ]);
    expect(figuresOf('48 saat güneşten kaçının; nokta başına 0,5 ml, 10-15 nokta, 20–45 dakika.', 'tr')).toEqual([
      0.5, 10, 15, 20, 45, 48,
    ]);
  });

  it('groups thousands the way each language does', () => {
    expect(figuresOf('1,000 units or 2.5 ml', 'en')).toEqual([2.5, 1000]);
    expect(figuresOf('1.000 ünite ya da 2,5 ml', 'tr')).toEqual([2.5, 1000]);
    expect(figuresOf('points 1,2,3', 'en')).toEqual([1, 2, 3]);
  });

  it('reads English number words from two to twenty, and tens with their unit', () => {
    expect(figuresOf('Two to three days, every seven to ten days, Twenty sessions, twice', 'en')).toEqual([
      2, 2, 3, 7, 10, 20,
    ]);
    expect(figuresOf('twenty to forty-five minutes', 'en')).toEqual([20, 45]);
    expect(figuresOf('the two-to-four-week readings', 'en')).toEqual([2, 4]);
  });

  it('reads Turkish number words from iki to yirmi, compounds and capitals included', () => {
    expect(figuresOf('İki ila üç gün, yedi ila on gün, yirmi seans', 'tr')).toEqual([2, 3, 7, 10, 20]);
    expect(figuresOf('on iki hafta, onbeş gün, kırk beş dakika', 'tr')).toEqual([12, 15, 45]);
    expect(figuresOf('ÜÇ seans', 'tr')).toEqual([3]);
  });

  it('does not count "one" or "bir" alone, ordinals, or "altı" meaning "under"', () => {
    expect(figuresOf('one session a day, the second session', 'en')).toEqual([]);
    expect(figuresOf('bir seans, ikinci seans, ikişer nokta', 'tr')).toEqual([]);
    expect(figuresOf('göz altı bölgesi, deri altı, 18 yaş altı; altı hafta', 'tr')).toEqual([6, 18]);
  });

  it('compares as multisets: the same numbers, each as often, in any order and spelling', () => {
    expect(figuresDiffer('Every seven to ten days', '7-10 günde bir', 'tr')).toBeUndefined();
    expect(figuresDiffer('Apply 0.5 ml for 2 to 3 days', 'İki üç gün boyunca 0,5 ml uygulayın', 'tr')).toBeUndefined();
    expect(figuresDiffer('For 24 hours', '48 saat boyunca', 'tr')).toEqual({ english: [24], translated: [48] });
    expect(figuresDiffer('2 to 2 sessions', '2 seans', 'tr')).toEqual({ english: [2, 2], translated: [2] });
    expect(figuresDiffer('A week', '2 hafta', 'tr')).toEqual({ english: [], translated: [2] });
  });

  it('compares only the digits of a language without number words, on both sides', () => {
    expect(figuresOf('zwei bis 3 Tage, 0,5 ml', 'de')).toEqual([0.5, 3]);
    expect(figuresDiffer('two to 3 days', 'zwei bis 3 Tage', 'de')).toBeUndefined();
    expect(figuresDiffer('two to 3 days', 'zwei bis 4 Tage', 'de')).toEqual({ english: [3], translated: [4] });
  });
});
