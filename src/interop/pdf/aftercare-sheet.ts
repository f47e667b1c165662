import type { TimedInstruction } from '../../core/assessment/assessment-result.js';
import { referenceList, type SourceTitle } from '../../core/knowledge/citation-labels.js';
import {
  instructionsFor,
  keepTakingBloodThinners,
  takesBloodThinner,
  type MedicationLike,
} from '../../core/messages/blood-thinner-safety.js';
import type { LateSignsNotice } from '../../core/messages/late-signs-notice.js';
import { sessionEndMs } from '../record-index.js';
import type { TreatmentSessionRecord } from '../records.js';
import { aftercareTimeline } from './aftercare-timeline.js';
import { clinicTimeFormat, instantMs, type ClinicLocale } from '../clinic-time-format.js';
import { colours, fields, fill, heading, paragraph, referencesBlock, smallPrint, title } from './pdf-blocks.js';
import { letterhead, type ClinicLetterhead } from './letterhead.js';
import { qrCode, QR_SIZE } from './qr-code.js';
import { clinicDocumentMeta, createPdf, finishPdf, pdfToBuffer, type Pdf } from './pdf-document.js';

/** Every word on the sheet that is not data; `{name}` placeholders are filled in. Strings, so a clinic can keep its own in its settings. */
export interface AftercareSheetLabels {
  title: string;
  patient: string;
  sessionEnded: string;
  intro: string;
  /** One timeline row's deadline: `{time}` and `{day}`. */
  until: string;
  /** How long the instruction lasts: `{hours}`. */
  duration: string;
  /** Before an instruction's reference numbers, "Sources: [1, 4]". */
  sources: string;
  /** The heading over the numbered list of the sources, named by title. */
  references: string;
  /** How the list names mesodesk's own safety rules and outside references (neither is a published article). */
  houseRule: string;
  outsideReference: string;
  /** A cited source the knowledge base no longer lists (an older plan): named without its file, which means nothing to a reader. */
  unlistedSource: string;
  /** The heading over the late signs that need a same-day call. */
  lateSigns: string;
  /**
   * The line for a patient on a prescribed blood thinner: keep taking it. The English safety line
   * (blood-thinner-safety.ts) when a language gives none.
   */
  keepTaking?: string;
  /**
   * The last words: where to turn with anything else. A language other than the knowledge base's
   * (English) also sums up the late signs here, so its readers have them in their own words.
   */
  closing: string;
  /** Under the QR code that opens the portal's aftercare page. */
  portalLink: string;
}

export const englishAftercareLabels: AftercareSheetLabels = {
  title: 'Aftercare after your mesotherapy session',
  patient: 'Patient',
  sessionEnded: 'Session ended',
  intro: 'Please follow each instruction below until the time shown next to it. Times are local clinic time.',
  until: 'until {time} on {day}',
  duration: '{hours} hours after the session',
  sources: 'Sources',
  references: 'Sources of this advice',
  houseRule: 'mesodesk house rule',
  outsideReference: 'outside reference',
  unlistedSource: 'a source no longer in the knowledge base',
  lateSigns: 'Signs that need a call to the clinic the same day',
  closing: 'For anything else about the treated area that worries you, contact the clinic.',
  portalLink: 'Scan for this aftercare in your patient portal',
};

export interface AftercareSheetInput extends ClinicLocale {
  clinic: ClinicLetterhead;
  /** The portal's aftercare page, printed as a QR code beside the letterhead; none without a portal address. */
  portalUrl?: string;
  patient: { firstName: string; lastName: string };
  session: Pick<TreatmentSessionRecord, 'scheduledAt' | 'durationMinutes'>;
  /** When the session really ended, if charted; otherwise its start plus its booked length. */
  endedAt?: string;
  /** The plan's aftercare items (`plan.aftercare`), already filtered to the treated area. */
  aftercare: readonly TimedInstruction[];
  /** The knowledge base's late signs (`lateSignsNotice`), printed after the timeline with their sources. */
  lateSigns: LateSignsNotice;
  /** The knowledge base's sources (sources.yaml), to name each cited source by its title. */
  sources: readonly SourceTitle[];
  /**
   * The patient's medicines from their intake: a patient on a prescribed blood thinner gets no
   * "avoid aspirin" line, only the keep-taking one. Left out when unknown.
   */
  medications?: readonly MedicationLike[];
  labels?: Partial<AftercareSheetLabels>;
  createdAt?: Date;
}

/**
 * The countdown starts when the session ends. Without a real end or a booked length there is no
 * safe start (counting from the start would end every instruction too early), so it refuses.
 */
export function aftercareStartMs(input: Pick<AftercareSheetInput, 'session' | 'endedAt'>): number {
  if (input.endedAt) return instantMs(input.endedAt);
  const end = sessionEndMs(input.session);
  if (end === undefined) throw new RangeError('aftercare sheet: the session has no length; give endedAt');
  return end;
}

function hoursText(min: number, max: number): string {
  return min === max ? String(max) : `${min}-${max}`;
}

/** The patient's aftercare sheet as a pdfkit document (a readable stream, already ended). */
export function renderAftercareSheet(input: AftercareSheetInput): Pdf {
  const labels = { ...englishAftercareLabels, ...input.labels };
  const format = clinicTimeFormat(input);
  const endMs = aftercareStartMs(input);
  const bloodThinner = takesBloodThinner(input.medications ?? []);
  const timeline = aftercareTimeline(endMs, instructionsFor(input.aftercare, bloodThinner));
  const meta = clinicDocumentMeta(labels.title, input);
  const doc = createPdf(meta);
  // A patient needs to know where advice comes from, not which line: numbers and titles only.
  const references = referenceList(input.sources, {
    lines: false,
    words: { houseRule: labels.houseRule, outsideReference: labels.outsideReference, unlisted: labels.unlistedSource },
  });

  const top = doc.y;
  if (input.portalUrl) {
    const x = doc.page.width - doc.page.margins.right - QR_SIZE;
    qrCode(doc, input.portalUrl, x, top, labels.portalLink);
    doc.x = doc.page.margins.left;
    doc.y = top;
  }
  letterhead(doc, input.clinic, input.portalUrl ? { width: QR_SIZE + 24, height: QR_SIZE + 22 } : undefined);
  title(doc, labels.title);
  fields(doc, [
    [labels.patient, `${input.patient.firstName} ${input.patient.lastName}`],
    [labels.sessionEnded, `${format.dateTime(endMs)} (${input.timeZone})`],
  ]);
  doc.moveDown(0.5);
  paragraph(doc, labels.intro);
  doc.moveDown(0.5);

  const left = doc.page.margins.left;
  const whenWidth = 150;
  const textX = left + whenWidth + 10;
  const textWidth = doc.page.width - doc.page.margins.right - textX;
  for (const entry of timeline) {
    const when = fill(labels.until, { time: format.time(entry.untilMs), day: format.day(entry.untilMs) });
    const mark = references.mark(entry.citations);
    doc.font('regular').fontSize(10);
    const needed =
      Math.max(doc.heightOfString(when, { width: whenWidth }), doc.heightOfString(entry.text, { width: textWidth })) +
      30;
    if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    doc.font('bold').fontSize(10).fillColor(colours.accent).text(when, left, top, { width: whenWidth });
    const afterWhen = doc.y;
    doc.font('regular').fontSize(10).fillColor(colours.text).text(entry.text, textX, top, { width: textWidth });
    smallPrint(doc, fill(labels.duration, { hours: hoursText(entry.hours.min, entry.hours.max) }), {
      width: textWidth,
    });
    if (mark) smallPrint(doc, `${labels.sources}: ${mark}`, { width: textWidth });
    doc.x = left;
    doc.y = Math.max(doc.y, afterWhen) + 8;
  }
  const fullWidth = { width: doc.page.width - doc.page.margins.left - doc.page.margins.right };
  if (bloodThinner) {
    doc.moveDown(0.5);
    paragraph(doc, labels.keepTaking ?? keepTakingBloodThinners, fullWidth);
  }
  heading(doc, labels.lateSigns);
  paragraph(doc, input.lateSigns.intro, fullWidth);
  doc.list(input.lateSigns.items, { ...fullWidth, bulletRadius: 1.5, paragraphGap: 2 });
  doc.moveDown(0.3);
  const lateSignsMark = references.mark(input.lateSigns.citations);
  if (lateSignsMark) smallPrint(doc, `${labels.sources}: ${lateSignsMark}`, fullWidth);
  doc.moveDown(0.5);
  paragraph(doc, labels.closing, fullWidth);
  referencesBlock(doc, labels.references, references.lines(), fullWidth);
  return finishPdf(doc, meta);
}

export function aftercareSheetPdf(input: AftercareSheetInput): Promise<Buffer> {
  return pdfToBuffer(renderAftercareSheet(input));
}
