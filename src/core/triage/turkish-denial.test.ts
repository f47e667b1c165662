import { describe, expect, it } from 'vitest';
import { termMentions } from './negation-scope.js';
import { termReaders } from './test-support/term-readers.js';

const terms = ['irin', 'kızarıklık', 'şişlik', 'ateşim', 'ateş', 'yara', 'ağrı', 'kaşıntı', 'irin akıyor'];
const { affirmed, negated } = termReaders(terms);

describe('Turkish words in free text', () => {
  it('matches terms however they are typed: capitals, dotted and dotless i, no Turkish letters', () => {
    expect(affirmed('İrin geliyor')).toEqual(['irin']);
    expect(affirmed('KIZARIKLIK VAR')).toEqual(['kızarıklık']);
    expect(affirmed('sislik ve kasinti')).toEqual(['kaşıntı', 'şişlik']);
    expect(affirmed('ŞİŞLİK')).toEqual(['şişlik']);
    expect(affirmed('AGRI')).toEqual(['ağrı']);
  });

  it('matches whole words only, by letters of any script', () => {
    expect(affirmed('bu renk bana yaraşır')).toEqual([]);
    expect(affirmed('çok şirin bir çocuk')).toEqual([]);
    expect(affirmed('yarası var')).toEqual([]);
    expect(termMentions('αyara', ['yara']).affirmed).toEqual(new Set());
    expect(affirmed('yara, irin')).toEqual(['irin', 'yara']);
  });

  it('a term followed at once by "yok" or "olmadı" is denied', () => {
    expect(negated('irin yok')).toEqual(['irin']);
    expect(affirmed('irin yok, sadece biraz kızarıklık var')).toEqual(['kızarıklık']);
    expect(negated('ateşim hiç olmadı')).toEqual(['ateşim']);
    expect(negated('Ağrı da yok.')).toEqual(['ağrı']);
    expect(negated('IRIN YOK')).toEqual(['irin']);
  });

  it('denies only the term right before the denial, never one further back', () => {
    // "no redness, swelling or pus": only the pus is read as denied; the others count (over-triage).
    expect(affirmed('kızarıklık, şişlik veya irin yok')).toEqual(['kızarıklık', 'şişlik']);
    expect(negated('kızarıklık, şişlik veya irin yok')).toEqual(['irin']);
    // "pus is flowing, no fever": the pus counts.
    expect(affirmed('irin akıyor ateş yok')).toEqual(['irin', 'irin akıyor']);
    expect(negated('irin akıyor ateş yok')).toEqual(['ateş']);
  });

  it('phrases that only look like a denial deny nothing', () => {
    for (const text of [
      'kızarıklık yoktu ama şimdi var', // there was none, now there is
      'şişlik yok olmadı', // the swelling did not go away
      'şişlik bir türlü yok olmuyor',
      'irin yok mu?', // a question
      'irin yok?',
      'ağrı yok değil', // it is not that there is no pain
      'kaşıntı yok edilemiyor', // the itching cannot be got rid of
      'ağrı yok gibi ama var',
      'kızarıklık değil, şişlik', // "değil" is never read as a denial
      'sadece kızarıklık değil, şişlik de var',
      'yok, kızarıklık var', // a "yok" before the term
    ])
      expect(negated(text), text).toEqual([]);
    expect(affirmed('sadece kızarıklık değil, şişlik de var')).toEqual(['kızarıklık', 'şişlik']);
    expect(affirmed('şişlik yok olmadı')).toEqual(['şişlik']);
  });

  it('a term mentioned once without a denial counts, whatever else denies it', () => {
    expect(affirmed('dün irin yoktu, bugün irin yok değil')).toEqual(['irin']);
    expect(affirmed('irin yok dedim ama irin var')).toEqual(['irin']);
  });
});
