import type { FastifyReply } from 'fastify';
import type { App } from '../../app-types.js';
import { conflict } from '../../http-errors.js';
import { aftercareDocument, type MadeDocument } from '../../../services/documents/aftercare-document.js';
import { consentDocument } from '../../../services/documents/consent-document.js';
import { DocumentUnavailableError } from '../../../services/documents/document-unavailable.js';
import { summaryDocument } from '../../../services/documents/summary-document.js';
import { clinicalOrOwn, signedIn, type Access } from '../../plugins/access-control.js';
import type { UserRecord } from '../../../core/records/index.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { loadAccessibleCourse } from '../../../services/access/course-access.js';
import { loadAccessibleSignature } from '../../../services/access/consent-signature-access.js';
import { loadAccessibleSession } from '../../../services/access/session-access.js';
import { documentQuery } from './document-schemas.js';
import { patientDocumentLanguage, type DocumentLanguage } from '../../../services/documents/document-language.js';
import { fileResponse, sendFile } from './file-response.js';
import { readOf } from '../../../services/audit-reads.js';
import { answers, routeSpec } from '../route-spec.js';

const spec = routeSpec(['documents']);

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

/** One PDF of one record: who may ask, how the record is loaded and checked, how the PDF is made. */
interface PdfRoute<R extends { id: string }> {
  url: string;
  config: { access: Access };
  summary: string;
  description?: string;
  file: string;
  load: (repos: Repositories, user: UserRecord, id: string) => Promise<R>;
  make: (record: R, locale: DocumentLanguage, user: UserRecord) => Promise<MadeDocument>;
  /** What the audit log calls the document read, and the file name's first word. */
  audited: string;
  fileName: string;
}

/** Loads the record (404 if the user may not see it), makes the PDF (409 if it cannot be made), audits the read, sends it. */
function pdfRoute<R extends { id: string; patientId: string }>(app: App, route: PdfRoute<R>): void {
  const { summary, description, file } = route;
  app.get(
    route.url,
    {
      ...spec(route.config, summary, {
        ...(description === undefined ? {} : { description }),
        params: idParams,
        querystring: documentQuery,
        response: answers(fileResponse('application/pdf', file), 400, 404, 409),
      }),
      // No HEAD twin: it would read (and audit) everything to send nothing.
      exposeHeadRoute: false,
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const record = await route.load(app.repos, user, request.params.id);
      const locale = request.query.locale ?? (await patientDocumentLanguage(app.repos, record.patientId));
      const document = await made(() => route.make(record, locale, user));
      await request.audit(readOf(route.audited, record));
      return sendPdf(reply, `${route.fileName}-${record.id}.pdf`, document.pdf);
    },
  );
}

export async function documentRoutes(app: App): Promise<void> {
  pdfRoute(app, {
    url: '/api/sessions/:id/aftercare.pdf',
    // Reception hands the sheet out at the desk: it holds the plan's aftercare, not clinical notes.
    config: signedIn,
    summary: 'The aftercare sheet for a session: each instruction with the local time it lasts until',
    file: 'Aftercare sheet (PDF)',
    load: loadAccessibleSession,
    make: (session, locale) =>
      aftercareDocument(app.repos, session, locale, app.knowledgeLibrary, {
        portalBaseUrl: app.appConfig.messaging.baseUrl,
      }),
    audited: 'aftercare_sheet',
    fileName: 'aftercare',
  });

  pdfRoute(app, {
    url: '/api/consent-signatures/:id/consent.pdf',
    // As for the signatures themselves: reception handles no consent.
    config: clinicalOrOwn,
    summary: 'A signed consent form: the text version as signed, the signature and when',
    file: 'Signed consent form (PDF)',
    load: loadAccessibleSignature,
    make: (signature, locale) => consentDocument(app.repos, signature, locale),
    audited: 'consent_form',
    fileName: 'consent',
  });

  pdfRoute(app, {
    url: '/api/courses/:id/summary.pdf',
    config: clinicalOrOwn,
    summary: 'A treatment summary of one course: plan, sessions, products and lots, side effects and outcomes',
    description: "The patient's own copy leaves out the clinicians' notes: chart addenda and outcome notes.",
    file: 'Treatment summary (PDF)',
    load: loadAccessibleCourse,
    make: (course, locale, user) =>
      summaryDocument(app.repos, course, locale, app.knowledgeLibrary, { forPatient: user.role === 'patient' }),
    audited: 'treatment_summary',
    fileName: 'summary',
  });
}
