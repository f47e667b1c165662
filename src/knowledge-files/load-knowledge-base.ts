import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { buildKnowledgeBase } from '../core/knowledge/build-knowledge-base.js';
import { knowledgeFiles, type KnowledgeDocuments, type KnowledgeFileKey } from '../core/knowledge/knowledge-files.js';
import { formatKnowledgeProblem, type KnowledgeBase, type KnowledgeProblem } from '../core/knowledge/knowledge-base.js';

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
      problems.push({ file, path: '', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    texts[key] = text;
    const doc = parseDocument(text, { prettyErrors: true });
    for (const e of doc.errors)
      problems.push({ file, path: e.linePos ? `line ${e.linePos[0].line}` : '', message: e.message.split('\n')[0] ?? e.message });
    documents[key] = doc.toJS();
  }
  return { documents, texts, problems };
}

function contentVersion(read: ReadKnowledge): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(knowledgeFiles) as KnowledgeFileKey[]) hash.update(`${key}\0${read.texts[key] ?? ''}\0`);
  const sources = read.documents.sources as { version?: unknown } | undefined;
  const semver = typeof sources?.version === 'string' ? sources.version : '0.0.0';
  return `${semver}+${hash.digest('hex').slice(0, 12)}`;
}

/** Loads, validates and indexes the knowledge base; throws `KnowledgeBaseError` naming every problem. */
export function loadKnowledgeBase(dir: string = defaultKnowledgeDir): KnowledgeBase {
  const read = readKnowledgeFiles(dir);
  if (read.problems.length) throw new KnowledgeBaseError(read.problems);
  const built = buildKnowledgeBase(read.documents, contentVersion(read));
  if (!built.ok) throw new KnowledgeBaseError(built.problems);
  return built.knowledgeBase;
}
