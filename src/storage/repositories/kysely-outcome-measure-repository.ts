import { sql, type Selectable } from 'kysely';
import type { ListedOutcomeMeasure, OutcomeMeasureRecord } from '../../core/outcomes/outcome-measure-record.js';
import type { MeasureCode } from '../../core/outcomes/outcome-measures.js';
import { engineOf } from '../create-database.js';
import type { OutcomeMeasuresTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { oneOfIds } from './id-list.js';
import type { CourseResultFacts, OutcomeMeasureRepository } from './outcome-measure-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowMapper } from './row-mapper.js';

const toRecord = rowMapper<Selectable<OutcomeMeasuresTable>, OutcomeMeasureRecord>()(
  [
    'id, patient_id, course_id, session_id, measure_code as measure, rater, site, value',
    'entered_by, recorded_by, recorded_at, created_at, updated_at',
  ],
  {
    // The column's CHECK keeps it to the measure codes.
    measure: (code) => code as MeasureCode,
    value: Number,
  },
);

const toListed = (row: Selectable<OutcomeMeasuresTable> & { scheduled_at: string | null }): ListedOutcomeMeasure => ({
  ...toRecord(row),
  sessionAt: row.scheduled_at,
});

export function kyselyOutcomeMeasureRepository({ db, now }: RepositoryContext): OutcomeMeasureRepository {
  const engine = engineOf(db);
  /** Values with their sessions' times: baseline first, then in session order. */
  const listed = () =>
    db
      .selectFrom('outcome_measures as m')
      .leftJoin('treatment_sessions as s', 's.id', 'm.session_id')
      .selectAll('m')
      .select('s.scheduled_at')
      .orderBy(sql`case when m.session_id is null then 0 else 1 end`)
      .orderBy('s.scheduled_at')
      .orderBy('m.measure_code')
      .orderBy('m.rater')
      .orderBy('m.id');

  return {
    async save(input) {
      const at = now();
      const id = newId();
      const slot = input.sessionId ?? 'baseline';
      const changes = {
        value: input.value,
        entered_by: input.enteredBy,
        recorded_by: input.recordedBy,
        recorded_at: at,
        updated_at: at,
      };
      // The conflict target is the unique index's own expression list (site may be null).
      await db
        .insertInto('outcome_measures')
        .values({
          id,
          patient_id: input.patientId,
          course_id: input.courseId,
          session_id: input.sessionId,
          slot,
          measure_code: input.measure,
          rater: input.rater,
          site: input.site,
          ...changes,
          created_at: at,
        })
        .onConflict((oc) => {
          const update = oc
            .expression(sql`course_id, slot, measure_code, rater, (coalesce(site, ''))`)
            .doUpdateSet(changes);
          return input.enteredBy === 'staff' ? update.where('outcome_measures.entered_by', '!=', 'patient') : update;
        })
        .execute();
      const row = await db
        .selectFrom('outcome_measures')
        .selectAll()
        .where('course_id', '=', input.courseId)
        .where('slot', '=', slot)
        .where('measure_code', '=', input.measure)
        .where('rater', '=', input.rater)
        .where(sql<boolean>`coalesce(site, '') = ${input.site ?? ''}`)
        .executeTakeFirst();
      if (!row) throw new Error(`outcome measure ${input.measure} of course ${input.courseId} vanished after saving`);
      return { record: toRecord(row), created: row.id === id };
    },

    async listByCourse(courseId) {
      return (await listed().where('m.course_id', '=', courseId).execute()).map(toListed);
    },

    async listForClinic(clinicId, recordedFrom, recordedTo) {
      const courses = db
        .selectFrom('outcome_measures as w')
        .innerJoin('patients as p', 'p.id', 'w.patient_id')
        .select('w.course_id')
        .where('p.clinic_id', '=', clinicId)
        .where('w.recorded_at', '>=', recordedFrom)
        .where('w.recorded_at', '<', recordedTo);
      const rows = await listed()
        .innerJoin('courses as c', 'c.id', 'm.course_id')
        .select('c.indication')
        .where('m.course_id', 'in', courses)
        .execute();
      return rows.map((row) => ({ ...toListed(row), indication: row.indication }));
    },

    async courseResultFacts(courseIds, at) {
      if (courseIds.length === 0) return [];
      const [sessions, products] = await Promise.all([
        db
          .selectFrom('treatment_sessions')
          .select(['course_id', 'practitioner_id', 'scheduled_at'])
          .where(oneOfIds(engine, 'course_id', courseIds))
          .where('status', 'in', ['planned', 'done'])
          .where('scheduled_at', '<=', at)
          .execute(),
        db
          .selectFrom('injection_points as ip')
          .innerJoin('chart_entries as ce', 'ce.id', 'ip.chart_entry_id')
          .innerJoin('treatment_sessions as s', 's.id', 'ce.session_id')
          .select(['s.course_id', 'ip.product_id'])
          .distinct()
          .where(oneOfIds(engine, 's.course_id', courseIds))
          .where('ip.product_id', 'is not', null)
          .execute(),
      ]);
      const facts = new Map<string, CourseResultFacts>(
        courseIds.map((courseId) => [courseId, { courseId, heldSessions: [], productIds: [] }]),
      );
      for (const s of sessions)
        facts.get(s.course_id)?.heldSessions.push({ practitionerId: s.practitioner_id, scheduledAt: s.scheduled_at });
      for (const p of products) if (p.product_id) facts.get(p.course_id)?.productIds.push(p.product_id);
      for (const fact of facts.values()) fact.productIds.sort();
      return [...facts.values()];
    },
  };
}
