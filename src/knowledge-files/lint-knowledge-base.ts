import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeBase } from '../core/knowledge/build-knowledge-base.js';
import { knowledgeFiles, type KnowledgeFileKey } from '../core/knowledge/knowledge-files.js';
import type { KnowledgeBase, KnowledgeProblem } from '../core/knowledge/knowledge-base.js';
import { CITATION } from '../core/knowledge/schema/common.js';
import { defaultKnowledgeDir, readKnowledgeFiles } from './load-knowledge-base.js';

/** Where the seed articles are looked for when no folder is named: beside the checkout, as CI lays it out. */
export const defaultSeedsDir = resolve(fileURLToPath(new URL('../../../shared/seeds/', import.meta.url)));

export interface LintReport {
  problems: KnowledgeProblem[];
  /** Notes that are not failures (e.g. seeds not found, so lines were checked against recorded counts only). */
  notes: string[];
  citations: number;
  knowledgeBase?: KnowledgeBase;
}

function collectCitations(value: unknown, path: string, out: { path: string; citation: string }[]): void {
  if (typeof value === 'string') {
    if (CITATION.test(value) && /(^|\.)(sources\[\d+\]|citation)$/.test(path)) out.push({ path, citation: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => collectCitations(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) collectCitations(v, path ? `${path}.${k}` : k, out);
}

/**
 * Validates the knowledge base and checks every citation: the seed file is a known source, and the
 * cited line exists and has text. With the seed files at hand it also checks they are the versions
 * the citations were written against (sha256 in sources.yaml).
 */
export function lintKnowledgeBase(knowledgeDir = defaultKnowledgeDir, seedsDir = defaultSeedsDir): LintReport {
  const read = readKnowledgeFiles(knowledgeDir);
  if (read.problems.length) return { problems: read.problems, notes: [], citations: 0 };
  const built = buildKnowledgeBase(read.documents, 'lint');
  if (!built.ok) return { problems: built.problems, notes: [], citations: 0 };
  const kb = built.knowledgeBase;
  const problems: KnowledgeProblem[] = [];
  const notes: string[] = [];
  const seedLines = new Map<string, string[]>();
  const haveSeeds = existsSync(seedsDir);
  if (!haveSeeds) notes.push(`seed files not found at ${seedsDir}; cited lines were checked against the line counts in sources.yaml only`);
  else
    for (const source of kb.data.sources.sources) {
      const path = join(seedsDir, source.file);
      if (!existsSync(path)) {
        problems.push({ file: 'sources.yaml', path: source.id, message: `seed file ${source.file} is missing from ${seedsDir}` });
        continue;
      }
      const text = readFileSync(path, 'utf8');
      const digest = createHash('sha256').update(text).digest('hex');
      if (digest !== source.sha256) problems.push({ file: 'sources.yaml', path: source.id, message: `${source.file} has changed since it was cited (sha256 ${digest})` });
      seedLines.set(source.file, text.split('\n'));
    }
  let citations = 0;
  for (const [key, doc] of Object.entries(kb.data)) {
    const found: { path: string; citation: string }[] = [];
    collectCitations(doc, '', found);
    const file = knowledgeFiles[key as KnowledgeFileKey].file;
    for (const { path, citation } of found) {
      citations += 1;
      const [, seed, lineText] = CITATION.exec(citation)!;
      const lines = seedLines.get(seed!);
      if (lines && !lines[Number(lineText) - 1]?.trim())
        problems.push({ file, path, message: `cites ${citation}, which is a blank line` });
    }
  }
  return { problems, notes, citations, knowledgeBase: kb };
}
