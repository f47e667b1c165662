import { indexRecords, lotIdsOfChart } from '../record-index.js';
import type { PatientRecordGroup } from '../records.js';
import { csvLines, type CsvColumn, type CsvOptions } from './csv-rows.js';
import { reportedSymptoms } from '../reported-symptoms.js';

export interface LotSideEffectRow {
  productId: string;
  productName: string;
  manufacturer: string;
  lotId: string;
  lotNumber: string;
  expiryDate: string;
  recalled: boolean | null;
  /** Charted sessions that used the lot. */
  sessions: number;
  reports: number;
  severity: { mild: number; moderate: number; severe: number; unstated: number };
  urgent: number;
  symptoms: Set<string>;
}

/** Distinct symptom texts kept per lot; beyond this the list says how many more there were. */
export const MAX_SYMPTOMS = 30;

function emptyRow(lotId: string): LotSideEffectRow {
  return {
    productId: '',
    productName: '',
    manufacturer: '',
    lotId,
    lotNumber: '',
    expiryDate: '',
    recalled: null,
    sessions: 0,
    reports: 0,
    severity: { mild: 0, moderate: 0, severe: 0, unstated: 0 },
    urgent: 0,
    symptoms: new Set(),
  };
}

function triageLevel(triage: unknown): string | undefined {
  return typeof triage === 'object' && triage !== null && 'level' in triage && typeof triage.level === 'string'
    ? triage.level
    : undefined;
}

/**
 * Side-effect reports against every lot injected in the session they followed (which lot caused
 * one is unknown), with how many sessions used the lot, for a rate. Reports after sessions with no
 * lot charted are counted on a row without a lot. Memory grows with the number of lots, not patients.
 */
export async function sideEffectsByLot(
  groups: AsyncIterable<PatientRecordGroup> | Iterable<PatientRecordGroup>,
): Promise<LotSideEffectRow[]> {
  const rows = new Map<string, LotSideEffectRow>();
  const rowFor = (lotId: string) => {
    let row = rows.get(lotId);
    if (!row) rows.set(lotId, (row = emptyRow(lotId)));
    return row;
  };
  for await (const group of groups) {
    const index = indexRecords(group);
    for (const chart of group.chartEntries) {
      for (const lotId of lotIdsOfChart(chart)) {
        const row = rowFor(lotId);
        row.sessions += 1;
        const lot = index.lots.get(lotId);
        const product = lot ? index.products.get(lot.productId) : undefined;
        if (lot && row.lotNumber === '')
          Object.assign(row, {
            lotNumber: lot.lotNumber,
            expiryDate: lot.expiryDate,
            recalled: lot.recalled,
            productId: lot.productId,
          });
        if (product && row.productName === '')
          Object.assign(row, { productName: product.name, manufacturer: product.manufacturer ?? '' });
      }
    }
    for (const report of group.sideEffects) {
      const lots = lotIdsOfChart(index.chartBySession.get(report.sessionId));
      for (const lotId of lots.length ? lots : ['']) {
        const row = rowFor(lotId);
        row.reports += 1;
        const severity = report.severity?.trim().toLowerCase();
        if (severity === 'mild' || severity === 'moderate' || severity === 'severe') row.severity[severity] += 1;
        else row.severity.unstated += 1;
        if (triageLevel(report.triage) === 'urgent') row.urgent += 1;
        if (row.symptoms.size < MAX_SYMPTOMS + 1) row.symptoms.add(reportedSymptoms(report));
      }
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.productName.localeCompare(b.productName) ||
      a.lotNumber.localeCompare(b.lotNumber) ||
      a.lotId.localeCompare(b.lotId),
  );
}

function symptomList(symptoms: Set<string>): string {
  const list = [...symptoms];
  return list.length > MAX_SYMPTOMS ? `${list.slice(0, MAX_SYMPTOMS).join('; ')}; …` : list.join('; ');
}

export const lotSideEffectColumns: CsvColumn<LotSideEffectRow>[] = [
  { header: 'product_id', value: (r) => r.productId },
  { header: 'product', value: (r) => r.productName },
  { header: 'manufacturer', value: (r) => r.manufacturer },
  { header: 'lot_id', value: (r) => r.lotId },
  { header: 'lot_number', value: (r) => r.lotNumber },
  { header: 'expiry_date', value: (r) => r.expiryDate },
  { header: 'recalled', value: (r) => r.recalled },
  { header: 'sessions_using_lot', value: (r) => r.sessions },
  { header: 'side_effect_reports', value: (r) => r.reports },
  {
    header: 'reports_per_100_sessions',
    value: (r) => (r.sessions ? Number(((r.reports * 100) / r.sessions).toFixed(1)) : null),
  },
  { header: 'mild', value: (r) => r.severity.mild },
  { header: 'moderate', value: (r) => r.severity.moderate },
  { header: 'severe', value: (r) => r.severity.severe },
  { header: 'severity_unstated', value: (r) => r.severity.unstated },
  { header: 'triaged_urgent', value: (r) => r.urgent },
  { header: 'symptoms', value: (r) => symptomList(r.symptoms) },
];

/** The report as CSV; it reads every group first (it is a total), then writes a line per lot. */
export async function* sideEffectsByLotCsv(
  groups: AsyncIterable<PatientRecordGroup> | Iterable<PatientRecordGroup>,
  options: CsvOptions = {},
): AsyncGenerator<string, void, undefined> {
  yield* csvLines(lotSideEffectColumns, await sideEffectsByLot(groups), options);
}
