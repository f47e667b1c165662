import type { AuditRecord } from '../../core/records/index.js';
import { csvLines, type CsvColumn } from './csv-rows.js';

/** An audit entry with the names of whom it concerns, as the export writes it. */
export interface AuditCsvRow {
  entry: AuditRecord;
  /** The user's display name; null when the account no longer exists (or there was no user). */
  userName: string | null;
  /** Names of the patients the entry names, by id; a patient no longer there is left out. */
  patientNames: ReadonlyMap<string, string>;
}

const patientsOf = (entry: AuditRecord): string[] => [
  ...new Set(entry.records.flatMap((r) => (r.patientId === null ? [] : [r.patientId]))),
];

const columns: CsvColumn<AuditCsvRow>[] = [
  { header: 'time (UTC)', value: (r) => r.entry.at },
  { header: 'user', value: (r) => r.userName ?? r.entry.userId ?? '' },
  { header: 'user id', value: (r) => r.entry.userId },
  { header: 'role', value: (r) => r.entry.role },
  { header: 'action', value: (r) => r.entry.action },
  { header: 'record type', value: (r) => r.entry.entity },
  { header: 'record ids', value: (r) => r.entry.records.map((x) => x.entityId ?? '').join(' ') },
  {
    header: 'patients',
    value: (r) =>
      patientsOf(r.entry)
        .map((id) => r.patientNames.get(id) ?? id)
        .join('; '),
  },
  { header: 'patient ids', value: (r) => patientsOf(r.entry).join(' ') },
  { header: 'request', value: (r) => r.entry.route },
  { header: 'refused because', value: (r) => r.entry.reason },
  { header: 'client address', value: (r) => r.entry.clientAddress },
  { header: 'via', value: (r) => r.entry.via },
  // Filtered by a patient: which of the entry's patients were records merged into theirs since.
  { header: 'merged record', value: (r) => r.entry.mergedFrom?.join(' ') },
];

/**
 * The audit log as CSV, one line per entry in the order given (newest first), each naming the user
 * and patients by name beside their ids. Lines are made as rows arrive, so a long export streams.
 */
export function auditLogCsv(rows: AsyncIterable<AuditCsvRow> | Iterable<AuditCsvRow>): AsyncGenerator<string> {
  return csvLines(columns, rows);
}
