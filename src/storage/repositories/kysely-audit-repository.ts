import { sql, type Insertable, type Selectable } from 'kysely';
import { engineOf } from '../create-database.js';
import type { AuditLogTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { AuditQuery, AuditRepository, NewAuditEntry, RefusalsOfUser } from './audit-repository.js';
import type { AuditedRecord, AuditRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';

/** Stored as pairs: a page of 50 ids stays short and reads back in order. */
type StoredRecords = [entityId: string | null, patientId: string | null][];

function distinctPatients(records: readonly AuditedRecord[]): string[] {
  return [...new Set(records.flatMap((r) => (r.patientId === null ? [] : [r.patientId])))];
}

function toRow(entry: NewAuditEntry, at: string): Insertable<AuditLogTable> {
  const { records } = entry;
  const single = records.length === 1 ? records[0] : undefined;
  const patients = distinctPatients(records);
  return {
    id: newId(),
    at,
    clinic_id: entry.clinicId,
    user_id: entry.userId,
    role: entry.role,
    action: entry.action,
    entity: entry.entity,
    entity_id: single ? single.entityId : null,
    patient_id: patients.length === 1 ? (patients[0] ?? null) : null,
    route: entry.route,
    records: single ? null : JSON.stringify(records.map((r): StoredRecords[number] => [r.entityId, r.patientId])),
    patient_ids: patients.length > 1 ? JSON.stringify(patients) : null,
    reason: entry.reason ?? null,
    client_address: entry.clientAddress ?? null,
    via: entry.via ?? null,
  };
}

/**
 * An entry as read. For patients (`onlyPatients`: the one asked about, then the records merged into
 * theirs), as it concerns them: not the other patients on the same page, and which merged records it
 * was written about.
 */
function toRecord(row: Selectable<AuditLogTable>, onlyPatients: readonly string[] = []): AuditRecord {
  let records: AuditedRecord[] = row.records
    ? (JSON.parse(row.records) as StoredRecords).map(([entityId, patientId]) => ({ entityId, patientId }))
    : [{ entityId: row.entity_id, patientId: row.patient_id }];
  const [asked, ...merged] = onlyPatients;
  if (asked !== undefined) records = records.filter((r) => r.patientId !== null && onlyPatients.includes(r.patientId));
  const patients = distinctPatients(records);
  const mergedFrom = patients.filter((p) => merged.includes(p));
  return {
    id: row.id,
    at: row.at,
    clinicId: row.clinic_id,
    userId: row.user_id,
    role: row.role,
    action: row.action,
    entity: row.entity,
    entityId: records.length === 1 ? (records[0]?.entityId ?? null) : null,
    patientId: patients.length === 1 ? (patients[0] ?? null) : null,
    route: row.route,
    records,
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.client_address === null ? {} : { clientAddress: row.client_address }),
    ...(row.via === null ? {} : { via: row.via }),
    ...(mergedFrom.length ? { mergedFrom } : {}),
  };
}

/** Rows per INSERT: well under SQLite's 32766 bound parameters. */
const batchSize = 500;

/** What the full-text index holds as one word (tokenizer of migration 0018); every id made here is one. */
const oneWord = /^[A-Za-z0-9_-]+$/;

export function kyselyAuditRepository({ db, now }: RepositoryContext): AuditRepository {
  const postgres = engineOf(db) === 'postgres';
  /**
   * The ids of the entries naming one of the patients: alone (`patient_id`), or among others
   * (`patient_ids`, through each engine's word index). A union, so that each part reads its own
   * index rather than the planner walking the clinic's whole log and testing every entry. The two
   * parts never meet: an entry has `patient_ids` only when it names more than one patient.
   */
  const namingPatients = (patientIds: readonly string[]) => {
    const list = sql.join(patientIds.map((id) => sql`${id}`));
    const many = postgres
      ? sql`select id from audit_log where patient_ids is not null and (${sql.join(
          patientIds.map((id) => sql`patient_ids::jsonb @> jsonb_build_array(${id}::text)`),
          sql` or `,
        )})`
      : // The word index finds candidates and json_each checks the exact id (the index folds case);
        // an id that is not one word to the index is found by reading the many-patient entries.
        sql`select id from audit_log where id in (${
          patientIds.every((id) => oneWord.test(id))
            ? sql`select audit_id from audit_log_patients where audit_log_patients match ${patientIds
                .map((id) => `"${id}"`)
                .join(' OR ')}`
            : sql`select id from audit_log where patient_ids is not null`
        }) and exists (select 1 from json_each(audit_log.patient_ids) where value in (${list}))`;
    return sql<{ id: string }>`(select id from audit_log where patient_id in (${list}) union all ${many})`;
  };

  /** The records merged into the patient, in force: followed down the merged-into column, transitively. */
  const mergedInto = async (clinicId: string, patientId: string): Promise<string[]> => {
    // `union` (not `union all`) stops at a record met twice, so no chain of merges runs forever.
    // Followed by merged_into_id (its index) alone: asked with the clinic too, SQLite may start from
    // the clinic's patients, which is every patient. A merge never crosses clinics; the clinic is
    // checked once at the end, per record found (CROSS JOIN keeps SQLite reading the merged ones first).
    const { rows } = await sql<{ id: string }>`with recursive merged(id) as (
        select id from patients where merged_into_id = ${patientId}
        union select p.id from patients p join merged m on p.merged_into_id = m.id
      ) select m.id from merged m cross join patients p where p.id = m.id and p.clinic_id = ${clinicId} order by m.id`.execute(
      db,
    );
    return rows.map((r) => r.id).filter((id) => id !== patientId);
  };

  /** The patients whose entries a query for `patientId` reads: theirs first, then those merged into it. */
  const patientsOf = async (query: Pick<AuditQuery, 'clinicId' | 'patientId' | 'mergedPatientIds'>) =>
    query.patientId
      ? [query.patientId, ...(query.mergedPatientIds ?? (await mergedInto(query.clinicId, query.patientId)))]
      : [];

  /** The entries a query asks for, unordered and unpaged (`list` and `countUpTo` add those). */
  const matching = (
    {
      clinicId,
      userId,
      entity,
      action,
      from,
      to,
      refused,
      reasons,
      before,
    }: Omit<AuditQuery, 'limit' | 'offset' | 'patientId' | 'mergedPatientIds'>,
    patientIds: readonly string[],
  ) => {
    // For one patient, their entries are found first and only those read (materialized, joined in
    // that order): left to itself, a planner without statistics walks the clinic's whole log.
    let query = patientIds.length
      ? db
          .with(
            (cte) => cte('matched').materialized(),
            () => namingPatients(patientIds),
          )
          .selectFrom('matched')
          .crossJoin('audit_log')
          .whereRef('audit_log.id', '=', 'matched.id')
          .selectAll('audit_log')
          .where('clinic_id', '=', clinicId)
      : db.selectFrom('audit_log').selectAll().where('clinic_id', '=', clinicId);
    if (userId) query = query.where('user_id', '=', userId);
    if (entity) query = query.where('entity', '=', entity);
    if (action) query = query.where('action', '=', action);
    if (refused) query = query.where('reason', 'is not', null);
    if (reasons) query = query.where('reason', 'in', reasons.length ? reasons : ['']);
    if (from) query = query.where('at', '>=', from);
    if (to) query = query.where('at', '<', to);
    if (before)
      query = query.where((eb) =>
        eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('audit_log.id', '<', before.id)])]),
      );
    return query;
  };

  return {
    async append(entries) {
      const at = now();
      const rows = entries.filter((e) => e.records.length > 0).map((e) => toRow(e, at));
      for (let i = 0; i < rows.length; i += batchSize)
        await db
          .insertInto('audit_log')
          .values(rows.slice(i, i + batchSize))
          .execute();
    },
    async list(query) {
      const patientIds = await patientsOf(query);
      const rows = await matching(query, patientIds)
        .orderBy('at', 'desc')
        .orderBy('audit_log.id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map((row) => toRecord(row, patientIds));
    },

    async countUpTo(query, atMost) {
      const patientIds = await patientsOf(query);
      const row = await db
        .selectFrom(
          matching(query, patientIds)
            .limit(atMost + 1)
            .as('m'),
        )
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    mergedInto,

    async patientNames(clinicId, patientIds) {
      const names = new Map<string, string>();
      const ids = [...new Set(patientIds)];
      for (let i = 0; i < ids.length; i += batchSize) {
        const rows = await db
          .selectFrom('patients')
          .select(['id', 'first_name', 'last_name'])
          .where('clinic_id', '=', clinicId)
          .where('id', 'in', ids.slice(i, i + batchSize))
          .execute();
        for (const row of rows) names.set(row.id, `${row.first_name} ${row.last_name}`);
      }
      return names;
    },

    async recent({ clinicId, userId, withinMs, entity, reasons, limit }) {
      const since = new Date(Date.parse(now()) - withinMs).toISOString();
      let query = db
        .selectFrom('audit_log')
        .selectAll()
        .where('user_id', '=', userId)
        .where('clinic_id', '=', clinicId)
        .where('at', '>=', since);
      if (entity) query = query.where('entity', '=', entity);
      if (reasons) query = query.where('reason', 'in', reasons.length ? reasons : ['']);
      const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((row) => toRecord(row));
    },

    async refusalsByUser({ clinicId, from, to, limit }) {
      // Read through the index of refused entries (0024): the clinic's other entries are never looked at.
      let refused = db
        .selectFrom('audit_log')
        .where('clinic_id', '=', clinicId)
        .where('reason', 'is not', null)
        .where('user_id', 'is not', null);
      if (from) refused = refused.where('at', '>=', from);
      if (to) refused = refused.where('at', '<', to);
      const counts = await refused
        .select([
          'user_id',
          'reason',
          (eb) => eb.fn.countAll<string | number>().as('n'),
          (eb) => eb.fn.max('at').as('last_at'),
          (eb) => eb.fn.max('role').as('role'),
        ])
        .groupBy(['user_id', 'reason'])
        .execute();
      const users = new Map<string, RefusalsOfUser>();
      for (const row of counts) {
        if (row.user_id === null || row.reason === null) continue;
        const user = users.get(row.user_id) ?? {
          userId: row.user_id,
          role: row.role,
          count: 0,
          lastAt: row.last_at,
          reasons: {},
        };
        user.count += Number(row.n);
        user.reasons[row.reason] = Number(row.n);
        if (row.last_at > user.lastAt) user.lastAt = row.last_at;
        users.set(row.user_id, user);
      }
      return [...users.values()]
        .sort((a, b) => b.lastAt.localeCompare(a.lastAt) || a.userId.localeCompare(b.userId))
        .slice(0, limit);
    },
  };
}
