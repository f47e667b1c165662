import { z } from 'zod';
import { placeholders, templateLanguages } from '../../../core/messages/message-templates.js';
import { defaultMessageTiming, timingLimits } from '../../../core/messages/message-timing.js';
import { messageKinds } from '../../../core/messages/message-types.js';
import { loadClinicMessaging, templateTable } from '../../../services/messaging/clinic-messaging.js';
import {
  removeMessageTemplate,
  saveMessageSettings,
  saveMessageTemplate,
} from '../../../services/messaging/message-template-settings.js';
import { previewMessage } from '../../../services/messaging/preview-message.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import type { App } from '../../app-types.js';
import { notFound } from '../../http-errors.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import {
  messagingView,
  previewBody,
  previewView,
  savedSettingsView,
  savedTemplateView,
  settingsBody,
  templateBody,
  templateParams,
} from './message-template-views.js';
import { ownClinic } from './own-clinic.js';
import { answers, answersWith, type RouteSpec } from '../route-spec.js';

/** What a clinic may not change, said where the routes are described (the OpenAPI document). */
const safetyNote =
  'The clinical part of each message ({instructions}: preparation and aftercare instructions with their times, ' +
  'the signs that need a same-day call with their sources, the link to report a side effect, the emergency advice) ' +
  'is written from the knowledge base and the patient’s plan each time and cannot be changed or removed: a text ' +
  'that leaves {instructions} out gets it added at the end. Texts that could be read as "stop your blood thinner" ' +
  'are refused.';

async function messagingOf(repos: Repositories, clinicId: string) {
  const messaging = await loadClinicMessaging(repos, clinicId);
  return {
    language: messaging.language,
    timing: messaging.timing,
    customised: messaging.customised,
    defaultTiming: { ...defaultMessageTiming },
    limits: { ...timingLimits },
    languages: [...templateLanguages],
    kinds: [...messageKinds],
    placeholders: [...placeholders],
    templates: templateTable(messaging),
  };
}

/** Admins set when their clinic's messages to patients go out and how they are worded, per language. */
export async function messageTemplateRoutes(app: App, spec: RouteSpec): Promise<void> {
  const rewrite = () => ({ messaging: app.appConfig.messaging, knowledge: app.knowledgeLibrary, now: app.now() });

  app.get(
    '/api/clinics/:id/message-templates',
    spec(
      allow('admin'),
      "The clinic's language and timing of messages to patients, and the text of each kind per language",
      { description: safetyNote, params: idParams, response: answers(messagingView, 404) },
    ),
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      return messagingOf(app.repos, request.params.id);
    },
  );

  app.put(
    '/api/clinics/:id/message-settings',
    spec(allow('admin'), 'Set the language messages go out in and when each goes out', {
      description:
        'Each patient reads their messages in their own language (their record says which); the clinic’s ' +
        `language is the one new patients are given. Messages still waiting to go out are written again with the new timing. ${safetyNote}`,
      params: idParams,
      body: settingsBody,
      response: answers(savedSettingsView, 400, 404),
    }),
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      const { language, ...timing } = request.body;
      return app.repos.transaction(async (tx) => {
        const rewritten = await saveMessageSettings(tx, { clinicId: request.params.id, language, timing }, rewrite());
        await request.audit(rewritten.events, tx);
        return { ...(await messagingOf(tx, request.params.id)), rewrittenSessions: rewritten.sessions };
      });
    },
  );

  app.put(
    '/api/clinics/:id/message-templates/:kind/:language',
    spec(allow('admin'), "Set the clinic's own text of one kind of message in one language", {
      description:
        `Placeholders: ${placeholders.map((p) => `{${p}}`).join(', ')}; an unknown one is refused (400, naming it). ` +
        `Messages still waiting to go out are written again. ${safetyNote}`,
      params: templateParams,
      body: templateBody,
      response: answers(savedTemplateView, 400, 404),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const { id: clinicId, kind, language } = request.params;
      ownClinic(user.clinicId, clinicId);
      return app.repos.transaction(async (tx) => {
        const saved = await saveMessageTemplate(
          tx,
          { clinicId, kind, language, userId: user.id, ...request.body },
          rewrite(),
        );
        await request.audit(saved.events, tx);
        const row = templateTable(await loadClinicMessaging(tx, clinicId)).find(
          (t) => t.kind === kind && t.language === language,
        );
        if (!row) throw notFound('message template');
        return { template: row, rewrittenSessions: saved.sessions };
      });
    },
  );

  app.delete(
    '/api/clinics/:id/message-templates/:kind/:language',
    spec(allow('admin'), "Remove the clinic's own text of one kind in one language: the default text is sent again", {
      params: templateParams,
      response: answersWith(204, z.null().describe('removed'), 404),
    }),
    async (request, reply) => {
      const { id: clinicId, kind, language } = request.params;
      ownClinic(requireAuth(request).user.clinicId, clinicId);
      await app.repos.transaction(async (tx) => {
        const result = await removeMessageTemplate(tx, { clinicId, kind, language }, rewrite());
        if (!result.removed) throw notFound('message template');
        await request.audit(result.events, tx);
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/clinics/:id/message-preview',
    spec(allow('admin'), 'The message of one kind a named patient would get for their next session (or their latest)', {
      description:
        'In the clinic’s saved text, or in a draft (subject and body) to see before saving; nothing is stored or ' +
        `sent. 409 when the patient has no session, or the session no such message. ${safetyNote}`,
      params: idParams,
      body: previewBody,
      response: answers(previewView, 400, 404, 409),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      ownClinic(user.clinicId, request.params.id);
      const { patientId, kind, language, subject, body } = request.body;
      const { preview, audit } = await previewMessage(
        app.repos,
        user,
        {
          patientId,
          kind,
          ...(language ? { language } : {}),
          ...(subject !== undefined && body !== undefined ? { draft: { subject, body } } : {}),
        },
        { messaging: app.appConfig.messaging, knowledge: app.knowledgeLibrary, now: app.now() },
      );
      await request.audit(audit);
      return preview;
    },
  );
}
