import { z } from 'zod';

/**
 * A reader's language in a body: one of the languages the knowledge library has (`en`, `tr`), which
 * only the running server knows, so routes build it at registration from `app.knowledgeLibrary`. The
 * OpenAPI document lists them; a wrong one is refused naming the field and the languages there are.
 */
export function preferredLanguageField(languages: readonly string[]) {
  const [first = 'en', ...rest] = languages;
  return z
    .enum([first, ...rest], {
      error: (issue) => (issue.input === undefined ? 'required' : `must be one of: ${languages.join(', ')}`),
    })
    .describe('A language of the knowledge base (GET /api/health lists them)');
}
