import type { Area, Indication, Ingredient, Mixture } from './schema/catalogue-schema.js';
import type { SideEffect } from './schema/care-schema.js';
import type { Protocol } from './schema/protocol-schema.js';
import type { Conflict } from './schema/reference-schema.js';
import type { KnowledgeData } from './knowledge-files.js';
import { foldText } from '../text/fold-text.js';

/** The validated knowledge base with lookup indexes; built by `buildKnowledgeBase`. */
export interface KnowledgeBase {
  version: string;
  data: KnowledgeData;
  areas: ReadonlyMap<string, Area>;
  indications: ReadonlyMap<string, Indication>;
  ingredients: ReadonlyMap<string, Ingredient>;
  /** Ingredient id by normalised name, id or alias, for matching free-text allergies. */
  ingredientLookup: ReadonlyMap<string, string>;
  /** Recognised condition code (screening.yaml) by normalised code, name or alias. */
  conditionLookup: ReadonlyMap<string, string>;
  /** Recognised recent-procedure type (screening.yaml) by normalised code, name or alias. */
  procedureLookup: ReadonlyMap<string, string>;
  mixtures: ReadonlyMap<string, Mixture>;
  protocols: ReadonlyMap<string, Protocol>;
  conflicts: ReadonlyMap<string, Conflict>;
  sideEffects: ReadonlyMap<string, SideEffect>;
  /** Seed file name by source id, and line count by seed file name. */
  sourceLines: ReadonlyMap<string, number>;
}

export interface KnowledgeProblem {
  file: string;
  path: string;
  message: string;
}

/**
 * A term as matched: folded (lower case, marks off the letters, dotless and dotted i as i - see
 * `foldText`), with runs of spaces, hyphens and dots as one underscore. "İnme", "inme" and "INME" are
 * one term, and so are "Felç" and "felc": a typed word matches however the keyboard spelled it.
 */
export function normaliseTerm(term: string): string {
  return foldText(term)
    .trim()
    .replace(/[\s\-.]+/g, '_');
}

export function formatKnowledgeProblem(p: KnowledgeProblem): string {
  return `knowledge/${p.file}: ${p.path || '(file)'}: ${p.message}`;
}
