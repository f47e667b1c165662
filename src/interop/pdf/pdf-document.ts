import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import { fontBytes } from './pdf-fonts.js';

let pdfkit: typeof PDFDocument | undefined;
/**
 * pdfkit (with its font and compression libraries) is loaded on the first document, not at import:
 * it is the heaviest module the server would otherwise load before it can answer at all.
 */
function pdfDocumentClass(): typeof PDFDocument {
  pdfkit ??= createRequire(import.meta.url)('pdfkit') as typeof PDFDocument;
  return pdfkit;
}

export type Pdf = PDFKit.PDFDocument;

export interface PdfMeta {
  title: string;
  /** The clinic, shown in every page footer and as the document's author. */
  clinicName: string;
  /** BCP 47 language of the text, for screen readers. */
  lang: string;
  /** Fixed in tests; now otherwise. */
  createdAt?: Date;
}

/** The meta of a clinic's document: by the clinic, in the language of its locale, created now unless told. */
export function clinicDocumentMeta(
  title: string,
  input: { clinic: { name: string }; locale: string; createdAt?: Date },
): PdfMeta {
  return {
    title,
    clinicName: input.clinic.name,
    lang: input.locale,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  };
}

export const PAGE_MARGIN = 50;

/** A4 with DejaVu Sans registered as `regular` and `bold`, and pages buffered so footers can say "page n of m". */
export function createPdf(meta: PdfMeta): Pdf {
  const PdfDocument = pdfDocumentClass();
  const doc = new PdfDocument({
    size: 'A4',
    margin: PAGE_MARGIN,
    bufferPages: true,
    lang: meta.lang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.clinicName,
      Creator: 'mesodesk',
      CreationDate: meta.createdAt ?? new Date(),
    },
  });
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  doc.font('regular');
  return doc;
}

/** Writes "clinic · title · n / m" at the foot of every page, then ends the document. */
export function finishPdf(doc: Pdf, meta: PdfMeta): Pdf {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#666666')
      .text(
        `${meta.clinicName} · ${meta.title} · ${i - range.start + 1} / ${range.count}`,
        PAGE_MARGIN,
        doc.page.height - 30,
        {
          width: doc.page.width - 2 * PAGE_MARGIN,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return doc;
}

/** Collects a finished (or finishing) document into one Buffer. */
export function pdfToBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
