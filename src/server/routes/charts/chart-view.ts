import type { z } from 'zod';
import type { ChartEntryRecord, Role } from '../../../core/records/index.js';
import type { chartView } from './chart-schemas.js';

/**
 * A chart as a role sees it. Clinicians see all of it; the patient sees what was done to them (the
 * points, products, lots and depths, the anaesthesia, a treatment despite reasons) but not the notes
 * clinicians write for each other: the chart's notes and its addenda.
 */
export function chartFor(role: Role, chart: ChartEntryRecord): z.input<typeof chartView> {
  if (role !== 'patient') return chart;
  const { notes: _notes, addenda: _addenda, ...shown } = chart;
  return shown;
}
