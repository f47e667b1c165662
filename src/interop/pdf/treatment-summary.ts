import { referenceList, type SourceTitle } from '../../core/knowledge/citation-labels.js';
import { compareSessions, indexRecords, lotIdsOfChart } from '../record-index.js';
import type { PatientRecordGroup, SessionStatus } from '../records.js';
import { clinicTimeFormat, instantMs, type ClinicLocale } from '../clinic-time-format.js';
import { nameCode, type CodeNames } from './code-names.js';
import { fields, fill, heading, paragraph, referencesBlock, smallPrint, table, title } from './pdf-blocks.js';
import { letterhead, type ClinicLetterhead } from './letterhead.js';
import { clinicDocumentMeta, createPdf, finishPdf, pdfToBuffer, type Pdf } from './pdf-document.js';
import { reportedSymptoms } from '../reported-symptoms.js';

export interface TreatmentSummaryLabels {
  title: string;
  generated: string;
  patient: string;
  birthDate: string;
  course: string;
  indication: string;
  area: string;
  status: string;
  started: string;
  plan: string;
  /** `{sessions}` and `{interval}`. */
  planCourse: string;
  mixture: string;
  depth: string;
  anaesthesia: string;
  /** Before the plan's reference numbers, "Sources: [1:101]". */
  sources: string;
  /** The heading over the numbered list of the sources, named by title with the lines cited. */
  references: string;
  /** How the list names mesodesk's own safety rules and outside references (neither is a published article). */
  houseRule: string;
  outsideReference: string;
  /** `{lines}`: the line cited, or the lines, comma-separated. */
  line: string;
  lines: string;
  /** A cited source the knowledge base no longer lists (an older plan): named without its file, which means nothing to a reader. */
  unlistedSource: string;
  sessions: string;
  sessionColumns: [string, string, string, string, string];
  sessionStatuses: Record<SessionStatus, string>;
  minutes: string;
  productsAndLots: string;
  lotColumns: [string, string, string, string, string, string];
  recalled: string;
  sideEffects: string;
  sideEffectColumns: [string, string, string, string];
  outcomes: string;
  outcomeColumns: [string, string, string, string];
  /** Printed only when a session of the course has an override, confirmed out-of-plan values or addenda. */
  chartNotes: string;
  chartNoteColumns: [string, string, string, string];
  /** `{reasons}`, `{verdict}` and `{reason}`. */
  overrideNote: string;
  outsidePlanNote: string;
  /** `{text}`. */
  addendumNote: string;
  none: string;
  yes: string;
  no: string;
}

export const englishSummaryLabels: TreatmentSummaryLabels = {
  title: 'Treatment summary',
  generated: 'Generated',
  patient: 'Patient',
  birthDate: 'Date of birth',
  course: 'Course',
  indication: 'Indication',
  area: 'Area',
  status: 'Status',
  started: 'Started',
  plan: 'Plan',
  planCourse: '{sessions} sessions, {interval} days apart',
  mixture: 'Mixture',
  depth: 'Depth',
  anaesthesia: 'Numbing cream',
  sources: 'Sources',
  references: 'References',
  houseRule: 'mesodesk house rule',
  outsideReference: 'outside reference',
  line: 'line {lines}',
  lines: 'lines {lines}',
  unlistedSource: 'a source no longer in the knowledge base',
  sessions: 'Sessions',
  sessionColumns: ['#', 'Date and time', 'Status', 'Length', 'Charted: areas and lots'],
  sessionStatuses: { planned: 'planned', done: 'done', cancelled: 'cancelled', no_show: 'no show' },
  minutes: 'min',
  productsAndLots: 'Products and lots used',
  lotColumns: ['Product', 'Manufacturer', 'Lot', 'Expiry', 'Recalled', 'Sessions'],
  recalled: 'RECALLED',
  sideEffects: 'Side effects',
  sideEffectColumns: ['Onset', 'Symptom', 'Severity', 'Triage'],
  outcomes: 'Outcomes',
  outcomeColumns: ['Session', 'Patient rating', 'Practitioner rating', 'Notes'],
  chartNotes: 'Overrides and addenda',
  chartNoteColumns: ['Session', 'When', 'By', 'Note'],
  overrideNote: 'Treated despite {reasons} ({verdict}), overridden by the clinician: {reason}',
  outsidePlanNote: 'Depths or volumes outside the plan, confirmed by the clinician.',
  addendumNote: 'Addendum: {text}',
  none: 'None recorded.',
  yes: 'yes',
  no: 'no',
};

export interface TreatmentSummaryInput extends ClinicLocale {
  clinic: ClinicLetterhead;
  /** The patient's records; only the course's own sessions and what hangs off them are printed. */
  records: PatientRecordGroup;
  courseId: string;
  /** The knowledge base's sources (sources.yaml), to name each cited source by its title. */
  sources: readonly SourceTitle[];
  /** What the codes in the records are called in the summary's language (`knowledgeCodeNames`, `mergeCodeNames`). */
  names?: Partial<CodeNames>;
  labels?: Partial<TreatmentSummaryLabels>;
  createdAt?: Date;
}

const range = (r: { min: number; max: number }) => (r.min === r.max ? String(r.min) : `${r.min}-${r.max}`);

function triageLevel(triage: unknown): string {
  return typeof triage === 'object' && triage !== null && 'level' in triage && typeof triage.level === 'string'
    ? triage.level
    : '';
}

/** One course of treatment: the plan, each session, the products and lots used, side effects and outcomes. */
export function renderTreatmentSummary(input: TreatmentSummaryInput): Pdf {
  const labels = { ...englishSummaryLabels, ...input.labels };
  const name = (kind: Parameters<typeof nameCode>[1], code: string) => nameCode(input.names, kind, code);
  const format = clinicTimeFormat(input);
  const index = indexRecords(input.records);
  const course = index.courses.get(input.courseId);
  if (!course) throw new RangeError(`treatment summary: course ${input.courseId} is not among the patient's records`);
  const { patient } = input.records;
  const sessions = [...(index.sessionsByCourse.get(course.id) ?? [])].sort(compareSessions);
  const createdAt = input.createdAt ?? new Date();
  const meta = { ...clinicDocumentMeta(labels.title, input), createdAt };
  const doc = createPdf(meta);
  // For the clinician: each source by number and line, named by title at the end.
  const references = referenceList(input.sources, {
    lines: true,
    words: {
      houseRule: labels.houseRule,
      outsideReference: labels.outsideReference,
      line: labels.line,
      lines: labels.lines,
      unlisted: labels.unlistedSource,
    },
  });

  letterhead(doc, input.clinic);
  title(doc, labels.title, `${labels.generated} ${format.dateTime(createdAt.getTime())}`);
  fields(doc, [
    [labels.patient, `${patient.firstName} ${patient.lastName}`],
    [labels.birthDate, format.calendarDate(patient.birthDate)],
  ]);

  heading(doc, labels.course);
  fields(doc, [
    [labels.indication, name('indication', course.indication)],
    [labels.area, name('area', course.area)],
    [labels.status, name('courseStatus', course.status)],
    [labels.started, format.dateTime(instantMs(course.createdAt))],
  ]);

  const plan = course.plan;
  heading(doc, labels.plan);
  const ingredients = plan.mixture.ingredients.map((i) => i.name).join(', ');
  fields(doc, [
    [labels.plan, fill(labels.planCourse, { sessions: range(plan.sessions), interval: range(plan.intervalDays) })],
    [labels.mixture, ingredients ? `${plan.mixture.name} (${ingredients})` : plan.mixture.name],
    [labels.depth, `${range(plan.depthMm)} mm`],
    [labels.anaesthesia, plan.anaesthesia.creamOffered ? plan.anaesthesia.agent : labels.no],
  ]);
  const cited = [...new Set([...plan.citations, ...plan.mixture.citations, ...plan.depthMm.citations])];
  if (cited.length) smallPrint(doc, `${labels.sources}: ${references.mark(cited)}`);

  heading(doc, labels.sessions);
  const sessionIds = new Set(sessions.map((s) => s.id));
  const lotUse = new Map<string, number>();
  const sessionRows = sessions.map((s, i) => {
    const chart = index.chartBySession.get(s.id);
    const lots = lotIdsOfChart(chart);
    for (const id of lots) lotUse.set(id, (lotUse.get(id) ?? 0) + 1);
    const areas = chart ? [...new Set(chart.points.map((p) => p.area))].map((a) => name('area', a)).join(', ') : '';
    const lotNumbers = lots.map((id) => index.lots.get(id)?.lotNumber ?? id).join(', ');
    return [
      String(i + 1),
      format.dateTime(instantMs(s.scheduledAt)),
      labels.sessionStatuses[s.status],
      s.durationMinutes === null ? '' : `${s.durationMinutes} ${labels.minutes}`,
      [areas, lotNumbers].filter(Boolean).join(' · '),
    ];
  });
  if (sessionRows.length) table(doc, labels.sessionColumns, sessionRows, [24, 120, 60, 50, '*']);
  else paragraph(doc, labels.none);

  // What the charts record beyond the points: treatment despite reasons, confirmed out-of-plan values, later addenda.
  const noteRows = sessions.flatMap((s, i) => {
    const chart = index.chartBySession.get(s.id);
    if (!chart) return [];
    const number = String(i + 1);
    const rows: string[][] = [];
    const { override } = chart;
    if (override)
      rows.push([
        number,
        format.dateTime(instantMs(override.at)),
        override.byName ?? '',
        fill(labels.overrideNote, {
          reasons: override.reasons.map((r) => name('reason', r)).join(', '),
          verdict: name('verdict', override.verdict),
          reason: override.reason,
        }),
      ]);
    if (chart.outsidePlanConfirmed)
      rows.push([number, format.dateTime(instantMs(chart.createdAt)), '', labels.outsidePlanNote]);
    for (const addendum of chart.addenda ?? [])
      rows.push([
        number,
        format.dateTime(instantMs(addendum.createdAt)),
        addendum.createdByName ?? '',
        fill(labels.addendumNote, { text: addendum.text }),
      ]);
    return rows;
  });
  if (noteRows.length) {
    heading(doc, labels.chartNotes);
    table(doc, labels.chartNoteColumns, noteRows, [40, 110, 90, '*']);
  }

  heading(doc, labels.productsAndLots);
  const lotRows = [...lotUse].map(([lotId, count]) => {
    const lot = index.lots.get(lotId);
    const product = lot ? index.products.get(lot.productId) : undefined;
    return [
      product?.name ?? '',
      product?.manufacturer ?? '',
      lot?.lotNumber ?? lotId,
      lot ? format.calendarDate(lot.expiryDate) : '',
      lot?.recalled ? labels.recalled : labels.no,
      String(count),
    ];
  });
  if (lotRows.length) table(doc, labels.lotColumns, lotRows, ['*', '*', 80, 70, 60, 50]);
  else paragraph(doc, labels.none);

  heading(doc, labels.sideEffects);
  const effects = input.records.sideEffects
    .filter((r) => sessionIds.has(r.sessionId))
    .sort((a, b) => (a.onset ?? a.createdAt).localeCompare(b.onset ?? b.createdAt));
  if (effects.length)
    table(
      doc,
      labels.sideEffectColumns,
      effects.map((r) => [
        format.dateTime(instantMs(r.onset ?? r.createdAt)),
        reportedSymptoms({ symptom: r.symptom, symptoms: (r.symptoms ?? []).map((c) => name('symptom', c)) }),
        r.severity ? name('severity', r.severity) : '',
        triageLevel(r.triage) ? name('triageLevel', triageLevel(r.triage)) : '',
      ]),
      [110, '*', 70, 70],
    );
  else paragraph(doc, labels.none);

  heading(doc, labels.outcomes);
  const outcomes = sessions.flatMap((s) => {
    const o = index.outcomeBySession.get(s.id);
    return o
      ? [
          [
            format.dateTime(instantMs(s.scheduledAt)),
            o.patientRating?.toString() ?? '',
            o.practitionerRating?.toString() ?? '',
            o.notes ?? '',
          ],
        ]
      : [];
  });
  if (outcomes.length) table(doc, labels.outcomeColumns, outcomes, [110, 70, 80, '*']);
  else paragraph(doc, labels.none);

  referencesBlock(doc, labels.references, references.lines());
  return finishPdf(doc, meta);
}

export function treatmentSummaryPdf(input: TreatmentSummaryInput): Promise<Buffer> {
  return pdfToBuffer(renderTreatmentSummary(input));
}
