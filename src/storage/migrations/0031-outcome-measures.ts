import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { idColumn, index, indexColumns, oneOf, timestampColumns, type MigrationDb } from './schema-helpers.js';

// Listed here, not imported: a migration describes the schema as it was made, whatever the code becomes.
/** Each measure's range, and whether it takes whole numbers only (every scale but a tape measure). */
const measures: Record<string, { min: number; max: number; whole: boolean }> = {
  gais: { min: 1, max: 5, whole: true },
  hair_grade_male: { min: 1, max: 7, whole: true },
  hair_grade_female: { min: 1, max: 3, whole: true },
  cellulite_stage: { min: 0, max: 3, whole: true },
  circumference: { min: 10, max: 300, whole: false },
  hdss: { min: 1, max: 4, whole: true },
  pain_nrs: { min: 0, max: 10, whole: true },
};
/** Measures only the practitioner rates, and those only the patient does (GAIS takes both). */
const practitionerOnly = ['hair_grade_male', 'hair_grade_female', 'cellulite_stage', 'circumference'];
const patientOnly = ['hdss', 'pain_nrs'];
/** Measures whose every value already compares with before treatment: never a baseline. */
const withoutBaseline = ['gais'];
/** Measures taken at a named site. */
const atSite = ['circumference'];

const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

const valueOnScale = sql.join(
  Object.entries(measures).map(
    ([code, { min, max, whole }]) =>
      sql`(measure_code = ${sql.lit(code)} and value between ${sql.lit(min)} and ${sql.lit(max)}${
        whole ? sql` and value = round(value)` : sql``
      })`,
  ),
  sql` or `,
);

/**
 * Standard outcome measures (issue 21): per course, values on a standard scale (GAIS, a hair-loss
 * grade, a cellulite stage, a circumference...) rated by the practitioner or the patient, at baseline
 * (no session) or after a session. `slot` is the session's id, or 'baseline': with the measure, the
 * rater and the site it keys one value, which both engines can hold unique (a null session would not
 * be, as NULLs never clash). The CHECKs repeat the core's rules so that no write, whatever its way
 * in, stores a value off its scale.
 */
export const outcomeMeasuresMigration: Migration = {
  async up(db: MigrationDb) {
    await timestampColumns(
      idColumn(db.schema.createTable('outcome_measures'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
        .addColumn('session_id', 'text', (c) => c.references('treatment_sessions.id'))
        .addColumn('slot', 'text', (c) => c.notNull())
        .addColumn('measure_code', 'text', oneOf('measure_code', Object.keys(measures)))
        .addColumn('rater', 'text', oneOf('rater', ['practitioner', 'patient']))
        .addColumn('site', 'text')
        .addColumn('value', 'double precision', (c) => c.notNull())
        // Who entered it: the patient themselves, or staff passing on a patient's answer or rating their own.
        .addColumn('entered_by', 'text', oneOf('entered_by', ['patient', 'staff']))
        .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addCheckConstraint('outcome_measures_slot', sql`slot = coalesce(session_id, 'baseline')`)
        .addCheckConstraint('outcome_measures_value', valueOnScale)
        .addCheckConstraint(
          'outcome_measures_rater',
          sql`(rater = 'practitioner' and measure_code not in (${list(patientOnly)})) or (rater = 'patient' and measure_code not in (${list(practitionerOnly)}))`,
        )
        .addCheckConstraint(
          'outcome_measures_baseline',
          sql`session_id is not null or measure_code not in (${list(withoutBaseline)})`,
        )
        .addCheckConstraint('outcome_measures_site', sql`(site is not null) = (measure_code in (${list(atSite)}))`)
        .addCheckConstraint('outcome_measures_patient_entry', sql`entered_by = 'staff' or rater = 'patient'`),
    ).execute();
    await sql`create unique index outcome_measures_slot_key on outcome_measures (course_id, slot, measure_code, rater, coalesce(site, ''))`.execute(
      db,
    );
    await indexColumns(db, 'outcome_measures', ['patient_id', 'session_id', 'recorded_by']);
    // The clinic's results are read by when values were recorded.
    await index(db, 'outcome_measures_recorded_at_idx', 'outcome_measures', ['recorded_at']).execute();
  },

  async down(db: MigrationDb) {
    await db.schema.dropTable('outcome_measures').execute();
  },
};
