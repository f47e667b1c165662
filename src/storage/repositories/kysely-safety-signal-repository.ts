import type { Selectable } from 'kysely';
import type { SafetySignalRecord } from '../../core/safety-signals/signal-record.js';
import type { SafetySignalsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import type { RepositoryContext } from './repository-context.js';
import { heldSessions, reportsOnHeldSessions } from './safety-signal-exposure-queries.js';
import type { SafetySignalRepository } from './safety-signal-repository.js';
import { tableRows } from './table-rows.js';
import { numberOrNull, rowMapper } from './row-mapper.js';

const toSignal = rowMapper<Selectable<SafetySignalsTable>, SafetySignalRecord>()(
  [
    'id, clinic_id, signal_key as key, kind, unit_type as unit, window_from as window, exposure, observed',
    'expected, p_value, threshold, report_ids, status, raised_at, acknowledged_at, acknowledged_by',
    'closed_at, closed_by, acknowledged_note, closed_note',
  ],
  {
    unit: (type, row) => ({ type, id: row.unit_id, label: row.unit_label }),
    window: (from, row) => ({ from, to: row.window_to, week: row.window_week }),
    exposure: Number,
    observed: Number,
    expected: numberOrNull,
    pValue: numberOrNull,
    threshold: numberOrNull,
    reportIds: fromJsonText,
  },
);

/** Rows per INSERT: far below either engine's limit on bound values. */
const batch = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += batch) out.push(items.slice(i, i + batch));
  return out;
}

export function kyselySafetySignalRepository({ db, now }: RepositoryContext): SafetySignalRepository {
  const signals = tableRows(db, 'safety_signals', toSignal);
  return {
    async insertNew(clinicId, signal) {
      const row: Selectable<SafetySignalsTable> = {
        id: newId(),
        clinic_id: clinicId,
        signal_key: signal.key,
        kind: signal.kind,
        unit_type: signal.unit.type,
        unit_id: signal.unit.id,
        unit_label: signal.unit.label,
        window_from: signal.window.from,
        window_to: signal.window.to,
        window_week: signal.window.week,
        exposure: signal.exposure,
        observed: signal.observed,
        expected: signal.expected,
        p_value: signal.pValue,
        threshold: signal.threshold,
        report_ids: toJsonText(signal.reportIds),
        status: 'open',
        raised_at: now(),
        acknowledged_at: null,
        acknowledged_by: null,
        closed_at: null,
        closed_by: null,
        acknowledged_note: null,
        closed_note: null,
      };
      // The unique key decides between two runs at once: the loser inserts nothing and learns so here.
      const inserted = await db
        .insertInto('safety_signals')
        .values(row)
        .onConflict((oc) => oc.columns(['clinic_id', 'signal_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return undefined;
      for (const part of chunks([...new Set(signal.patientIds)]))
        await db
          .insertInto('safety_signal_patients')
          .values(part.map((patientId) => ({ signal_id: row.id, patient_id: patientId })))
          .execute();
      for (const part of chunks([...new Set(signal.lots.map((l) => l.lotId))]))
        await db
          .insertInto('safety_signal_lots')
          .values(part.map((lotId) => ({ signal_id: row.id, lot_id: lotId })))
          .execute();
      return toSignal(row);
    },

    findById: signals.findById,

    async existingKeys(clinicId, keys) {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('safety_signals')
        .select('signal_key')
        .where('clinic_id', '=', clinicId)
        .where('signal_key', 'in', keys)
        .execute();
      return rows.map((r) => r.signal_key);
    },

    async detail(id) {
      const signal = await signals.findById(id);
      if (!signal) return undefined;
      const [patients, lots] = await Promise.all([
        db
          .selectFrom('safety_signal_patients as sp')
          .innerJoin('patients as p', 'p.id', 'sp.patient_id')
          .select(['p.id', 'p.first_name', 'p.last_name', 'p.phone', 'p.email'])
          .where('sp.signal_id', '=', id)
          .orderBy('p.last_name')
          .orderBy('p.first_name')
          .orderBy('p.id')
          .execute(),
        db
          .selectFrom('safety_signal_lots as sl')
          .innerJoin('lots as l', 'l.id', 'sl.lot_id')
          .innerJoin('products as pr', 'pr.id', 'l.product_id')
          .select(['l.id', 'l.lot_number', 'l.recalled', 'pr.id as product_id', 'pr.name'])
          .where('sl.signal_id', '=', id)
          .orderBy('pr.name')
          .orderBy('l.lot_number')
          .orderBy('l.id')
          .execute(),
      ]);
      return {
        ...signal,
        patients: patients.map((p) => ({
          patientId: p.id,
          firstName: p.first_name,
          lastName: p.last_name,
          phone: p.phone,
          email: p.email,
        })),
        lots: lots.map((l) => ({
          lotId: l.id,
          lotNumber: l.lot_number,
          productId: l.product_id,
          productName: l.name,
          recalled: Number(l.recalled) === 1,
        })),
      };
    },

    async list({ clinicId, statuses, limit, offset }) {
      if (statuses.length === 0) return [];
      const rows = await db
        .selectFrom('safety_signals')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('status', 'in', statuses)
        .orderBy('raised_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toSignal);
    },

    async countByStatus(clinicId) {
      const rows = await db
        .selectFrom('safety_signals')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
        .where('clinic_id', '=', clinicId)
        .groupBy('status')
        .execute();
      const counts = { open: 0, acknowledged: 0, closed: 0 };
      for (const row of rows) counts[row.status] = Number(row.count);
      return counts;
    },

    setStatus(id, { status, by, note }) {
      const at = now();
      return signals.updateById(id, {
        status,
        ...(status === 'acknowledged'
          ? { acknowledged_at: at, acknowledged_by: by, acknowledged_note: note }
          : { closed_at: at, closed_by: by, closed_note: note }),
      });
    },

    heldSessions: (clinicId, from, to) => heldSessions(db, clinicId, from, to),
    reportsOnHeldSessions: (clinicId, from, to) => reportsOnHeldSessions(db, clinicId, from, to),
  };
}
