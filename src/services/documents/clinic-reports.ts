import { outcomesByIndicationCsv, sessionsCsv, sideEffectsByLotCsv } from '../../interop/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicRecordGroups, type ClinicReadOptions } from './clinic-record-groups.js';
import { clinicTimeZone } from './clinic-zone.js';

export const reportTables = ['sessions', 'side-effects-by-lot', 'outcomes-by-indication'] as const;
export type ReportTable = (typeof reportTables)[number];

export function isReportTable(value: string): value is ReportTable {
  return (reportTables as readonly string[]).includes(value);
}

export interface ClinicReportOptions extends ClinicReadOptions {
  /** Sessions report only: add the patients' names (personal data) next to their ids. */
  patientNames?: boolean;
}

/**
 * One of the clinic's CSV reports, line by line, over every patient read in batches. The sessions
 * report streams as it reads; the two summaries read everything before their first line.
 */
export async function* clinicReportLines(
  repos: Repositories,
  clinicId: string,
  table: ReportTable,
  options: ClinicReportOptions = {},
): AsyncGenerator<string, void, undefined> {
  const { batchSize, onBatch } = options;
  const groups = clinicRecordGroups(repos, clinicId, {
    ...(batchSize === undefined ? {} : { batchSize }),
    ...(onBatch ? { onBatch } : {}),
  });
  switch (table) {
    case 'sessions': {
      // Local dates and times in the clinic's zone; the columns themselves are locale-neutral.
      const timeZone = await clinicTimeZone(repos, clinicId);
      yield* sessionsCsv(groups, { timeZone, locale: 'en-GB', patientNames: options.patientNames ?? false });
      return;
    }
    case 'side-effects-by-lot':
      yield* sideEffectsByLotCsv(groups);
      return;
    case 'outcomes-by-indication':
      yield* outcomesByIndicationCsv(groups);
      return;
  }
}
