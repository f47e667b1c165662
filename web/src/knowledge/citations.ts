import type { Sourced } from '../api/assessment-types';
import { sourceArticle } from './catalogue';

/** One place in a source article: which article (title, if the knowledge base lists it) and which line. */
export interface CitationPlace {
  file: string;
  line: number | null;
  title: string | null;
  /** The article's number in sources.yaml (1-based), a short handle for the reader. */
  number: number | null;
}

function place(file: string, line: number | null): CitationPlace {
  const article = sourceArticle(file);
  return { file, line, title: article?.title ?? null, number: article?.number ?? null };
}

/** "000_x.txt:101" → the file and line. A citation without a line names the whole article. */
export function parseCitation(citation: string): CitationPlace {
  const match = /^(.*):(\d+)$/.exec(citation);
  return match ? place(match[1] ?? citation, Number(match[2])) : place(citation, null);
}

/**
 * Every place a fact cites: its `citations` (file and line), plus any file in `sources` that no
 * citation names (older results, or a source cited as a whole). `citations` may be missing in
 * results stored before it existed.
 */
export function citationPlaces(sourced: Partial<Sourced>): CitationPlace[] {
  const places = (sourced.citations ?? []).map(parseCitation);
  const cited = new Set(places.map((p) => p.file));
  for (const file of sourced.sources ?? []) if (!cited.has(file)) places.push(place(file, null));
  return places;
}
