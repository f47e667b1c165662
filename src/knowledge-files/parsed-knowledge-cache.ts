import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { KnowledgeDocuments } from '../core/knowledge/knowledge-files.js';

/**
 * The knowledge files as parsed, kept as JSON under the hash of their texts: parsing the YAML is
 * most of what loading the knowledge base costs at server start, and JSON parses a hundred times
 * faster. Kept in a folder only the server writes (its data folder), never a shared one: the
 * knowledge base decides what is safe for patients. A changed file has another hash, so a stale
 * entry is never read.
 */
export function cachedKnowledgePath(cacheDir: string, textHash: string): string {
  return join(cacheDir, `knowledge-${textHash}.json`);
}

/**
 * The parsed documents kept for these texts, or undefined (none, or unreadable: then they are parsed
 * again). `T` is what was kept under the hash: the knowledge files, or a language's translation files.
 */
export function readParsedKnowledge<T = KnowledgeDocuments>(cacheDir: string, textHash: string): T | undefined {
  try {
    return JSON.parse(readFileSync(cachedKnowledgePath(cacheDir, textHash), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the parsed documents for the next start, when JSON holds them exactly (YAML can say things
 * JSON cannot, such as `.inf`). Best effort: a read-only or full disk only costs the next start a parse.
 */
export function writeParsedKnowledge<T = KnowledgeDocuments>(cacheDir: string, textHash: string, documents: T): void {
  const json = JSON.stringify(documents);
  if (!isDeepStrictEqual(JSON.parse(json), documents)) return;
  const path = cachedKnowledgePath(cacheDir, textHash);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    // Written aside and renamed, so another process never reads half a file.
    writeFileSync(temporary, json, { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    // The next start parses the YAML again.
  }
}
