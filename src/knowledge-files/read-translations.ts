import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeFiles } from '../core/knowledge/knowledge-files.js';
import type { KnowledgeProblem } from '../core/knowledge/knowledge-base.js';
import { BASE_LANGUAGE } from '../core/knowledge/knowledge-library.js';
import type { ParsedTranslation } from '../core/knowledge/translation/build-knowledge-library.js';
import { translationFile } from '../core/knowledge/translation/read-translation.js';
import { translatableFileKeys, type TranslatableFileKey } from '../core/knowledge/translation/text-shape.js';
import { parseKnowledgeYaml } from './parse-knowledge-yaml.js';
import { readParsedKnowledge, writeParsedKnowledge } from './parsed-knowledge-cache.js';

/** A language folder's name: a language code, optionally with a region or script (tr, pt-br, zh-hant). */
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

const fileKeys = new Map<string, TranslatableFileKey>(
  translatableFileKeys.map((key) => [knowledgeFiles[key].file, key]),
);

function readLanguage(folder: string, language: string, cacheDir: string | undefined, problems: KnowledgeProblem[]) {
  const texts = new Map<TranslatableFileKey, string>();
  for (const name of readdirSync(folder).sort()) {
    const key = fileKeys.get(name);
    if (!key) {
      const english = Object.values(knowledgeFiles).some((f) => f.file === name) || name.endsWith('.txt');
      problems.push({
        file: `translations/${language}/${name}`,
        path: '',
        message: english
          ? 'is not translated (sources, house rules and outside references stay as written); remove it'
          : 'is not a knowledge file: a translation has the English file names',
      });
      continue;
    }
    try {
      texts.set(key, readFileSync(join(folder, name), 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      problems.push({ file: translationFile(language, key), path: '', message: `cannot be read (${code})` });
    }
  }
  const hash = createHash('sha256').update(`translation\0${language}\0`);
  for (const [key, text] of [...texts].sort(([a], [b]) => a.localeCompare(b))) hash.update(`${key}\0${text}\0`);
  const digest = hash.digest('hex');
  const cached = cacheDir ? readParsedKnowledge<ParsedTranslation['documents']>(cacheDir, digest) : undefined;
  if (cached) return cached;
  const documents: ParsedTranslation['documents'] = {};
  let sound = true;
  for (const [key, text] of texts) {
    const parsed = parseKnowledgeYaml(translationFile(language, key), text);
    problems.push(...parsed.problems);
    if (parsed.problems.length) sound = false;
    // A file with a syntax error is left out whole: its texts are then shown in English.
    else documents[key] = parsed.document;
  }
  if (cacheDir && sound) writeParsedKnowledge(cacheDir, digest, documents);
  return documents;
}

/**
 * Reads every language folder under `<knowledge>/translations/` (a folder per language code, holding
 * files named as the English ones). Never throws on what a folder holds: whatever cannot be read is a
 * problem naming the file, and is left out.
 */
export function readTranslationFolders(
  knowledgeDir: string,
  cacheDir?: string,
): { folders: ParsedTranslation[]; problems: KnowledgeProblem[] } {
  const root = join(knowledgeDir, 'translations');
  const folders: ParsedTranslation[] = [];
  const problems: KnowledgeProblem[] = [];
  if (!existsSync(root)) return { folders, problems };
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { folders, problems: [{ file: 'translations', path: '', message: `cannot be read (${code})` }] };
  }
  for (const language of names) {
    const folder = join(root, language);
    const problem = (message: string) => problems.push({ file: `translations/${language}`, path: '', message });
    try {
      // A file beside the language folders (a README) is no language.
      if (!statSync(folder).isDirectory()) continue;
      if (language === BASE_LANGUAGE) problem('is the base language: its texts are the files in knowledge/ itself');
      else if (!LANGUAGE_CODE.test(language)) problem('is not a language code in lower case (such as tr or pt-br)');
      else folders.push({ language, documents: readLanguage(folder, language, cacheDir, problems) });
    } catch (error) {
      problem(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  return { folders, problems };
}
