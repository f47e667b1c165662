import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildKnowledgeBase } from '../core/knowledge/build-knowledge-base.js';
import { knowledgeFiles, type KnowledgeDocuments, type KnowledgeFileKey } from '../core/knowledge/knowledge-files.js';
import { formatKnowledgeProblem, type KnowledgeBase, type KnowledgeProblem } from '../core/knowledge/knowledge-base.js';
import { parseKnowledgeYaml } from './parse-knowledge-yaml.js';
import { readParsedKnowledge, writeParsedKnowledge } from './parsed-knowledge-cache.js';

/** The knowledge/ folder of this checkout (the same from src/ under test and from dist/). */
export const defaultKnowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`the knowledge base is invalid:\n${problems.map(formatKnowledgeProblem).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

export interface ReadKnowledge {
  documents: KnowledgeDocuments;
  /** Raw file texts, by key, for hashing and line look-ups. */
  texts: Record<KnowledgeFileKey, string>;
  problems: KnowledgeProblem[];
}

/** Reads and parses every knowledge file; YAML syntax errors become problems naming file and line. */
export function readKnowledgeFiles(dir: string = defaultKnowledgeDir): ReadKnowledge {
  const documents = {} as KnowledgeDocuments;
  const texts = {} as Record<KnowledgeFileKey, string>;
  const problems: KnowledgeProblem[] = [];
  for (const key of Object.keys(knowledgeFiles) as KnowledgeFileKey[]) {
    const file = knowledgeFiles[key].file;
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (error) {
      problems.push({
        file,
        path: '',
        message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      });
      continue;
    }
    texts[key] = text;
    const parsed = parseKnowledgeYaml(file, text);
    problems.push(...parsed.problems);
    if ('document' in parsed) documents[key] = parsed.document;
  }
  return { documents, texts, problems };
}

function textHash(texts: Partial<Record<KnowledgeFileKey, string>>): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(knowledgeFiles) as KnowledgeFileKey[]) hash.update(`${key}\0${texts[key] ?? ''}\0`);
  return hash.digest('hex');
}

function contentVersion(hash: string, documents: KnowledgeDocuments): string {
  const sources = documents.sources as { version?: unknown } | undefined;
  const semver = typeof sources?.version === 'string' ? sources.version : '0.0.0';
  return `${semver}+${hash.slice(0, 12)}`;
}

/** The files' texts, or undefined when one cannot be read (the full read then names the problem). */
function readTexts(dir: string): Record<KnowledgeFileKey, string> | undefined {
  const texts = {} as Record<KnowledgeFileKey, string>;
  try {
    for (const key of Object.keys(knowledgeFiles) as KnowledgeFileKey[])
      texts[key] = readFileSync(join(dir, knowledgeFiles[key].file), 'utf8');
  } catch {
    return undefined;
  }
  return texts;
}

export interface LoadKnowledgeOptions {
  /** A folder only this server writes (its data folder's cache), to keep the parsed files in for the next start. */
  cacheDir?: string;
}

/** The parsed files and the hash of their texts: from the cache when it has them, else parsed (and kept there). */
function parsedKnowledge(dir: string, cacheDir: string | undefined): { documents: KnowledgeDocuments; hash: string } {
  if (cacheDir) {
    const texts = readTexts(dir);
    if (texts) {
      const hash = textHash(texts);
      const cached = readParsedKnowledge(cacheDir, hash);
      if (cached) return { documents: cached, hash };
    }
  }
  const read = readKnowledgeFiles(dir);
  if (read.problems.length) throw new KnowledgeBaseError(read.problems);
  const hash = textHash(read.texts);
  if (cacheDir) writeParsedKnowledge(cacheDir, hash, read.documents);
  return { documents: read.documents, hash };
}

/** Loads, validates and indexes the knowledge base; throws `KnowledgeBaseError` naming every problem. */
export function loadKnowledgeBase(
  dir: string = defaultKnowledgeDir,
  options: LoadKnowledgeOptions = {},
): KnowledgeBase {
  const { documents, hash } = parsedKnowledge(dir, options.cacheDir);
  const built = buildKnowledgeBase(documents, contentVersion(hash, documents));
  if (!built.ok) throw new KnowledgeBaseError(built.problems);
  return built.knowledgeBase;
}
