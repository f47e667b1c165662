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

function place(file: string, line: number | null, language: string | undefined): CitationPlace {
  const article = sourceArticle(file, language);
  return { file, line, title: article?.title ?? null, number: article?.number ?? null };
}

/**
 * "000_x.txt:101" → the file and line, the article titled in `language` (English where the
 * knowledge base gives no title in it). A citation without a line names the whole article.
 */
export function parseCitation(citation: string, language?: string): CitationPlace {
  const match = /^(.*):(\d+)$/.exec(citation);
  return match ? place(match[1] ?? citation, Number(match[2]), language) : place(citation, null, language);
}

/**
 * Every place a fact cites: its `citations` (file and line), plus any file in `sources` that no
 * citation names (older results, or a source cited as a whole). `citations` may be missing in
 * results stored before it existed.
 */
export function citationPlaces(sourced: Partial<Sourced>, language?: string): CitationPlace[] {
  const places = (sourced.citations ?? []).map((citation) => parseCitation(citation, language));
  const cited = new Set(places.map((p) => p.file));
  for (const file of sourced.sources ?? []) if (!cited.has(file)) places.push(place(file, null, language));
  return places;
}
