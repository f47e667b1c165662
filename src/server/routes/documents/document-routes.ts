import type { FastifyReply } from 'fastify';
import type { App } from '../../app-types.js';
import { conflict } from '../../http-errors.js';
import { aftercareDocument, type MadeDocument } from '../../../services/documents/aftercare-document.js';
import { consentDocument } from '../../../services/documents/consent-document.js';
import { DocumentUnavailableError } from '../../../services/documents/document-unavailable.js';
import { summaryDocument } from '../../../services/documents/summary-document.js';
import { allow, anyRole } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { loadAccessibleCourse } from '../../../services/access/course-access.js';
import { loadAccessibleSignature } from '../../../services/access/consent-signature-access.js';
import { loadAccessibleSession } from '../../../services/access/session-access.js';
import { documentQuery } from './document-schemas.js';
import { fileResponse, sendFile } from './file-response.js';
import { readOf } from '../../../services/audit-reads.js';

/** Made first, so a document that cannot be made is a 409 with a reason rather than a broken download. */
async function made(work: () => Promise<MadeDocument>): Promise<MadeDocument> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DocumentUnavailableError) throw conflict(error.code, error.message);
    throw error;
  }
}

function sendPdf(reply: FastifyReply, name: string, pdf: Buffer): FastifyReply {
  // Inline: the browser shows it, and saving it keeps the name.
  return sendFile(reply, { contentType: 'application/pdf', name, disposition: 'inline' }).send(pdf);
}

export async function documentRoutes(app: App): Promise<void> {
  const tags = ['documents'];
  const pdf = (description: string) => ({
    200: fileResponse('application/pdf', description),
    400: errorResponse,
    404: errorResponse,
    409: errorResponse,
  });

  app.get(
    '/api/sessions/:id/aftercare.pdf',
    {
      // Reception hands the sheet out at the desk: it holds the plan's aftercare, not clinical notes.
      config: allow(...anyRole),
      // No HEAD twin: it would read (and audit) everything to send nothing.
      exposeHeadRoute: false,
      schema: {
        summary: 'The aftercare sheet for a session: each instruction with the local time it lasts until',
        tags,
        params: idParams,
        querystring: documentQuery,
        response: pdf('Aftercare sheet (PDF)'),
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const session = await loadAccessibleSession(app.repos, user, request.params.id);
      const document = await made(() => aftercareDocument(app.repos, session, request.query.locale, app.knowledgeBase));
      await request.audit(readOf('aftercare_sheet', session));
      return sendPdf(reply, `aftercare-${session.id}.pdf`, document.pdf);
    },
  );

  app.get(
    '/api/consent-signatures/:id/consent.pdf',
    {
      // As for the signatures themselves: reception handles no consent.
      config: allow('admin', 'practitioner', 'patient'),
      exposeHeadRoute: false,
      schema: {
        summary: 'A signed consent form: the text version as signed, the signature and when',
        tags,
        params: idParams,
        querystring: documentQuery,
        response: pdf('Signed consent form (PDF)'),
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const signature = await loadAccessibleSignature(app.repos, user, request.params.id);
      const document = await made(() => consentDocument(app.repos, signature, request.query.locale));
      await request.audit(readOf('consent_form', signature));
      return sendPdf(reply, `consent-${signature.id}.pdf`, document.pdf);
    },
  );

  app.get(
    '/api/courses/:id/summary.pdf',
    {
      config: allow('admin', 'practitioner', 'patient'),
      exposeHeadRoute: false,
      schema: {
        summary: 'A treatment summary of one course: plan, sessions, products and lots, side effects and outcomes',
        description: "The patient's own copy leaves out the clinicians' notes: chart addenda and outcome notes.",
        tags,
        params: idParams,
        querystring: documentQuery,
        response: pdf('Treatment summary (PDF)'),
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const course = await loadAccessibleCourse(app.repos, user, request.params.id);
      const document = await made(() =>
        summaryDocument(app.repos, course, request.query.locale, app.knowledgeBase, {
          forPatient: user.role === 'patient',
        }),
      );
      await request.audit(readOf('treatment_summary', course));
      return sendPdf(reply, `summary-${course.id}.pdf`, document.pdf);
    },
  );
}
