import type { KnowledgeLibrary } from '../core/knowledge/knowledge-library.js';
import { buildKnowledgeLibrary } from '../core/knowledge/translation/build-knowledge-library.js';
import { defaultKnowledgeDir, loadKnowledgeBase, type LoadKnowledgeOptions } from './load-knowledge-base.js';
import { readTranslationFolders } from './read-translations.js';

/**
 * Loads the knowledge base and every language of `<knowledge>/translations/`. Throws
 * `KnowledgeBaseError` only for the English files, as `loadKnowledgeBase` does: a translation that is
 * missing, incomplete or broken never stops a start - its readers see the English where it falls
 * short, and `library.problems` (what `kb lint` fails on) says where.
 */
export function loadKnowledgeLibrary(
  dir: string = defaultKnowledgeDir,
  options: LoadKnowledgeOptions = {},
): KnowledgeLibrary {
  const base = loadKnowledgeBase(dir, options);
  const { folders, problems } = readTranslationFolders(dir, options.cacheDir);
  return buildKnowledgeLibrary(base, folders, problems);
}
