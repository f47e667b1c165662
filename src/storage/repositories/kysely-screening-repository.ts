import { sql } from 'kysely';
import type { Reason } from '../../core/assessment/assessment-result.js';
import { fromNullableJsonText, toJsonText } from '../json-text.js';
import type { RepositoryContext } from './repository-context.js';
import type { ScreeningFlag, ScreeningRepository } from './screening-repository.js';

/**
 * A session's calendar date depends on a zone; sessions booked without a location take the clinic's
 * first location's. Needs the aliases `l` (the session's location, left-joined) and `p` (its patient).
 */
const timeZone = sql<string>`coalesce(l.time_zone, (select z.time_zone from locations z where z.clinic_id = p.clinic_id order by z.created_at, z.id limit 1), 'UTC')`;

function toFlag(verdict: string | null, reasons: string | null): ScreeningFlag | null {
  return verdict === null ? null : { verdict, reasons: fromNullableJsonText<Reason[]>(reasons) ?? [] };
}

export function kyselyScreeningRepository({ db, now }: RepositoryContext): ScreeningRepository {
  const sessions = () =>
    db
      .selectFrom('treatment_sessions as s')
      .innerJoin('courses as c', 'c.id', 's.course_id')
      .innerJoin('patients as p', 'p.id', 'c.patient_id')
      .leftJoin('locations as l', 'l.id', 's.location_id');

  return {
    async upcomingSessions(patientId, after) {
      const rows = await sessions()
        .select(['s.id', 'c.patient_id', 'p.clinic_id', 's.scheduled_at', 'c.indication', 'c.area', 's.flag_verdict', 's.flag_reasons', 's.screened_kb_version'])
        .select(timeZone.as('time_zone'))
        .where('c.patient_id', '=', patientId)
        .where('s.status', '=', 'planned')
        .where('s.scheduled_at', '>', after)
        .orderBy('s.scheduled_at')
        .orderBy('s.id')
        .execute();
      return rows.map((r) => ({
        sessionId: r.id,
        patientId: r.patient_id,
        clinicId: r.clinic_id,
        scheduledAt: r.scheduled_at,
        timeZone: r.time_zone,
        indication: r.indication,
        area: r.area,
        flag: toFlag(r.flag_verdict, r.flag_reasons),
        screenedWith: r.screened_kb_version,
      }));
    },

    async patientsToRescreen({ knowledgeBaseVersion, after, clinicId, afterPatientId, limit }) {
      let query = sessions()
        .select('c.patient_id')
        .distinct()
        .where('s.status', '=', 'planned')
        .where('s.scheduled_at', '>', after)
        .where((eb) => eb.or([eb('s.screened_kb_version', 'is', null), eb('s.screened_kb_version', '<>', knowledgeBaseVersion)]));
      if (clinicId) query = query.where('p.clinic_id', '=', clinicId);
      if (afterPatientId) query = query.where('c.patient_id', '>', afterPatientId);
      const rows = await query.orderBy('c.patient_id').limit(limit).execute();
      return rows.map((r) => r.patient_id);
    },

    async recordScreening(sessionId, { knowledgeBaseVersion, flag }) {
      const at = now();
      const flagColumns =
        flag === undefined
          ? {}
          : flag === null
            ? { flag_verdict: null, flag_reasons: null, flagged_at: null, updated_at: at }
            : { flag_verdict: flag.verdict, flag_reasons: toJsonText(flag.reasons), flagged_at: at, updated_at: at };
      await db
        .updateTable('treatment_sessions')
        .set({ screened_kb_version: knowledgeBaseVersion, ...flagColumns })
        .where('id', '=', sessionId)
        .execute();
    },

    async listFlagged({ clinicId, after, limit, offset }) {
      const rows = await sessions()
        .select(['s.id', 's.course_id', 's.scheduled_at', 's.status', 's.practitioner_id', 's.location_id', 's.flag_verdict', 's.flag_reasons', 's.flagged_at'])
        .select(['p.id as patient_id', 'p.first_name', 'p.last_name'])
        .select(timeZone.as('time_zone'))
        .where('p.clinic_id', '=', clinicId)
        .where('s.flag_verdict', 'is not', null)
        .where('s.status', '=', 'planned')
        .where('s.scheduled_at', '>', after)
        .orderBy('s.scheduled_at')
        .orderBy('s.id')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.flatMap((r) => {
        const flag = toFlag(r.flag_verdict, r.flag_reasons);
        if (!flag) return [];
        return [
          {
            ...flag,
            sessionId: r.id,
            courseId: r.course_id,
            scheduledAt: r.scheduled_at,
            timeZone: r.time_zone,
            status: r.status,
            practitionerId: r.practitioner_id,
            locationId: r.location_id,
            flaggedAt: r.flagged_at,
            patient: { id: r.patient_id, firstName: r.first_name, lastName: r.last_name },
          },
        ];
      });
    },
  };
}
