import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import type { Env } from '../../storage/database-config.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { aftercareDocument, type MadeDocument } from '../../services/documents/aftercare-document.js';
import { consentDocument } from '../../services/documents/consent-document.js';
import {
  documentLanguages,
  isDocumentLanguage,
  type DocumentLanguage,
} from '../../services/documents/document-language.js';
import { summaryDocument } from '../../services/documents/summary-document.js';
import { CliInputError } from '../cli-errors.js';
import type { CliIo } from '../cli-io.js';
import {
  checkOut,
  cliAudit,
  processStreams,
  runRecordCommand,
  withClinicDatabase,
  writeOutput,
  type CliStreams,
} from './export-command.js';

export const pdfKinds = ['aftercare', 'consent', 'summary'] as const;
export type PdfKind = (typeof pdfKinds)[number];

/** Per kind: the argument's name in messages, the audit entity, and how to find and make it. */
const kinds: Record<
  PdfKind,
  {
    argument: string;
    entity: string;
    make(repos: Repositories, id: string, language: DocumentLanguage, env: Env): Promise<MadeDocument | undefined>;
  }
> = {
  aftercare: {
    argument: 'SESSION_ID',
    entity: 'aftercare_sheet',
    make: async (repos, id, language, env) => {
      const session = await repos.treatmentSessions.findById(id);
      // The sheet quotes the knowledge base's late signs; its QR code needs the portal's address.
      const portalBaseUrl = env.MESODESK_PUBLIC_URL?.trim();
      return (
        session &&
        aftercareDocument(repos, session, language, loadKnowledgeLibrary(), portalBaseUrl ? { portalBaseUrl } : {})
      );
    },
  },
  consent: {
    argument: 'SIGNATURE_ID',
    entity: 'consent_form',
    make: async (repos, id, language) => {
      const signature = await repos.consent.findSignature(id);
      return signature && consentDocument(repos, signature, language);
    },
  },
  summary: {
    argument: 'COURSE_ID',
    entity: 'treatment_summary',
    make: async (repos, id, language) => {
      const course = await repos.courses.findById(id);
      // The summary names its sources by their titles in the knowledge base.
      return course && summaryDocument(repos, course, language, loadKnowledgeLibrary());
    },
  },
};

export interface PdfOptions {
  out: string;
  locale?: string;
}

/** `mesodesk pdf aftercare SESSION_ID | consent SIGNATURE_ID | summary COURSE_ID --out FILE [--locale tr]`. */
export function pdfCommand(
  kind: PdfKind,
  id: string,
  opts: PdfOptions,
  io: CliIo,
  env: Env = process.env,
  streams: CliStreams = processStreams,
): Promise<number> {
  return runRecordCommand(io, async () => {
    const spec = kinds[kind];
    const language = opts.locale ?? 'en';
    if (!isDocumentLanguage(language))
      throw new CliInputError('--locale', `must be one of: ${documentLanguages.join(', ')}`);
    checkOut(opts.out);
    await withClinicDatabase(env, async (repos) => {
      const document = await spec.make(repos, id, language, env);
      if (!document)
        throw new CliInputError(
          spec.argument,
          `no ${kind === 'aftercare' ? 'session' : kind === 'consent' ? 'consent signature' : 'course'} with id ${id}`,
        );
      await cliAudit(repos, `pdf ${kind}`)(document.patient.clinicId, [
        { action: 'read', entity: spec.entity, entityId: id, patientId: document.patient.id },
      ]);
      const written = await writeOutput([document.pdf], opts.out, streams);
      io.err(`Wrote ${written ?? opts.out}`);
    });
  });
}
