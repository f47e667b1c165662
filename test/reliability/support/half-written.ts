import { sql } from 'kysely';
import type { Db } from '../../../src/storage/create-database.js';

/**
 * Rows that one transaction writes together, each missing its partner: an intake without its
 * assessment, a patient without its search words, a record without its audit entry, or an audit
 * entry for a record that is not there. Each query lists the offending ids; all should be empty.
 */
const queries = {
  intakesWithoutAssessment: sql<{
    id: string;
  }>`select i.id from intakes i where not exists (select 1 from assessments a where a.intake_id = i.id)`,
  patientsWithoutNameWords: sql<{
    id: string;
  }>`select p.id from patients p where not exists (select 1 from patient_name_words w where w.patient_id = p.id)`,
  patientsWithoutAudit: sql<{
    id: string;
  }>`select p.id from patients p where not exists (select 1 from audit_log l where l.action = 'create' and l.entity = 'patient' and l.entity_id = p.id)`,
  intakesWithoutAudit: sql<{
    id: string;
  }>`select i.id from intakes i where not exists (select 1 from audit_log l where l.action = 'create' and l.entity = 'intake' and l.entity_id = i.id)`,
  assessmentsWithoutAudit: sql<{
    id: string;
  }>`select a.id from assessments a where a.intake_id is not null and not exists (select 1 from audit_log l where l.action = 'create' and l.entity = 'assessment' and l.entity_id = a.id)`,
  auditedPatientsMissing: sql<{
    id: string;
  }>`select l.entity_id as id from audit_log l where l.action in ('create', 'update') and l.entity = 'patient' and not exists (select 1 from patients p where p.id = l.entity_id)`,
  auditedIntakesMissing: sql<{
    id: string;
  }>`select l.entity_id as id from audit_log l where l.action = 'create' and l.entity = 'intake' and not exists (select 1 from intakes i where i.id = l.entity_id)`,
  auditedAssessmentsMissing: sql<{
    id: string;
  }>`select l.entity_id as id from audit_log l where l.action = 'create' and l.entity = 'assessment' and not exists (select 1 from assessments a where a.id = l.entity_id)`,
};

export type HalfWritten = Record<keyof typeof queries, string[]>;

export async function halfWrittenRecords(db: Db): Promise<HalfWritten> {
  const entries = await Promise.all(
    Object.entries(queries).map(
      async ([name, query]) => [name, (await query.execute(db)).rows.map((r) => r.id)] as const,
    ),
  );
  return Object.fromEntries(entries) as HalfWritten;
}

/** How many patients, intakes and assessments the database holds. */
export async function recordCounts(db: Db): Promise<{ patients: number; intakes: number; assessments: number }> {
  const { rows } = await sql<{
    patients: number | string;
    intakes: number | string;
    assessments: number | string;
  }>`select
    (select count(*) from patients) as patients, (select count(*) from intakes) as intakes, (select count(*) from assessments) as assessments`.execute(
    db,
  );
  const row = rows[0];
  if (!row) throw new Error('no counts');
  return { patients: Number(row.patients), intakes: Number(row.intakes), assessments: Number(row.assessments) };
}
