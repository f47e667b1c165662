import { describe, expect, it } from 'vitest';
import { termMentions } from './negation-scope.js';
import { termReaders } from './test-support/term-readers.js';

const terms = ['lump', 'bump', 'pus', 'redness', 'swelling', 'fever', 'oozing', "can't breathe", 'itching', 'sore'];
const { affirmed, negated } = termReaders(terms);

describe('negation scope in free text', () => {
  it('a negation word denies what follows it in the same clause only', () => {
    expect(affirmed('no lump, just mild redness')).toEqual(['redness']);
    expect(negated('no lump, just mild redness')).toEqual(['lump']);
    expect(affirmed('No pus. Some swelling.')).toEqual(['swelling']);
    expect(affirmed('swelling without pus')).toEqual(['swelling']);
    expect(affirmed('no fever but a lump')).toEqual(['lump']);
    expect(affirmed('no itching and pus is coming out')).toEqual(['pus']);
    expect(affirmed('denies fever; reports a lump')).toEqual(['lump']);
    expect(affirmed("there isn't any redness")).toEqual([]);
    expect(affirmed('never had a fever')).toEqual([]);
  });

  it('a short "or" list of known terms after a comma stays denied; a clause of its own does not', () => {
    expect(negated('no redness, swelling or pus')).toEqual(['pus', 'redness', 'swelling']);
    expect(negated('no redness, swelling, or pus at all')).toEqual(['pus', 'redness', 'swelling']);
    expect(negated('neither lump nor pus')).toEqual(['lump', 'pus']);
    expect(affirmed('no fever, a lump or bump appeared')).toEqual(['bump', 'lump']);
  });

  it.each([
    ["I'm not sure if it is a lump", ['lump']],
    ["it won't stop oozing", ['oozing']],
    ["I don't know whether that is pus", ['pus']],
    ['not just redness, a bump too', ['bump', 'redness']],
    ["the swelling isn't going down", ['swelling']],
    ["I can't breathe", ["can't breathe"]],
  ])('phrases that only look negative deny nothing: %s', (text, terms) => {
    expect(affirmed(text)).toEqual(terms);
  });

  it('a term mentioned once affirmed counts, whatever else the text denies', () => {
    expect(affirmed('no lump yesterday, but today there is a lump')).toEqual(['lump']);
    expect(negated('no lump yesterday, but today there is a lump')).toEqual([]);
  });

  it('matches whole words, any case and curly apostrophes', () => {
    expect(termMentions('BRASH photo', ['rash', 'hot']).affirmed).toEqual(new Set());
    expect(termMentions('the LUMP’s size', ['lump']).affirmed).toEqual(new Set(['lump']));
    expect(termMentions('There’s no LUMP', ['lump']).negated).toEqual(new Set(['lump']));
    expect(termMentions('A Lump', ['lump']).affirmed).toEqual(new Set(['lump']));
  });
});
