import { describe, expect, it } from 'vitest';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { referenceList, type SourceTitle } from './citation-labels.js';

const sources: SourceTitle[] = [
  { file: '000_aaaaaaaaaaaaaaaa.txt', title: 'Pros and cons', kind: 'seed' },
  { file: '001_bbbbbbbbbbbbbbbb.txt', title: 'Side effects', kind: 'seed' },
  { file: 'house-rules.txt', title: 'House rules', kind: 'house' },
  { file: 'outside-references.txt', title: 'Clinical terms', kind: 'outside' },
];
const seedFileName = /[0-9]{3}_[0-9a-f]{16}\.txt/;

describe('referenceList', () => {
  it('marks a statement with line numbers for a clinician, and lists each source once with the lines cited', () => {
    const refs = referenceList(sources, { lines: true });
    expect(refs.mark(['001_bbbbbbbbbbbbbbbb.txt:4', 'house-rules.txt:2'])).toBe('[2:4, 3:2]');
    expect(refs.mark(['000_aaaaaaaaaaaaaaaa.txt:95', '000_aaaaaaaaaaaaaaaa.txt:93'])).toBe('[1:95, 1:93]');
    expect(refs.mark(['001_bbbbbbbbbbbbbbbb.txt:4'])).toBe('[2:4]');
    expect(refs.lines()).toEqual(['1. Pros and cons, lines 93, 95', '2. Side effects, line 4', '3. mesodesk house rule: House rules, line 2']);
  });

  it('marks only the source numbers for a patient, in order, each once, and lists no lines', () => {
    const refs = referenceList(sources, { lines: false });
    expect(refs.mark(['outside-references.txt:7', '000_aaaaaaaaaaaaaaaa.txt:95', '000_aaaaaaaaaaaaaaaa.txt:93'])).toBe('[1, 4]');
    expect(refs.lines()).toEqual(['1. Pros and cons', '4. outside reference: Clinical terms']);
  });

  it('numbers a source by its place in sources.yaml, so a number means the same source in every document', () => {
    const a = referenceList(sources, { lines: false });
    const b = referenceList(sources, { lines: false });
    a.mark(['001_bbbbbbbbbbbbbbbb.txt:1']);
    b.mark(['000_aaaaaaaaaaaaaaaa.txt:1', '001_bbbbbbbbbbbbbbbb.txt:1']);
    expect(a.references()[0]).toEqual(b.references()[1]);
  });

  it('cites nothing with an empty mark, and a whole source (no line) by its number', () => {
    const refs = referenceList(sources, { lines: true });
    expect(refs.mark([])).toBe('');
    expect(refs.references()).toEqual([]);
    expect(refs.mark(['001_bbbbbbbbbbbbbbbb.txt'])).toBe('[2]');
    expect(refs.lines()).toEqual(['2. Side effects']);
  });

  it('keeps a file sources.yaml does not list traceable by its name, numbered after the listed sources', () => {
    const refs = referenceList(sources, { lines: true });
    expect(refs.mark(['999_old.txt:3', '000_aaaaaaaaaaaaaaaa.txt:1'])).toBe('[5:3, 1:1]');
    expect(refs.lines()).toEqual(['1. Pros and cons, line 1', '5. source not listed in the knowledge base (999_old.txt), line 3']);
  });

  it('names a source’s publisher after its title where sources.yaml gives one', () => {
    const published: SourceTitle[] = [{ ...sources[0]!, publisher: 'Example Dermatology Journal' }, ...sources.slice(1)];
    const refs = referenceList(published, { lines: false });
    refs.mark(['000_aaaaaaaaaaaaaaaa.txt:1', '001_bbbbbbbbbbbbbbbb.txt:2']);
    expect(refs.lines()).toEqual(['1. Pros and cons, Example Dermatology Journal', '2. Side effects']);
  });

  it('takes the words of another language', () => {
    const refs = referenceList(sources, { lines: true, words: { houseRule: 'mesodesk kuralı', line: '{lines}. satır', lines: '{lines}. satırlar' } });
    refs.mark(['house-rules.txt:2', '000_aaaaaaaaaaaaaaaa.txt:5', '000_aaaaaaaaaaaaaaaa.txt:6']);
    expect(refs.lines()).toEqual(['1. Pros and cons, 5, 6. satırlar', '3. mesodesk kuralı: House rules, 2. satır']);
  });

  it('names every source of the real knowledge base by its title, never by a seed file name', () => {
    const kb = testKnowledgeBase();
    const refs = referenceList(kb.data.sources.sources, { lines: true });
    const all = kb.data.sources.sources.map((s) => `${s.file}:1`);
    expect(refs.mark(all)).not.toMatch(seedFileName);
    const lines = refs.lines();
    expect(lines).toHaveLength(kb.data.sources.sources.length);
    for (const [i, s] of kb.data.sources.sources.entries()) expect(lines[i]).toContain(s.title);
    expect(lines.join('\n')).not.toMatch(seedFileName);
    expect(lines.filter((l) => l.includes('mesodesk house rule: '))).toHaveLength(kb.data.sources.sources.filter((s) => s.kind === 'house').length);
    expect(lines.filter((l) => l.includes('outside reference: '))).toHaveLength(kb.data.sources.sources.filter((s) => s.kind === 'outside').length);
  });
});
