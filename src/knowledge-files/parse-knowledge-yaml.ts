import { createRequire } from 'node:module';
import type { KnowledgeProblem } from '../core/knowledge/knowledge-base.js';

/** The YAML parser, loaded when a file must be parsed (not when its parse is cached). */
function yaml(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

/**
 * Parses one knowledge file's text. Syntax errors become problems naming the file (as given) and the
 * line; the document is undefined only when it cannot be turned into data at all.
 */
export function parseKnowledgeYaml(file: string, text: string): { document?: unknown; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const doc = yaml().parseDocument(text, { prettyErrors: true });
  for (const e of doc.errors)
    problems.push({
      file,
      path: e.linePos ? `line ${e.linePos[0].line}` : '',
      message: e.message.split('\n')[0] ?? e.message,
    });
  try {
    return { document: doc.toJS() as unknown, problems };
  } catch (error) {
    // Some faults only show when the document is turned into data (an alias to no anchor).
    problems.push({
      file,
      path: '',
      message: `is not valid YAML (${error instanceof Error ? error.message.trim() : String(error)})`,
    });
    return { problems };
  }
}
