import type { Selectable } from 'kysely';
import type { OutcomesTable, TreatmentSessionsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { definedFields } from './defined-fields.js';
import type { OutcomeRepository } from './outcome-repository.js';
import type { OutcomeRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import { numberOrNull, rowMapper } from './row-mapper.js';

const toOutcome = rowMapper<Selectable<OutcomesTable>, OutcomeRecord>()(
  'id, session_id, patient_rating, practitioner_rating, notes, patient_rating_by, created_at, updated_at',
  { patientRating: numberOrNull, practitionerRating: numberOrNull },
);

/** An outcome as listed for a patient: with its session's course and time. */
function toListed(
  row: Selectable<OutcomesTable> & Pick<Selectable<TreatmentSessionsTable>, 'course_id' | 'scheduled_at'>,
) {
  return { ...toOutcome(row), courseId: row.course_id, scheduledAt: row.scheduled_at };
}

export function kyselyOutcomeRepository({ db, now }: RepositoryContext): OutcomeRepository {
  const outcomes = tableRows(db, 'outcomes', toOutcome);
  const find = (sessionId: string) => outcomes.findBy('session_id', sessionId);
  /** Outcomes with their sessions, in session order. */
  const listed = () =>
    db
      .selectFrom('outcomes as o')
      .innerJoin('treatment_sessions as s', 's.id', 'o.session_id')
      .innerJoin('courses as c', 'c.id', 's.course_id')
      .selectAll('o')
      .select(['s.course_id', 's.scheduled_at'])
      .orderBy('s.scheduled_at')
      .orderBy('s.id');
  return {
    async save(sessionId, input, by = 'staff') {
      const at = now();
      const rating = input.patientRating;
      const fields = definedFields({
        patient_rating: rating,
        patient_rating_by: rating === undefined ? undefined : rating === null ? null : by,
        practitioner_rating: input.practitionerRating,
        notes: input.notes,
      });
      // Staff sending a patient rating: the update applies only over one the patient did not give.
      const guarded = by === 'staff' && rating !== undefined;
      // An upsert both engines spell the same way (ON CONFLICT ... DO UPDATE ... WHERE).
      await db
        .insertInto('outcomes')
        .values({
          id: newId(),
          session_id: sessionId,
          patient_rating: null,
          practitioner_rating: null,
          notes: null,
          ...fields,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => {
          const update = oc.column('session_id').doUpdateSet({ ...fields, updated_at: at });
          return guarded
            ? update.where((eb) =>
                eb.or([
                  eb('outcomes.patient_rating_by', 'is', null),
                  eb('outcomes.patient_rating_by', '!=', 'patient'),
                ]),
              )
            : update;
        })
        .execute();
      const saved = await find(sessionId);
      if (!saved) throw new Error(`outcome for session ${sessionId} vanished after saving`);
      return saved;
    },
    findBySession: find,
    async listByPatient(patientId, courseId) {
      let query = listed().where('c.patient_id', '=', patientId);
      if (courseId !== undefined) query = query.where('s.course_id', '=', courseId);
      return (await query.execute()).map(toListed);
    },
    async listByPatients(patientIds) {
      if (patientIds.length === 0) return [];
      return (await listed().where('c.patient_id', 'in', patientIds).execute()).map(toListed);
    },
  };
}
