import { decodeImageDataUrl } from '../data-url.js';
import type { ConsentSignatureRecord, ConsentTextRecord } from '../records.js';
import { clinicTimeFormat, instantMs, type ClinicLocale } from '../clinic-time-format.js';
import { nameCode, type CodeNames } from './code-names.js';
import { fields, fill, heading, paragraph, rule, smallPrint, title } from './pdf-blocks.js';
import { letterhead, type ClinicLetterhead } from './letterhead.js';
import { clinicDocumentMeta, createPdf, finishPdf, pdfToBuffer, type Pdf } from './pdf-document.js';

export interface ConsentFormLabels {
  title: string;
  /** `{procedure}` and `{version}`. */
  textVersion: string;
  patient: string;
  birthDate: string;
  signedText: string;
  signature: string;
  typedName: string;
  signedAt: string;
  noDrawnSignature: string;
  reference: string;
  /** Beside the name of the language the signed text is in. */
  textLanguage: string;
}

export const englishConsentLabels: ConsentFormLabels = {
  title: 'Consent to treatment',
  textVersion: '{procedure} - consent text version {version}',
  patient: 'Patient',
  birthDate: 'Date of birth',
  signedText: 'The text the patient signed',
  signature: 'Signature',
  typedName: 'Name typed by the patient',
  signedAt: 'Signed at',
  noDrawnSignature: 'No drawn signature: the patient typed their name only.',
  reference: 'Record',
  textLanguage: 'Language of the text signed',
};

/** A language code's name in the form's locale ("Turkish", "Türkçe"); the code itself where Intl has none. */
function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export interface ConsentFormInput extends ClinicLocale {
  clinic: ClinicLetterhead;
  patient: { firstName: string; lastName: string; birthDate: string };
  signature: ConsentSignatureRecord;
  /** The exact version that was signed (signature.consentTextId), not the clinic's current one. */
  text: ConsentTextRecord;
  /** The procedure's name in the form's language (`procedure`); the code in words otherwise. */
  names?: Partial<Pick<CodeNames, 'procedure'>>;
  labels?: Partial<ConsentFormLabels>;
  createdAt?: Date;
}

/**
 * The signed consent: the text version as signed, the typed name, the drawn signature and when.
 * A signature image that cannot be read fails the document rather than printing it unsigned.
 */
export function renderConsentForm(input: ConsentFormInput): Pdf {
  const { signature, text } = input;
  if (signature.consentTextId !== text.id)
    throw new RangeError(
      `consent form: signature ${signature.id} is for text ${signature.consentTextId}, not ${text.id}`,
    );
  const image = signature.signatureImage ? decodeImageDataUrl(signature.signatureImage) : undefined;
  const labels = { ...englishConsentLabels, ...input.labels };
  const format = clinicTimeFormat(input);
  const signedMs = instantMs(signature.signedAt);
  const meta = clinicDocumentMeta(labels.title, input);
  const doc = createPdf(meta);

  letterhead(doc, input.clinic);
  title(
    doc,
    labels.title,
    fill(labels.textVersion, {
      procedure: nameCode(input.names, 'procedure', text.procedure),
      version: String(text.version),
    }),
  );
  fields(doc, [
    [labels.patient, `${input.patient.firstName} ${input.patient.lastName}`],
    [labels.birthDate, format.calendarDate(input.patient.birthDate)],
    // What the signature recorded it was given in (the text's language, kept with the signature).
    [labels.textLanguage, languageName(signature.language ?? text.language, input.locale)],
  ]);

  heading(doc, labels.signedText);
  for (const block of text.text.split(/\n\s*\n/)) paragraph(doc, block.trim());

  heading(doc, labels.signature);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 150) doc.addPage();
  if (image) {
    const top = doc.y;
    doc.image(image.bytes, doc.page.margins.left, top, { fit: [220, 80] });
    doc.y = top + 84;
    doc.x = doc.page.margins.left;
  } else {
    paragraph(doc, labels.noDrawnSignature);
  }
  rule(doc);
  fields(doc, [
    [labels.typedName, signature.typedName],
    [labels.signedAt, `${format.dateTime(signedMs)} (${input.timeZone})`],
  ]);
  doc.moveDown(0.5);
  smallPrint(doc, `${labels.reference}: ${signature.id} · ${text.id} · ${new Date(signedMs).toISOString()}`);
  return finishPdf(doc, meta);
}

export function consentFormPdf(input: ConsentFormInput): Promise<Buffer> {
  return pdfToBuffer(renderConsentForm(input));
}
