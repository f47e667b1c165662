import type {
  ChartEntryRecord,
  ConsentTextRecord,
  CourseRecord,
  LotRecord,
  OutcomeRecord,
  PatientRecordGroup,
  ProductRecord,
  SideEffectReportRecord,
  TreatmentSessionRecord,
} from './records.js';
import { groupBy } from '../core/group-by.js';

/** Lookups over one patient's records, built once so every document and export joins the same way. */
export interface RecordIndex {
  courses: ReadonlyMap<string, CourseRecord>;
  sessions: ReadonlyMap<string, TreatmentSessionRecord>;
  sessionsByCourse: ReadonlyMap<string, TreatmentSessionRecord[]>;
  chartBySession: ReadonlyMap<string, ChartEntryRecord>;
  sideEffectsBySession: ReadonlyMap<string, SideEffectReportRecord[]>;
  outcomeBySession: ReadonlyMap<string, OutcomeRecord>;
  products: ReadonlyMap<string, ProductRecord>;
  lots: ReadonlyMap<string, LotRecord>;
  consentTexts: ReadonlyMap<string, ConsentTextRecord>;
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

/** Sessions in each course come out in time order, whatever order they were loaded in. */
export function indexRecords(group: PatientRecordGroup): RecordIndex {
  const sessionsByCourse = groupBy(group.sessions, (s) => s.courseId);
  for (const list of sessionsByCourse.values()) list.sort(compareSessions);
  return {
    courses: byId(group.courses),
    sessions: byId(group.sessions),
    sessionsByCourse,
    chartBySession: new Map(group.chartEntries.map((c) => [c.sessionId, c])),
    sideEffectsBySession: groupBy(group.sideEffects, (r) => r.sessionId),
    outcomeBySession: new Map(group.outcomes.map((o) => [o.sessionId, o])),
    products: byId(group.products),
    lots: byId(group.lots),
    consentTexts: byId(group.consentTexts),
  };
}

export function compareSessions(a: TreatmentSessionRecord, b: TreatmentSessionRecord): number {
  return Date.parse(a.scheduledAt) - Date.parse(b.scheduledAt) || a.id.localeCompare(b.id);
}

/** The lot ids a charted session used, in order of first use, each once. */
export function lotIdsOfChart(chart: ChartEntryRecord | undefined): string[] {
  if (!chart) return [];
  const ids = new Set<string>();
  for (const p of chart.points) if (p.lotId) ids.add(p.lotId);
  return [...ids];
}

/** The newest intake version: the one whose facts describe the patient now. */
export function latestIntake<T extends { version: number; createdAt: string }>(intakes: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const i of intakes)
    if (!latest || i.version > latest.version || (i.version === latest.version && i.createdAt > latest.createdAt))
      latest = i;
  return latest;
}

/** When a session ends: its start plus its booked length; undefined when the length is unknown. */
export function sessionEndMs(
  session: Pick<TreatmentSessionRecord, 'scheduledAt' | 'durationMinutes'>,
): number | undefined {
  const start = Date.parse(session.scheduledAt);
  if (Number.isNaN(start)) throw new RangeError(`session start is not an instant: ${session.scheduledAt}`);
  return session.durationMinutes === null ? undefined : start + session.durationMinutes * 60_000;
}
