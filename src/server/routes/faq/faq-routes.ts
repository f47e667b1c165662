import { z } from 'zod';
import { faqLanguages, searchFaq } from '../../../core/faq/search-faq.js';
import type { App } from '../../app-types.js';
import { signedIn } from '../../plugins/access-control.js';
import { answers, routeSpec } from '../route-spec.js';

const faqEntry = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  tags: z.array(z.string()),
  sources: z.array(z.string()),
  score: z.number().optional(),
});

const faqQuery = z.object({
  q: z.string().trim().max(200, { message: 'must be at most 200 characters' }).optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: 'must be 1 or more' })
    .max(50, { message: 'must be at most 50' })
    .optional(),
  language: z
    .enum(faqLanguages, { error: `must be one of: ${faqLanguages.join(', ')}` })
    .default('en')
    .describe("The language of the question and of the entries returned: the reader's language (default en)"),
});

/**
 * The knowledge base's FAQ, for patients and staff: all entries, or the best matches for `q`, in the
 * reader's `language` (a Turkish question searches, and gets, the Turkish entries).
 */
export async function faqRoutes(app: App): Promise<void> {
  const spec = routeSpec(['knowledge']);
  app.get(
    '/api/faq',
    spec(signedIn, 'FAQ entries with their sources, in the given language; with q, the best matches first', {
      querystring: faqQuery,
      response: answers(z.object({ entries: z.array(faqEntry) }), 400),
    }),
    async (request) => {
      const { q, limit, language } = request.query;
      const kb = app.knowledgeFor(language);
      // A server without this language's texts answers in English, and so searches as English.
      const textLanguage = app.knowledgeLibrary.languages.includes(language) ? language : 'en';
      if (!q)
        return {
          entries: kb.data.faq.faq
            .slice(0, limit ?? 50)
            .map((e) => ({ ...e, tags: [...e.tags], sources: [...e.sources] })),
        };
      return {
        entries: searchFaq(kb, q, limit ?? 5, textLanguage).map(({ entry, score }) => ({
          ...entry,
          tags: [...entry.tags],
          sources: [...entry.sources],
          score,
        })),
      };
    },
  );
}
