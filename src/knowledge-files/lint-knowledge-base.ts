import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase } from '../core/knowledge/build-knowledge-base.js';
import { knowledgeFiles, type KnowledgeFileKey } from '../core/knowledge/knowledge-files.js';
import type { KnowledgeBase, KnowledgeProblem } from '../core/knowledge/knowledge-base.js';
import { CITATION } from '../core/knowledge/schema/common.js';
import type { SourceKind } from '../core/knowledge/schema/sources-schema.js';
import { buildKnowledgeLibrary } from '../core/knowledge/translation/build-knowledge-library.js';
import { translatableTexts } from '../core/knowledge/translation/translatable-texts.js';
import { defaultKnowledgeDir, readKnowledgeFiles } from './load-knowledge-base.js';
import { readTranslationFolders } from './read-translations.js';

/** Where the seed articles are looked for when no folder is named: beside the checkout, as CI lays it out. */
export const defaultSeedsDir = resolve(fileURLToPath(new URL('../../../shared/seeds/', import.meta.url)));

export interface LintReport {
  problems: KnowledgeProblem[];
  /** Notes that are not failures (e.g. seeds not found, so lines were checked against recorded counts only). */
  notes: string[];
  /** Citations resolved to an existing, non-blank line (which proves the line exists, not that it supports the fact). */
  citations: number;
  /** The same citations by the kind of source they point to: seed articles, house rules, outside references. */
  citationsByKind: Record<SourceKind, number>;
  /** Where the seed articles were looked for, and whether they were there (else their lines were not read). */
  seeds: { dir: string; found: boolean };
  knowledgeBase?: KnowledgeBase;
  /** The translations checked (knowledge/translations/<language>/), and how many texts each must give. */
  translations?: { languages: string[]; texts: number };
}

function collectCitations(value: unknown, path: string, out: { path: string; citation: string }[]): void {
  if (typeof value === 'string') {
    if (CITATION.test(value) && /(^|\.)(sources\[\d+\]|citation)$/.test(path)) out.push({ path, citation: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => collectCitations(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) collectCitations(v, path ? `${path}.${k}` : k, out);
}

/** The texts a translation must give: every text, and every word list the English fills. */
const required = (kb: KnowledgeBase) =>
  translatableTexts(kb.data).filter((e) => e.kind === 'text' || e.value.length > 0).length;

const noCitations = (): Record<SourceKind, number> => ({ seed: 0, house: 0, outside: 0 });

/** The report of a knowledge base that could not be read or built: its problems, and nothing checked. */
const unreadable = (problems: KnowledgeProblem[], seedsDir: string): LintReport => ({
  problems,
  notes: [],
  citations: 0,
  citationsByKind: noCitations(),
  seeds: { dir: seedsDir, found: existsSync(seedsDir) },
});

/**
 * Validates the knowledge base and resolves every citation: the cited file is a known source, and the
 * cited line exists and has text. That proves the line is there, not that it supports the fact; a
 * reviewer reads it for that. Seed articles are looked for in `seedsDir`; the house rules and outside
 * references (sources.yaml `kind: house` / `outside`) live in the knowledge folder itself. With a file
 * at hand it also checks it is the version the citations were written against (sha256 in sources.yaml).
 * Then it checks every translation (knowledge/translations/<language>/): its files mirror the English
 * ones, and it gives every text, stating the English figures (see `localizeKnowledgeBase`).
 */
export function lintKnowledgeBase(knowledgeDir = defaultKnowledgeDir, seedsDir = defaultSeedsDir): LintReport {
  const read = readKnowledgeFiles(knowledgeDir);
  if (read.problems.length) return unreadable(read.problems, seedsDir);
  const built = buildKnowledgeBase(read.documents, 'lint');
  if (!built.ok) return unreadable(built.problems, seedsDir);
  const kb = built.knowledgeBase;
  const problems: KnowledgeProblem[] = [];
  const notes: string[] = [];
  const sourceLines = new Map<string, string[]>();
  const kindOf = new Map(kb.data.sources.sources.map((s) => [s.file, s.kind]));
  const haveSeeds = existsSync(seedsDir);
  if (!haveSeeds)
    notes.push(
      `seed files not found at ${seedsDir}; lines cited in them were resolved against the line counts in sources.yaml only`,
    );
  for (const source of kb.data.sources.sources) {
    const seed = source.kind === 'seed';
    if (seed && !haveSeeds) continue;
    const dir = seed ? seedsDir : knowledgeDir;
    const path = join(dir, source.file);
    if (!existsSync(path)) {
      problems.push({
        file: 'sources.yaml',
        path: source.id,
        message: `${seed ? 'seed' : source.kind} file ${source.file} is missing from ${dir}`,
      });
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const digest = createHash('sha256').update(text).digest('hex');
    if (digest !== source.sha256)
      problems.push({
        file: 'sources.yaml',
        path: source.id,
        message: `${source.file} has changed since it was cited (sha256 ${digest})`,
      });
    sourceLines.set(source.file, text.split('\n'));
  }
  let citations = 0;
  const citationsByKind = noCitations();
  for (const [key, doc] of Object.entries(kb.data)) {
    const found: { path: string; citation: string }[] = [];
    collectCitations(doc, '', found);
    const file = knowledgeFiles[key as KnowledgeFileKey].file;
    for (const { path, citation } of found) {
      citations += 1;
      const [, cited, lineText] = CITATION.exec(citation)!;
      citationsByKind[kindOf.get(cited!) ?? 'seed'] += 1;
      const lines = sourceLines.get(cited!);
      if (lines && !lines[Number(lineText) - 1]?.trim())
        problems.push({ file, path, message: `cites ${citation}, which is a blank line` });
    }
  }
  // Each language must give every text, stating the English figures (see localizeKnowledgeBase).
  const { folders, problems: folderProblems } = readTranslationFolders(knowledgeDir);
  const library = buildKnowledgeLibrary(kb, folders, folderProblems);
  problems.push(...library.problems);
  const translations = { languages: library.languages.slice(1), texts: required(kb) };
  const seeds = { dir: seedsDir, found: haveSeeds };
  return { problems, notes, citations, citationsByKind, seeds, knowledgeBase: kb, translations };
}
