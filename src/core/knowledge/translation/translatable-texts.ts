import { knowledgeFiles } from '../knowledge-files.js';
import { textShapes, translatableFileKeys, type ObjectShape, type TranslatableFileKey } from './text-shape.js';

/** A text or a list of matching words. */
export type TextValue = string | readonly string[];

/** One text a reader sees, where it sits and what it says. */
export interface TextEntry {
  key: TranslatableFileKey;
  file: string;
  /**
   * The text's place, naming list items by their identifying field as a translation file does:
   * `faq[downtime].answer`, `conflicts[stroke_or_paralysis].statements[000_28eead5230689bfd.txt:70].says`.
   */
  path: string;
  kind: 'text' | 'words';
  value: TextValue;
}

type Visit = (path: string, kind: 'text' | 'words', value: TextValue, replace: (value: TextValue) => void) => void;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Visits every text and word list under `value` (a parsed or built file, or part of one) that its
 * shape declares, with a function that replaces it in place (for a copy being localized). Values of
 * the wrong type are skipped: validating them is the schema's work.
 */
export function forEachText(value: unknown, shape: ObjectShape, path: string, visit: Visit): void {
  if (!isRecord(value)) return;
  for (const [name, field] of Object.entries(shape.fields)) {
    const at = path ? `${path}.${name}` : name;
    const v = value[name];
    const replace = (next: TextValue) => {
      value[name] = next;
    };
    if (field.kind === 'text') {
      if (typeof v === 'string') visit(at, 'text', v, replace);
    } else if (field.kind === 'words') {
      if (Array.isArray(v) && v.every((w) => typeof w === 'string')) visit(at, 'words', v as string[], replace);
    } else if (field.kind === 'object') forEachText(v, field, at, visit);
    else if (Array.isArray(v))
      for (const item of v) if (isRecord(item)) forEachText(item, field.item, `${at}[${String(item[field.key])}]`, visit);
  }
}

/**
 * Every translatable text of a knowledge base (its `data`, or the parsed documents), in file order:
 * what a translation must give, and what `kb lint` checks each language against.
 */
export function translatableTexts(documents: Partial<Record<TranslatableFileKey, unknown>>): TextEntry[] {
  const entries: TextEntry[] = [];
  for (const key of translatableFileKeys) {
    const file = knowledgeFiles[key].file;
    forEachText(documents[key], textShapes[key], '', (path, kind, value) =>
      entries.push({ key, file, path, kind, value }),
    );
  }
  return entries;
}
