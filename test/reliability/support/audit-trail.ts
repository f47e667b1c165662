import { sql } from 'kysely';
import type { Db } from '../../../src/storage/create-database.js';
import type { PresentRecords } from './judge-story.js';

/**
 * Every write that is in the database has its audit entry, exactly once: one `create` per patient,
 * intake and assessment, and one `update` per applied phone change.
 */
export async function auditTrailProblems(db: Db, records: readonly PresentRecords[]): Promise<string[]> {
  const { rows } = await sql<{
    action: string;
    entity: string;
    entity_id: string;
    n: number | string;
  }>`select action, entity, entity_id, count(*) as n
    from audit_log where action in ('create', 'update') and entity in ('patient', 'intake', 'assessment') group by action, entity, entity_id`.execute(
    db,
  );
  const counts = new Map(rows.map((r) => [`${r.action} ${r.entity} ${r.entity_id}`, Number(r.n)]));
  const problems: string[] = [];
  const expect = (key: string, wanted: number) => {
    const found = counts.get(key) ?? 0;
    if (found !== wanted) problems.push(`audit "${key}": ${found} entries, expected ${wanted}`);
  };
  for (const record of records) {
    expect(`create patient ${record.patientId}`, 1);
    expect(`update patient ${record.patientId}`, record.patches);
    for (const intake of record.intakes) {
      expect(`create intake ${intake.intakeId}`, 1);
      expect(`create assessment ${intake.assessmentId}`, 1);
    }
  }
  return problems;
}
