import type { Selectable } from 'kysely';
import type {
  ChartAddendaTable,
  ChartEntriesTable,
  InjectionPointsTable,
  TreatmentOverridesTable,
} from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import type { ChartRepository } from './chart-repository.js';
import type {
  ChartAddendumRecord,
  ChartEntryRecord,
  InjectionPointRecord,
  TreatmentOverrideRecord,
} from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { groupBy } from '../../core/group-by.js';
import { numberOrNull, rowMapper } from './row-mapper.js';

const toPoint = rowMapper<Selectable<InjectionPointsTable>, InjectionPointRecord>()(
  'id, chart_entry_id, area, x, y, product_id, lot_id, volume_ml, depth_mm, technique',
  { x: Number, y: Number, volumeMl: numberOrNull, depthMm: numberOrNull },
);

const toOverride = rowMapper<
  Selectable<TreatmentOverridesTable> & { created_by_name: string | null },
  TreatmentOverrideRecord
>()(
  'id, session_id, chart_entry_id, reason, verdict, reason_codes as reasons, created_by as by, created_by_name as byName, created_at as at',
  { reasons: fromJsonText },
);

const toAddendum = rowMapper<Selectable<ChartAddendaTable> & { created_by_name: string | null }, ChartAddendumRecord>()(
  'id, chart_entry_id, text, created_by, created_by_name, created_at',
);

/** What hangs off chart entries besides their points, loaded for a batch of them. */
interface EntryDetails {
  points: ReadonlyMap<string, InjectionPointRecord[]>;
  /** By session, oldest first. */
  overrides: ReadonlyMap<string, TreatmentOverrideRecord[]>;
  addenda: ReadonlyMap<string, ChartAddendumRecord[]>;
}

/**
 * The override a chart was written under: its own, or else the latest one given when its session
 * was marked done without a chart.
 */
function overrideOf(
  entry: Selectable<ChartEntriesTable>,
  sessionOverrides: readonly TreatmentOverrideRecord[],
): TreatmentOverrideRecord | null {
  const own = sessionOverrides.filter((o) => o.chartEntryId === entry.id).at(-1);
  return own ?? sessionOverrides.filter((o) => o.chartEntryId === null).at(-1) ?? null;
}

function toEntry(row: Selectable<ChartEntriesTable>, details: EntryDetails): ChartEntryRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    anaesthesiaUsed: row.anaesthesia_used === 1,
    anaesthesiaAgent: row.anaesthesia_agent,
    notes: row.notes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    points: details.points.get(row.id) ?? [],
    override: overrideOf(row, details.overrides.get(row.session_id) ?? []),
    outsidePlanConfirmed: row.outside_plan_confirmed === 1,
    screening:
      row.screening_verdict !== null && row.screening_kb_version !== null && row.screening_date !== null
        ? {
            verdict: row.screening_verdict,
            knowledgeBaseVersion: row.screening_kb_version,
            sessionDate: row.screening_date,
          }
        : null,
    addenda: details.addenda.get(row.id) ?? [],
  };
}

export function kyselyChartRepository({ db, now }: RepositoryContext): ChartRepository {
  /** Addenda with their authors' names, oldest first. */
  const addendaQuery = () =>
    db
      .selectFrom('chart_addenda as a')
      .leftJoin('users as u', 'u.id', 'a.created_by')
      .selectAll('a')
      .select('u.display_name as created_by_name')
      .orderBy('a.created_at')
      .orderBy('a.id');
  /** Overrides with their authors' names, oldest first. */
  const overridesQuery = () =>
    db
      .selectFrom('treatment_overrides as o')
      .leftJoin('users as u', 'u.id', 'o.created_by')
      .selectAll('o')
      .select('u.display_name as created_by_name')
      .orderBy('o.created_at')
      .orderBy('o.id');
  const overridesOfSession = async (sessionId: string) =>
    (await overridesQuery().where('o.session_id', '=', sessionId).execute()).map(toOverride);
  const nameOf = async (userId: string | null) =>
    userId
      ? ((await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst())
          ?.display_name ?? null)
      : null;
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
        outside_plan_confirmed: input.outsidePlanConfirmed ? 1 : 0,
        screening_verdict: input.screening?.verdict ?? null,
        screening_kb_version: input.screening?.knowledgeBaseVersion ?? null,
        screening_date: input.screening?.sessionDate ?? null,
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
      // The session may carry an override from being marked done; the new chart shows it.
      const overrides = await overridesOfSession(input.sessionId);
      return toEntry(entry, {
        points: new Map([[entry.id, points.map(toPoint)]]),
        overrides: new Map([[input.sessionId, overrides]]),
        addenda: new Map(),
      });
    },
    async findBySession(sessionId) {
      const entry = await db
        .selectFrom('chart_entries')
        .selectAll()
        .where('session_id', '=', sessionId)
        .executeTakeFirst();
      if (!entry) return undefined;
      const [points, overrides, addenda] = await Promise.all([
        db.selectFrom('injection_points').selectAll().where('chart_entry_id', '=', entry.id).orderBy('id').execute(),
        overridesOfSession(sessionId),
        addendaQuery().where('a.chart_entry_id', '=', entry.id).execute(),
      ]);
      return toEntry(entry, {
        points: new Map([[entry.id, points.map(toPoint)]]),
        overrides: new Map([[sessionId, overrides]]),
        addenda: new Map([[entry.id, addenda.map(toAddendum)]]),
      });
    },
    async createOverride(input) {
      const row: Selectable<TreatmentOverridesTable> = {
        id: newId(),
        session_id: input.sessionId,
        chart_entry_id: input.chartEntryId,
        reason: input.reason,
        verdict: input.verdict,
        reason_codes: toJsonText(input.reasons),
        created_by: input.createdBy,
        created_at: now(),
      };
      await db.insertInto('treatment_overrides').values(row).execute();
      return toOverride({ ...row, created_by_name: await nameOf(input.createdBy) });
    },
    overridesOfSession,
    async addAddendum(input) {
      const row: Selectable<ChartAddendaTable> = {
        id: newId(),
        chart_entry_id: input.chartEntryId,
        text: input.text,
        created_by: input.createdBy,
        created_at: now(),
      };
      await db.insertInto('chart_addenda').values(row).execute();
      return toAddendum({ ...row, created_by_name: await nameOf(input.createdBy) });
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
        .select([
          'p.id as patient_id',
          'p.first_name',
          'p.last_name',
          'p.phone',
          'p.email',
          's.id as session_id',
          's.scheduled_at',
        ])
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
      const entries = await db
        .selectFrom('chart_entries')
        .selectAll()
        .where('id', 'in', entryIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      if (entries.length === 0) return [];
      const sessionIds = db
        .selectFrom('treatment_sessions as s')
        .innerJoin('courses as c', 'c.id', 's.course_id')
        .select('s.id')
        .where('c.patient_id', 'in', patientIds);
      const [points, overrides, addenda] = await Promise.all([
        db.selectFrom('injection_points').selectAll().where('chart_entry_id', 'in', entryIds).orderBy('id').execute(),
        overridesQuery().where('o.session_id', 'in', sessionIds).execute(),
        addendaQuery().where('a.chart_entry_id', 'in', entryIds).execute(),
      ]);
      const details: EntryDetails = {
        points: groupBy(points.map(toPoint), (p) => p.chartEntryId),
        overrides: groupBy(overrides.map(toOverride), (o) => o.sessionId),
        addenda: groupBy(addenda.map(toAddendum), (a) => a.chartEntryId),
      };
      return entries.map((e) => toEntry(e, details));
    },
  };
}
