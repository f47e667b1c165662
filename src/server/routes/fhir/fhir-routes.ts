import { Readable } from 'node:stream';
import type { App } from '../../app-types.js';
import { loadAccessiblePatient } from '../../../services/access/patient-access.js';
import { forbidden, invalidField } from '../../http-errors.js';
import { clinicFhirChunks, patientFhirBundle } from '../../../services/documents/fhir-export.js';
import { FhirImportInputError, importIntake } from '../../../services/documents/fhir-import.js';
import { allow, clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { fileResponse, fileStamp, sendFile } from '../documents/file-response.js';
import {
  fhirImportBodyLimit,
  fhirMime,
  importBody,
  importQuery,
  importResult,
  patientFhirQuery,
} from './fhir-schemas.js';
import { answers, routeSpec } from '../route-spec.js';

export async function fhirRoutes(app: App): Promise<void> {
  const spec = routeSpec(['fhir']);

  app.get(
    '/api/patients/:id/fhir',
    {
      ...spec(
        clinicians,
        "One patient's records as a FHIR R4 Bundle (collection); with audit=true (admins) also the audit trail",
        {
          params: idParams,
          querystring: patientFhirQuery,
          response: answers(fileResponse(fhirMime, 'FHIR R4 Bundle'), 400, 403, 404),
        },
      ),
      // No HEAD twin: it would read (and audit) everything to send nothing.
      exposeHeadRoute: false,
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const includeAudit = request.query.audit;
      if (includeAudit && user.role !== 'admin') throw forbidden('only an admin may export the audit trail');
      const patient = await loadAccessiblePatient(app.repos, user, request.params.id);
      const bundle = await patientFhirBundle(app.repos, patient, {
        includeAudit,
        onSkipped: (skipped) => request.log.warn({ skipped }, 'record left out of the FHIR export'),
      });
      await request.audit({
        action: 'read',
        entity: includeAudit ? 'fhir_export_with_audit' : 'fhir_export',
        entityId: patient.id,
        patientId: patient.id,
      });
      return sendFile(reply, {
        contentType: `${fhirMime}; charset=utf-8`,
        name: `patient-${patient.id}.fhir.json`,
      }).send(JSON.stringify(bundle));
    },
  );

  app.get(
    '/api/fhir/export',
    {
      ...spec(
        allow('admin'),
        'The whole clinic as one FHIR R4 Bundle, streamed; if a record fails part-way the download is cut off rather than ended as if whole',
        { response: answers(fileResponse(fhirMime, 'FHIR R4 Bundle of every patient')) },
      ),
      exposeHeadRoute: false,
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const chunks = clinicFhirChunks(app.repos, user.clinicId, {
        onBatch: (patients) =>
          request.audit(
            patients.map((p) => ({ action: 'read' as const, entity: 'fhir_export', entityId: p.id, patientId: p.id })),
          ),
        onSkipped: (skipped) => request.log.warn({ skipped }, 'record left out of the FHIR export'),
      });
      // An error in the generator destroys the stream; Fastify then drops the connection instead of ending the body.
      const stream = Readable.from(chunks, { objectMode: false });
      return sendFile(reply, {
        contentType: `${fhirMime}; charset=utf-8`,
        name: `clinic-${fileStamp()}.fhir.json`,
      }).send(stream);
    },
  );

  app.post(
    '/api/fhir/import',
    {
      ...spec(
        clinicians,
        'Read a FHIR R4 Bundle from another system into a pre-filled intake patient; nothing is stored',
        {
          description: `Accepts application/json or ${fhirMime}, up to ${fhirImportBodyLimit / 1024 / 1024} MiB. A Patient born before 1900-01-01 or after today is refused (400 naming the element, e.g. \`entry[0].resource.birthDate\`).`,
          querystring: importQuery,
          body: importBody,
          response: answers(importResult, 400, 413),
        },
      ),
      bodyLimit: fhirImportBodyLimit,
    },
    async (request) => {
      requireAuth(request);
      try {
        const { patientId, patient, unmapped } = importIntake(request.body, {
          today: app.now().toISOString().slice(0, 10),
          patientId: request.query.patientId,
        });
        return { patientId, patient: { ...patient }, unmapped };
      } catch (error) {
        if (error instanceof FhirImportInputError) throw invalidField(error.field, error.message);
        throw error;
      }
    },
  );
}
