import { knowledgeFiles } from '../knowledge-files.js';
import type { KnowledgeProblem } from '../knowledge-base.js';
import { text } from '../schema/common.js';
import { textShapes, translatableFileKeys, type ObjectShape, type TranslatableFileKey } from './text-shape.js';
import type { TextValue } from './translatable-texts.js';

/** One language's texts, checked against the English: by file, then by text path (see `TextEntry.path`). */
export interface KnowledgeTranslation {
  language: string;
  texts: Partial<Record<TranslatableFileKey, ReadonlyMap<string, TextValue>>>;
}

/** Where a language's version of a knowledge file lives, relative to the knowledge folder. */
export function translationFile(language: string, key: TranslatableFileKey): string {
  return `translations/${language}/${knowledgeFiles[key].file}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);

interface Reading {
  file: string;
  english: string;
  texts: Map<string, TextValue>;
  problems: KnowledgeProblem[];
}

function readWords(value: unknown, allowsEmpty: boolean): string[] | string {
  if (!Array.isArray(value)) return 'must be a list of words';
  const words: string[] = [];
  for (const word of value) {
    const parsed = text.safeParse(word);
    if (!parsed.success) return 'every word must be non-empty text';
    words.push(parsed.data);
  }
  if (!words.length && !allowsEmpty) return 'needs at least one word';
  return words;
}

function readList(
  value: unknown,
  english: unknown,
  shape: { key: string; item: ObjectShape },
  path: string,
  r: Reading,
): void {
  const problem = (at: string, message: string): void => {
    r.problems.push({ file: r.file, path: at, message });
  };
  if (!Array.isArray(value)) return problem(path, 'must be a list');
  const englishItems = new Map<string, unknown>();
  if (Array.isArray(english))
    for (const item of english) if (isRecord(item)) englishItems.set(String(item[shape.key]), item);
  const seen = new Set<string>();
  value.forEach((item, i) => {
    if (!isRecord(item)) return problem(`${path}[${i}]`, 'must be a mapping');
    const id = item[shape.key];
    if (typeof id !== 'string')
      return problem(`${path}[${i}]`, `needs its ${shape.key}, to say which item of knowledge/${r.english} it translates`);
    if (!englishItems.has(id)) return problem(`${path}[${id}]`, `unknown ${shape.key} "${id}": not in knowledge/${r.english}`);
    if (seen.has(id)) return problem(`${path}[${id}]`, `${shape.key} "${id}" is translated twice`);
    seen.add(id);
    readObject(item, englishItems.get(id), shape.item, `${path}[${id}]`, r, shape.key);
  });
}

function readObject(
  value: unknown,
  english: unknown,
  shape: ObjectShape,
  path: string,
  r: Reading,
  idKey?: string,
): void {
  const problem = (at: string, message: string): void => {
    r.problems.push({ file: r.file, path: at, message });
  };
  if (!isRecord(value)) return problem(path || '(file)', 'must be a mapping of texts, as in the English file');
  for (const [name, v] of Object.entries(value)) {
    if (name === idKey) continue;
    const at = join(path, name);
    const field = shape.fields[name];
    if (!field) {
      problem(at, `is not a text to translate (here only ${Object.keys(shape.fields).join(', ')} are)`);
      continue;
    }
    const englishValue = isRecord(english) ? english[name] : undefined;
    if (englishValue === undefined) {
      problem(at, `knowledge/${r.english} has no ${name} here to translate`);
      continue;
    }
    if (field.kind === 'text') {
      const parsed = text.safeParse(v);
      if (parsed.success) r.texts.set(at, parsed.data);
      else problem(at, 'must be non-empty text');
    } else if (field.kind === 'words') {
      const words = readWords(v, field.allowsEmpty);
      if (typeof words === 'string') problem(at, words);
      else r.texts.set(at, words);
    } else if (field.kind === 'object') readObject(v, englishValue, field, at, r);
    else readList(v, englishValue, field, at, r);
  }
}

/**
 * Reads one language's parsed translation files (by file key; a file not given is absent) against the
 * English knowledge base's data. A translation file mirrors its English file but holds only texts:
 * list items keep their identifying field (`id`, `code` or, for conflict statements, `citation`),
 * then the text fields and word lists. Anything else - an item the English lacks, a field that is not
 * a text (sources, numbers, codes), a value that is not text - is a problem naming file and path, and
 * is left out; what is left out is later shown in English.
 */
export function readTranslation(
  language: string,
  documents: Partial<Record<TranslatableFileKey, unknown>>,
  english: Partial<Record<TranslatableFileKey, unknown>>,
): { translation: KnowledgeTranslation; problems: KnowledgeProblem[] } {
  const texts: KnowledgeTranslation['texts'] = {};
  const problems: KnowledgeProblem[] = [];
  for (const key of translatableFileKeys) {
    if (documents[key] === undefined) continue;
    const reading: Reading = {
      file: translationFile(language, key),
      english: knowledgeFiles[key].file,
      texts: new Map(),
      problems,
    };
    readObject(documents[key], english[key], textShapes[key], '', reading);
    texts[key] = reading.texts;
  }
  return { translation: { language, texts }, problems };
}
