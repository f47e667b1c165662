import type { SourceDocument } from './schema/sources-schema.js';

/**
 * Citations ("<file>:<line>") as numbered references a reader can follow: each statement carries
 * `[1]` or `[1:101, 3:33]`, and one list at the end names each source by its title. A seed file
 * name means nothing to a clinician or a patient, so it is never shown for a source that
 * sources.yaml lists; its publisher follows the title where sources.yaml names one. A source's
 * number is its place in sources.yaml (as in the web app), so
 * "[3]" means the same article on every screen and sheet; the list holds only the sources cited.
 */

/** What a reference needs to know about a source (a sources.yaml entry). */
export type SourceTitle = Pick<SourceDocument, 'file' | 'title' | 'kind'> & { publisher?: string | undefined };

/** The words of a references list, so a document in another language can supply its own. */
export interface ReferenceWords {
  /** Names a `kind: house` source as mesodesk's own rule, not a published article. */
  houseRule: string;
  /** Names a `kind: outside` source as an outside reference, not a seed article. */
  outsideReference: string;
  /** `{lines}`: one line number. */
  line: string;
  /** `{lines}`: several line numbers, comma-separated. */
  lines: string;
  /** `{file}`: a cited file that sources.yaml does not list (an older record); the file is its only name. */
  unlisted: string;
}

export const englishReferenceWords: ReferenceWords = {
  houseRule: 'mesodesk house rule',
  outsideReference: 'outside reference',
  line: 'line {lines}',
  lines: 'lines {lines}',
  unlisted: 'source not listed in the knowledge base ({file})',
};

export interface ReferenceOptions {
  /** Line numbers in the marks and the list: for a clinician checking a fact, not for a patient. */
  lines: boolean;
  words?: Partial<ReferenceWords>;
}

export interface Reference {
  number: number;
  /** The list entry without its number: title, what kind of source, and the lines cited if asked. */
  text: string;
}

export interface ReferenceList {
  /** The mark for one statement's citations, e.g. `[1]`, `[1, 3]` or `[1:93, 3:70]`; '' when it cites nothing. */
  mark(citations: readonly string[]): string;
  /** Every source marked so far, in number order. */
  references(): Reference[];
  /** The references as lines, "1. <title>, lines 93, 95". */
  lines(): string[];
}

interface Place {
  file: string;
  line: number | null;
}

/** "000_x.txt:101" → file and line; a citation without a line names the whole source. */
function parse(citation: string): Place {
  const match = /^(.+):(\d+)$/.exec(citation);
  return match ? { file: match[1]!, line: Number(match[2]) } : { file: citation, line: null };
}

const fill = (template: string, key: string, value: string) => template.split(`{${key}}`).join(value);

/** A fresh references list for one document; marks number each source the first time it is cited. */
export function referenceList(sources: readonly SourceTitle[], options: ReferenceOptions): ReferenceList {
  const words = { ...englishReferenceWords, ...options.words };
  const listed = new Map(sources.map((s, index) => [s.file, { source: s, number: index + 1 }]));
  // Files sources.yaml does not list are numbered after the listed ones, in the order first cited.
  const unlisted = new Map<string, number>();
  const cited = new Map<number, { file: string; lines: Set<number> }>();

  const numberOf = (file: string): number => {
    const known = listed.get(file)?.number ?? unlisted.get(file);
    if (known !== undefined) return known;
    const next = sources.length + unlisted.size + 1;
    unlisted.set(file, next);
    return next;
  };

  const entryText = (file: string, lines: ReadonlySet<number>): string => {
    const source = listed.get(file)?.source;
    let name = fill(words.unlisted, 'file', file);
    if (source) {
      const title = source.publisher ? `${source.title}, ${source.publisher}` : source.title;
      name = source.kind === 'house' ? `${words.houseRule}: ${title}` : source.kind === 'outside' ? `${words.outsideReference}: ${title}` : title;
    }
    if (!options.lines || lines.size === 0) return name;
    const sorted = [...lines].sort((a, b) => a - b);
    return `${name}, ${fill(sorted.length === 1 ? words.line : words.lines, 'lines', sorted.join(', '))}`;
  };

  const references = (): Reference[] =>
    [...cited.entries()].sort(([a], [b]) => a - b).map(([number, { file, lines }]) => ({ number, text: entryText(file, lines) }));

  return {
    mark(citations) {
      const parts: string[] = [];
      for (const place of citations.map(parse)) {
        const number = numberOf(place.file);
        const entry = cited.get(number) ?? { file: place.file, lines: new Set<number>() };
        if (place.line !== null) entry.lines.add(place.line);
        cited.set(number, entry);
        parts.push(options.lines && place.line !== null ? `${number}:${place.line}` : String(number));
      }
      const unique = [...new Set(parts)];
      // Without lines the mark lists each source once, in number order; with lines, as cited.
      if (!options.lines) unique.sort((a, b) => Number(a) - Number(b));
      return unique.length ? `[${unique.join(', ')}]` : '';
    },
    references,
    lines: () => references().map((r) => `${r.number}. ${r.text}`),
  };
}
