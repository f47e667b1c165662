import { z } from 'zod';
import { auditActions } from '../../../storage/database-schema.js';
import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { id, isoTimestamp, pageQuery, text } from '../../validation/fields.js';
import { auditView } from '../../views.js';

const auditQuery = z.object({
  patientId: id.optional(),
  userId: id.optional(),
  entity: text(100).optional(),
  action: z.enum(auditActions, { error: `must be one of: ${auditActions.join(', ')}` }).optional(),
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  ...pageQuery,
});

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    '/api/audit',
    {
      config: allow('admin'),
      schema: {
        summary: "The clinic's audit log, newest first: who read or changed which record, and when",
        tags: ['audit'],
        querystring: auditQuery,
        response: { 200: z.object({ entries: z.array(auditView) }) },
      },
    },
    async (request) => ({
      entries: await app.repos.audit.list({ clinicId: requireAuth(request).user.clinicId, ...request.query }),
    }),
  );
}
