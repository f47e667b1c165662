import { describe, expect, it } from 'vitest';
import { citationPlaces, parseCitation } from './citations';

describe('citations', () => {
  it('names the article and line of a citation', () => {
    expect(parseCitation('002_ee74a7493c54c6f5.txt:33')).toMatchObject({ file: '002_ee74a7493c54c6f5.txt', line: 33, number: 3 });
    expect(parseCitation('002_ee74a7493c54c6f5.txt:33').title).toMatch(/contraindications/i);
  });

  it('adds sources that no citation names, without a line; unknown files keep their name', () => {
    const places = citationPlaces({ sources: ['000_28eead5230689bfd.txt', 'other.txt'], citations: ['000_28eead5230689bfd.txt:101'] });
    expect(places.map((p) => [p.file, p.line])).toEqual([
      ['000_28eead5230689bfd.txt', 101],
      ['other.txt', null],
    ]);
    expect(places[1]?.title).toBeNull();
    expect(citationPlaces({ sources: ['000_28eead5230689bfd.txt'] })).toHaveLength(1);
  });
});
