import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { stringify } from 'yaml';
import { knowledgeFiles } from '../../core/knowledge/knowledge-files.js';
import {
  textShapes,
  translatableFileKeys,
  type ObjectShape,
  type TranslatableFileKey,
} from '../../core/knowledge/translation/text-shape.js';
import { defaultKnowledgeDir } from '../load-knowledge-base.js';

/** How a fixture translation words a text (given its path) and a matching word. */
export interface Wording {
  text: (english: string, path: string) => string;
  word: (english: string) => string;
}

/** Keeps every figure: the text, marked as translated. */
export const marked: Wording = { text: (english) => `«${english}»`, word: (english) => `${english} zz` };

function mirror(value: Record<string, unknown>, shape: ObjectShape, path: string, wording: Wording, idKey?: string) {
  const out: Record<string, unknown> = idKey ? { [idKey]: value[idKey] } : {};
  for (const [name, field] of Object.entries(shape.fields)) {
    const v = value[name];
    const at = path ? `${path}.${name}` : name;
    if (v === undefined) continue;
    if (field.kind === 'text') out[name] = wording.text(v as string, at);
    else if (field.kind === 'words') out[name] = (v as string[]).map(wording.word);
    else if (field.kind === 'object') out[name] = mirror(v as Record<string, unknown>, field, at, wording);
    else
      out[name] = (v as Record<string, unknown>[]).map((item) =>
        mirror(item, field.item, `${at}[${String(item[field.key])}]`, wording, field.key),
      );
  }
  return out;
}

/**
 * A complete translation of the English data in the documented format (only identifying keys, texts
 * and word lists, mirroring the English files), by file key.
 */
export function translationOf(
  data: Partial<Record<TranslatableFileKey, unknown>>,
  wording: Wording = marked,
): Record<TranslatableFileKey, Record<string, unknown>> {
  const out = {} as Record<TranslatableFileKey, Record<string, unknown>>;
  for (const key of translatableFileKeys)
    out[key] = mirror(data[key] as Record<string, unknown>, textShapes[key], '', wording);
  return out;
}

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of knowledge/ whose only translation is `documents`, written as `language`'s folder. */
export function knowledgeWithTranslation(
  language: string,
  documents: Partial<Record<TranslatableFileKey, unknown>>,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'mesodesk-kb-i18n-'));
  copies.push(dir);
  cpSync(defaultKnowledgeDir, dir, { recursive: true });
  rmSync(join(dir, 'translations'), { recursive: true, force: true });
  const folder = join(dir, 'translations', language);
  mkdirSync(folder, { recursive: true });
  for (const key of translatableFileKeys)
    if (documents[key] !== undefined) writeFileSync(join(folder, knowledgeFiles[key].file), stringify(documents[key]));
  return dir;
}
