import { z } from 'zod';
import type { App } from '../../app-types.js';
import { publicAccess } from '../../plugins/access-control.js';

const healthResponse = z.object({ status: z.literal('ok'), knowledgeBase: z.object({ version: z.string() }) });

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
      return { status: 'ok' as const, knowledgeBase: { version: app.knowledgeBase.version } };
    },
  );
}
