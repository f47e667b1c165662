import type { Selectable } from 'kysely';
import type { ChartEntriesTable, InjectionPointsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { ChartRepository } from './chart-repository.js';
import type { ChartEntryRecord, InjectionPointRecord } from './records.js';
import type { RepositoryContext } from './repository-context.js';

const nullableNumber = (value: number | null) => (value === null ? null : Number(value));

function toPoint(row: Selectable<InjectionPointsTable>): InjectionPointRecord {
  return {
    id: row.id,
    chartEntryId: row.chart_entry_id,
    area: row.area,
    x: Number(row.x),
    y: Number(row.y),
    productId: row.product_id,
    lotId: row.lot_id,
    volumeMl: nullableNumber(row.volume_ml),
    depthMm: nullableNumber(row.depth_mm),
    technique: row.technique,
  };
}

function toEntry(row: Selectable<ChartEntriesTable>, points: InjectionPointRecord[]): ChartEntryRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    anaesthesiaUsed: row.anaesthesia_used === 1,
    anaesthesiaAgent: row.anaesthesia_agent,
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    points,
  };
}

export function kyselyChartRepository({ db, now }: RepositoryContext): ChartRepository {
  return {
    async create(input) {
      const at = now();
      const entry: Selectable<ChartEntriesTable> = {
        id: newId(),
        session_id: input.sessionId,
        anaesthesia_used: input.anaesthesiaUsed ? 1 : 0,
        anaesthesia_agent: input.anaesthesiaAgent ?? null,
        notes: input.notes ?? null,
        created_by: input.createdBy,
        created_at: at,
        updated_at: at,
      };
      await db.insertInto('chart_entries').values(entry).execute();
      const points: Selectable<InjectionPointsTable>[] = input.points.map((p) => ({
        id: newId(),
        chart_entry_id: entry.id,
        area: p.area,
        x: p.x,
        y: p.y,
        product_id: p.productId,
        lot_id: p.lotId,
        volume_ml: p.volumeMl,
        depth_mm: p.depthMm,
        technique: p.technique,
      }));
      if (points.length) await db.insertInto('injection_points').values(points).execute();
      return toEntry(entry, points.map(toPoint));
    },
    async findBySession(sessionId) {
      const entry = await db.selectFrom('chart_entries').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
      if (!entry) return undefined;
      const points = await db.selectFrom('injection_points').selectAll().where('chart_entry_id', '=', entry.id).orderBy('id').execute();
      return toEntry(entry, points.map(toPoint));
    },
    async sessionIdsUsingLot(lotId) {
      const rows = await db
        .selectFrom('injection_points as ip')
        .innerJoin('chart_entries as ce', 'ce.id', 'ip.chart_entry_id')
        .select('ce.session_id')
        .distinct()
        .where('ip.lot_id', '=', lotId)
        .orderBy('ce.session_id')
        .execute();
      return rows.map((r) => r.session_id);
    },
    async lotRecipients(lotId) {
      const rows = await db
        .selectFrom('treatment_sessions as s')
        .innerJoin('courses as c', 'c.id', 's.course_id')
        .innerJoin('patients as p', 'p.id', 'c.patient_id')
        .select(['p.id as patient_id', 'p.first_name', 'p.last_name', 'p.phone', 'p.email', 's.id as session_id', 's.scheduled_at'])
        // EXISTS rather than a join: a session that injected the lot at many points is still one row.
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('injection_points as ip')
              .innerJoin('chart_entries as ce', 'ce.id', 'ip.chart_entry_id')
              .select('ip.id')
              .whereRef('ce.session_id', '=', 's.id')
              .where('ip.lot_id', '=', lotId),
          ),
        )
        .orderBy('p.last_name_key')
        .orderBy('p.first_name_key')
        .orderBy('p.id')
        .orderBy('s.scheduled_at')
        .orderBy('s.id')
        .execute();
      return rows.map((r) => ({
        patientId: r.patient_id,
        firstName: r.first_name,
        lastName: r.last_name,
        phone: r.phone,
        email: r.email,
        sessionId: r.session_id,
        scheduledAt: r.scheduled_at,
      }));
    },
    async listByPatients(patientIds) {
      if (patientIds.length === 0) return [];
      // Subqueries rather than lists of entry ids: the bound parameters stay one per patient however many charts there are.
      const entryIds = db
        .selectFrom('chart_entries as ce')
        .innerJoin('treatment_sessions as s', 's.id', 'ce.session_id')
        .innerJoin('courses as c', 'c.id', 's.course_id')
        .select('ce.id')
        .where('c.patient_id', 'in', patientIds);
      const entries = await db.selectFrom('chart_entries').selectAll().where('id', 'in', entryIds).orderBy('created_at').orderBy('id').execute();
      if (entries.length === 0) return [];
      const points = await db.selectFrom('injection_points').selectAll().where('chart_entry_id', 'in', entryIds).orderBy('id').execute();
      const byEntry = new Map<string, InjectionPointRecord[]>();
      for (const p of points) {
        const list = byEntry.get(p.chart_entry_id) ?? [];
        list.push(toPoint(p));
        byEntry.set(p.chart_entry_id, list);
      }
      return entries.map((e) => toEntry(e, byEntry.get(e.id) ?? []));
    },
  };
}
