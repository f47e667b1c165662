import { consentFormPdf, DataUrlError } from '../../interop/index.js';
import type { ConsentSignatureRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { MadeDocument } from './aftercare-document.js';
import { clinicLetterhead } from './clinic-letterhead.js';
import { clinicTimeZone } from './clinic-zone.js';
import { documentCodeNames, documentWords, type DocumentLanguage } from './document-language.js';
import { DocumentUnavailableError } from './document-unavailable.js';

/** The signed consent as a document: the text version that was signed, with the signature. */
export async function consentDocument(
  repos: Repositories,
  signature: ConsentSignatureRecord,
  language: DocumentLanguage,
  now = new Date(),
): Promise<MadeDocument> {
  const [text, patient] = await Promise.all([
    repos.consent.findText(signature.consentTextId),
    repos.patients.findById(signature.patientId),
  ]);
  if (!text || !patient) throw new Error(`consent signature ${signature.id} has lost its text or patient`);
  const [clinic, timeZone] = await Promise.all([
    clinicLetterhead(repos, patient.clinicId),
    clinicTimeZone(repos, patient.clinicId),
  ]);
  const words = documentWords(language);
  try {
    const pdf = await consentFormPdf({
      clinic,
      patient,
      signature,
      text,
      names: documentCodeNames(language),
      timeZone,
      locale: words.locale,
      labels: words.consent,
      createdAt: now,
    });
    return { pdf, patient };
  } catch (error) {
    // Printing the form without the signature would misrepresent it; say why instead.
    if (error instanceof DataUrlError)
      throw new DocumentUnavailableError(
        'signature_unreadable',
        `the stored signature image cannot be read (${error.message})`,
      );
    throw error;
  }
}
