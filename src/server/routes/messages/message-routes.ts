import { z } from 'zod';
import type { App } from '../../app-types.js';
import { loadAccessiblePatient } from '../../auth/patient-access.js';
import { notFound } from '../../http-errors.js';
import { allow, staffRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { messageFor, messageView } from './message-view.js';

export async function messageRoutes(app: App): Promise<void> {
  const tags = ['messages'];

  app.get(
    '/api/sessions/:id/messages',
    {
      config: allow(...staffRoles),
      schema: {
        summary:
          "A session's messages to the patient (confirmation, reminders, aftercare, check-in) and whether they went out",
        tags,
        params: idParams,
        response: { 200: z.object({ messages: z.array(messageView) }), 404: errorResponse },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const session = await app.repos.treatmentSessions.findById(request.params.id);
      if (!session) throw notFound('session');
      await loadAccessiblePatient(app.repos, user, session.patientId).catch(() => {
        throw notFound('session');
      });
      const messages = await app.repos.outbox.listBySession(session.id);
      await request.audit(
        messages.map((m) => ({
          action: 'read' as const,
          entity: 'outbox_message',
          entityId: m.id,
          patientId: m.patientId,
        })),
      );
      return { messages: messages.map((m) => messageFor(user.role, m)) };
    },
  );
}
