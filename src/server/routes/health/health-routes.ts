import { z } from 'zod';
import type { App } from '../../app-types.js';
import { publicAccess } from '../../plugins/access-control.js';
import { answers, routeSpec } from '../route-spec.js';

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
  const spec = routeSpec(['system']);
  app.get(
    '/api/health',
    spec(publicAccess, 'Liveness and readiness: answers once the database responds', {
      security: [],
      response: answers(healthResponse),
    }),
    async () => {
      await app.repos.clinics.count();
      const { version } = app.knowledgeBase;
      return { status: 'ok' as const, knowledgeBase: { version, languages: [...app.knowledgeLibrary.languages] } };
    },
  );
}
