import { z } from 'zod';
import { editPatient } from '../../../services/patients/patient-edits.js';
import type { App } from '../../app-types.js';
import { signedIn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { withReadingLanguage } from '../../reader-language.js';
import { preferredLanguageField } from '../../validation/language-field.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { userView } from '../../views.js';
import { rewriteIfLanguageChanged } from '../patients/patient-language.js';
import { answers, type RouteSpec } from '../route-spec.js';

const profileBody = (languages: readonly string[]) =>
  z.object({
    preferredLanguage: preferredLanguageField(languages).describe(
      "The language to read in: the workspace's, or for a patient their portal's, sheets' and messages'",
    ),
  });

/**
 * `PATCH /api/auth/me`: a signed-in user sets the language they read in. Staff set their own; a
 * patient sets their patient record's (kept in the record's history, and their waiting messages are
 * written again in it), and their account's with it, since a patient reads in their record's.
 */
export function profileRoute(app: App, spec: RouteSpec): void {
  app.patch(
    '/api/auth/me',
    spec(
      signedIn,
      'Change your own settings: the language you read in (a patient: their portal, sheets and messages)',
      {
        body: profileBody(app.knowledgeLibrary.languages),
        response: { ...answers(z.object({ user: userView }), 400), 409: patientWriteConflict },
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const language = request.body.preferredLanguage;
      const updated = await app.repos.transaction(async (tx) => {
        if (user.role === 'patient' && user.patientId) {
          const patch = { preferredLanguage: language };
          const edited = await editPatient(tx, { user, patientId: user.patientId, patch });
          await request.audit(edited.audit, tx);
          await rewriteIfLanguageChanged(app, request, tx, edited);
        }
        const changed = (await tx.users.update(user.id, { preferredLanguage: language })) ?? user;
        await request.audit({ action: 'update', entity: 'user', entityId: user.id, patientId: user.patientId }, tx);
        return changed;
      });
      return { user: await withReadingLanguage(app.repos, updated) };
    },
  );
}
