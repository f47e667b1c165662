import { describe, expect, it } from 'vitest';
import { foldedWords, foldText, hasTurkishCase, isWordCharacter, lowerCase } from './fold-text.js';

describe('text folding', () => {
  it('lowers Turkish by Turkish rules, other languages by the default ones', () => {
    expect(lowerCase('ILIK İNME', 'tr')).toBe('ılık inme');
    expect(lowerCase('ILIK İNME', 'tr-TR')).toBe('ılık inme');
    expect(lowerCase('ILL', 'en')).toBe('ill');
    expect(hasTurkishCase('TR')).toBe(true);
    expect(hasTurkishCase('en-GB')).toBe(false);
    expect(hasTurkishCase(undefined)).toBe(false);
  });

  it('folds Turkish letters and both i to their base letters, the same in every language', () => {
    const typed = ['şişlik', 'ŞİŞLİK', 'sislik', 'SISLIK', 'Şişlik'];
    for (const language of ['tr', 'en', undefined])
      expect(
        typed.map((t) => foldText(t, language)),
        String(language),
      ).toEqual(Array(typed.length).fill('sislik'));
    expect(foldText('kaşıntı ağrı çıban gözümü şöyle')).toBe('kasinti agri ciban gozumu soyle');
    expect(foldText('hâlâ îmân Ûmran')).toBe('hala iman umran');
    expect(foldText('İrin INME')).toBe('irin inme');
    expect(foldText('café Müller')).toBe('cafe muller');
  });

  it('reads every apostrophe as one', () => {
    expect(foldText('There’s Botoks‘tan ʼa')).toBe("there's botoks'tan 'a");
  });

  it('splits words by letters and digits of any script', () => {
    expect(foldedWords('Şişlik, 3 gün; ağrı-kızarıklık')).toEqual(['sislik', '3', 'gun', 'agri', 'kizariklik']);
    expect(foldedWords('отёк и боль')).toEqual(['отек', 'и', 'боль']);
    expect(isWordCharacter('ş')).toBe(true);
    expect(isWordCharacter('ж')).toBe(true);
    expect(isWordCharacter("'")).toBe(false);
    expect(isWordCharacter(undefined)).toBe(false);
  });
});
