import { z } from 'zod';
import type { App } from '../../app-types.js';
import { conflict, notFound } from '../../http-errors.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { consentTextView } from './consent-schemas.js';
import { ofOwnClinic } from '../../../services/access/clinic-record.js';
import { answers, routeSpec } from '../route-spec.js';

const versionView = consentTextView.extend({
  signatures: z.number().int().describe('how many signatures were given on this version'),
});

/**
 * The admin's view of consent texts: every version of every procedure and language with how many
 * signed it, and the deletion of a version nobody signed (a mistaken publication).
 */
export async function consentVersionRoutes(app: App): Promise<void> {
  const spec = routeSpec(['consent']);

  app.get(
    '/api/consent-text-versions',
    spec(
      allow('admin'),
      'Every version of every consent text of the clinic, by procedure and newest first, with how many signed each',
      { response: answers(z.object({ versions: z.array(versionView) })) },
    ),
    async (request) => {
      const { clinicId } = requireAuth(request).user;
      const [texts, counts] = await Promise.all([
        app.repos.consent.listTexts(clinicId),
        app.repos.consent.countSignaturesByText(clinicId),
      ]);
      return { versions: texts.map((text) => ({ ...text, signatures: counts.get(text.id) ?? 0 })) };
    },
  );

  app.delete(
    '/api/consent-text-versions/:id',
    spec(allow('admin'), 'Delete a consent text version nobody signed; refused (409) while signatures point at it', {
      description:
        'Deleting the current version makes the newest remaining version of its procedure and language current again.',
      params: idParams,
      response: {
        ...answers(
          z.object({
            current: consentTextView
              .nullable()
              .describe('the current version of the procedure in that language now (null: none is left)'),
          }),
          404,
        ),
        409: errorResponse.extend({
          consentTextId: z.string().optional().describe('consent_text_signed: the version refused'),
          signatures: z.number().int().optional().describe('consent_text_signed: how many signed it'),
        }),
      },
    }),
    async (request) => {
      const { user } = requireAuth(request);
      return app.repos.transaction(async (tx) => {
        const text = ofOwnClinic(await tx.consent.findText(request.params.id), user, 'consent text');
        const deletion = await tx.consent.deleteUnsignedText(text.id);
        if (deletion.outcome === 'missing') throw notFound('consent text');
        if (deletion.outcome === 'signed')
          throw conflict(
            'consent_text_signed',
            `version ${text.version} of the ${text.procedure} consent (${text.language}) has ${deletion.signatures} signature${deletion.signatures === 1 ? '' : 's'}: a signed version is kept for good; publish a new version instead`,
            {
              consentTextId: text.id,
              signatures: deletion.signatures,
              problems: [{ field: 'id', message: 'is a consent text that patients signed' }],
            },
          );
        await request.audit(
          [
            { action: 'delete', entity: 'consent_text', entityId: text.id, patientId: null },
            ...(deletion.reactivated
              ? [
                  {
                    action: 'update' as const,
                    entity: 'consent_text',
                    entityId: deletion.reactivated.id,
                    patientId: null,
                  },
                ]
              : []),
          ],
          tx,
        );
        const current =
          deletion.reactivated ?? (await tx.consent.findActiveText(text.clinicId, text.procedure, text.language));
        return { current: current ?? null };
      });
    },
  );
}
