import { z } from 'zod';
import type { App } from '../../app-types.js';
import { loadAccessibleSession } from '../../../services/access/session-access.js';
import { staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { messageFor, messageView } from './message-view.js';
import { readsOf } from '../../../services/audit-reads.js';
import { answers, routeSpec } from '../route-spec.js';

export async function messageRoutes(app: App): Promise<void> {
  const spec = routeSpec(['messages']);

  app.get(
    '/api/sessions/:id/messages',
    spec(
      staff,
      "A session's messages to the patient (confirmation, reminders, aftercare, check-in) and whether they went out",
      { params: idParams, response: answers(z.object({ messages: z.array(messageView) }), 404) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const session = await loadAccessibleSession(app.repos, user, request.params.id);
      const messages = await app.repos.outbox.listBySession(session.id);
      await request.audit(readsOf('outbox_message', messages));
      return { messages: messages.map((m) => messageFor(user.role, m)) };
    },
  );
}
