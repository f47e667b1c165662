import { z } from 'zod';
import type { App } from '../../app-types.js';
import { publicAccess } from '../../plugins/access-control.js';

const healthResponse = z.object({
  status: z.literal('ok'),
  knowledgeBase: z.object({
    version: z.string(),
    languages: z
      .array(z.string())
      .describe("The languages it has: those a user's or patient's preferredLanguage may be, English first"),
  }),
});

export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/api/health',
    {
      config: publicAccess,
      schema: {
        summary: 'Liveness and readiness: answers once the database responds',
        tags: ['system'],
        security: [],
        response: { 200: healthResponse },
      },
    },
    async () => {
      await app.repos.clinics.count();
      const { version } = app.knowledgeBase;
      return { status: 'ok' as const, knowledgeBase: { version, languages: [...app.knowledgeLibrary.languages] } };
    },
  );
}
