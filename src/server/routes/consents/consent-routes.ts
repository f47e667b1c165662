import { z } from 'zod';
import type { ConsentSignatureRecord, ConsentTextRecord } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { loadAccessiblePatient, loadWritablePatient } from '../../../services/access/patient-access.js';
import { conflict, invalidField, notFound } from '../../http-errors.js';
import { allow, signedIn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import {
  consentStandingView,
  consentTextView,
  languageQuery,
  newConsentTextBody,
  newSignatureBody,
  procedureParams,
  signatureView,
} from './consent-schemas.js';
import { userAgentOf } from './user-agent.js';
import { readsOf } from '../../../services/audit-reads.js';
import { consentStandings } from '../../../core/treatment/consent-standing.js';
import { readerLanguage } from '../../reader-language.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** The signature with the version it was given for. `text` is always found (a foreign key, of the patient's clinic); the fallbacks only satisfy the types. */
function withText(signature: ConsentSignatureRecord, text: ConsentTextRecord | undefined) {
  return {
    ...signature,
    consentText: {
      procedure: text?.procedure ?? '',
      language: text?.language ?? '',
      version: text?.version ?? 0,
      current: text?.active ?? false,
    },
  };
}

export async function consentRoutes(app: App): Promise<void> {
  const spec = routeSpec(['consent']);
  const signers = allow('admin', 'practitioner', 'patient');

  app.post(
    '/api/consent-texts/:procedure/versions',
    spec(
      allow('admin'),
      "Publish a new version of a procedure's consent text in a language (en unless told); it becomes the current one of that language, earlier versions are kept unchanged",
      {
        description:
          'Patients whose signature is on a version this replaces must sign again before their next session is charted.',
        params: procedureParams,
        body: newConsentTextBody,
        response: answersWith(201, consentTextView, 400, 409),
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const created = await app.repos.transaction(async (tx) => {
        const text = await tx.consent.createText({
          clinicId: user.clinicId,
          procedure: request.params.procedure,
          language: request.body.language ?? 'en',
          text: request.body.text,
          active: true,
        });
        await request.audit({ action: 'create', entity: 'consent_text', entityId: text.id, patientId: null }, tx);
        return text;
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/consent-texts',
    spec(signedIn, 'The current consent text of every procedure, in each language it has', {
      response: answers(z.object({ texts: z.array(consentTextView) })),
    }),
    async (request) => {
      const texts = await app.repos.consent.listTexts(requireAuth(request).user.clinicId);
      return { texts: texts.filter((t) => t.active) };
    },
  );

  app.get(
    '/api/consent-texts/:procedure',
    spec(
      signedIn,
      "The current version of a procedure's consent text in `language`; without it, the newest current version of any language",
      {
        description:
          "A patient who names no language gets the version in their own (their record's) where there is one.",
        params: procedureParams,
        querystring: languageQuery,
        response: answers(consentTextView, 400, 404),
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const { procedure } = request.params;
      const asked = request.query.language;
      // A patient is shown the version in their own language where the clinic has one.
      const own = asked === undefined && user.role === 'patient' ? await readerLanguage(app, request) : undefined;
      const text =
        (await app.repos.consent.findActiveText(user.clinicId, procedure, asked ?? own)) ??
        (own === undefined ? undefined : await app.repos.consent.findActiveText(user.clinicId, procedure));
      if (!text) throw notFound('consent text');
      return text;
    },
  );

  app.get(
    '/api/consent-texts/:procedure/versions',
    spec(signedIn, "Every version of a procedure's consent text, newest first", {
      params: procedureParams,
      response: answers(z.object({ versions: z.array(consentTextView) })),
    }),
    async (request) => {
      const texts = await app.repos.consent.listTexts(requireAuth(request).user.clinicId);
      return { versions: texts.filter((t) => t.procedure === request.params.procedure) };
    },
  );

  app.post(
    '/api/patients/:id/consents',
    spec(signers, 'Record the patient’s signature of the current version of a consent text (patients sign their own)', {
      params: idParams,
      body: newSignatureBody,
      response: { ...answersWith(201, signatureView, 400, 403, 404, 413), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const signed = await app.repos.transaction(async (tx) => {
        const patient = await loadWritablePatient(tx, user, request.params.id);
        const text = await tx.consent.findText(request.body.consentTextId);
        if (!text || text.clinicId !== patient.clinicId)
          throw invalidField('consentTextId', 'must be a consent text of this clinic');
        // A signature must be of the text in force: one of a replaced version would never allow charting.
        if (!text.active) {
          const current = await tx.consent.findActiveText(text.clinicId, text.procedure, text.language);
          const by = current ? ` by version ${current.version}` : '';
          throw conflict(
            'consent_text_outdated',
            `version ${text.version} of the ${text.procedure} consent has been replaced${by}; sign the current text`,
          );
        }
        const signature = await tx.consent.sign({
          patientId: patient.id,
          consentTextId: text.id,
          typedName: request.body.typedName,
          signatureImage: request.body.signatureImage,
          userAgent: userAgentOf(request),
          userId: user.id,
          // The language of the text shown and signed, kept with the signature itself.
          language: text.language,
        });
        await request.audit(
          { action: 'create', entity: 'consent_signature', entityId: signature.id, patientId: patient.id },
          tx,
        );
        return withText(signature, text);
      });
      return reply.code(201).send(signed);
    },
  );

  app.get(
    '/api/patients/:id/consents',
    spec(
      signers,
      "The patient's consent signatures, newest first, each with the text version signed, and where the patient stands with each procedure's consent (resign_needed: a newer version replaced the one signed)",
      {
        params: idParams,
        response: answers(
          z.object({ signatures: z.array(signatureView), standings: z.array(consentStandingView) }),
          403,
          404,
        ),
      },
    ),
    async (request) => {
      const patient = await loadAccessiblePatient(app.repos, requireAuth(request).user, request.params.id);
      const [signatures, texts] = await Promise.all([
        app.repos.consent.listSignatures(patient.id),
        app.repos.consent.listTexts(patient.clinicId),
      ]);
      const byId = new Map(texts.map((t) => [t.id, t]));
      await request.audit(readsOf('consent_signature', signatures, patient.id));
      return {
        signatures: signatures.map((s) => withText(s, byId.get(s.consentTextId))),
        standings: consentStandings(texts, signatures, patient.preferredLanguage),
      };
    },
  );
}
