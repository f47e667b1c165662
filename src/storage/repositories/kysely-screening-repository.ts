import { sql } from 'kysely';
import type { Reason } from '../../core/assessment/assessment-result.js';
import { engineOf } from '../create-database.js';
import { fromNullableJsonText, toJsonText } from '../json-text.js';
import { oneOfIds } from './id-list.js';
import type { RepositoryContext } from './repository-context.js';
import type { ScreeningFlag, ScreeningRepository, ScreeningTarget } from './screening-repository.js';
import { rowMapper } from './row-mapper.js';

/**
 * A session's calendar date depends on a zone; sessions booked without a location take the clinic's
 * first location's. Needs the aliases `l` (the session's location, left-joined) and `p` (its patient).
 */
const timeZone = sql<string>`coalesce(l.time_zone, (select z.time_zone from locations z where z.clinic_id = p.clinic_id order by z.created_at, z.id limit 1), 'UTC')`;

function toFlag(verdict: string | null, reasons: string | null): ScreeningFlag | null {
  return verdict === null ? null : { verdict, reasons: fromNullableJsonText<Reason[]>(reasons) ?? [] };
}

/** A session row as the screening queries select it. */
interface TargetRow {
  id: string;
  patient_id: string;
  clinic_id: string;
  scheduled_at: string;
  time_zone: string;
  indication: string;
  area: string;
  flag_verdict: string | null;
  flag_reasons: string | null;
  screened_kb_version: string | null;
}

const toTarget = rowMapper<TargetRow, ScreeningTarget>()(
  'id as sessionId, patient_id, clinic_id, scheduled_at, time_zone, indication, area, flag_verdict as flag, screened_kb_version as screenedWith',
  { flag: (verdict, row) => toFlag(verdict, row.flag_reasons) },
);

export function kyselyScreeningRepository({ db, now }: RepositoryContext): ScreeningRepository {
  const engine = engineOf(db);
  const sessions = () =>
    db
      .selectFrom('treatment_sessions as s')
      .innerJoin('courses as c', 'c.id', 's.course_id')
      .innerJoin('patients as p', 'p.id', 'c.patient_id')
      .leftJoin('locations as l', 'l.id', 's.location_id');

  const targets = () =>
    sessions()
      .select([
        's.id',
        'c.patient_id',
        'p.clinic_id',
        's.scheduled_at',
        'c.indication',
        'c.area',
        's.flag_verdict',
        's.flag_reasons',
        's.screened_kb_version',
      ])
      .select(timeZone.as('time_zone'))
      .where('s.status', '=', 'planned');

  return {
    async upcomingSessions(patientId, after) {
      const rows = await targets()
        .where('c.patient_id', '=', patientId)
        .where('s.scheduled_at', '>', after)
        .orderBy('s.scheduled_at')
        .orderBy('s.id')
        .execute();
      return rows.map(toTarget);
    },

    async upcomingSessionsOf(patientIds, after) {
      if (patientIds.length === 0) return [];
      const rows = await targets()
        .where(oneOfIds(engine, 'c.patient_id', patientIds))
        .where('s.scheduled_at', '>', after)
        .orderBy('s.scheduled_at')
        .orderBy('s.id')
        .execute();
      return rows.map(toTarget);
    },

    async outdatedSessions({ knowledgeBaseVersion, after, clinicId, afterSession, limit }) {
      // A page is the next `limit` sessions of the schedule index, whatever their state, and only then
      // filtered. Filtering inside would leave the planner to guess how many rows it must read to fill
      // the page: it guesses far too few (nearly every future session is planned, a link it does not
      // know), and past a few hundred it switches to reading every upcoming session and sorting them.
      let scan = db
        .selectFrom('treatment_sessions as t')
        .select(['t.id', 't.scheduled_at', 't.course_id', 't.status', 't.screened_kb_version']);
      // One lower bound on the time, so the scan walks the index from the last session seen (every
      // session after one scheduled after `after` is after `after` too).
      scan =
        afterSession && afterSession.scheduledAt > after
          ? scan
              .where('t.scheduled_at', '>=', afterSession.scheduledAt)
              .where((eb) =>
                eb.or([eb('t.scheduled_at', '>', afterSession.scheduledAt), eb('t.id', '>', afterSession.sessionId)]),
              )
          : scan.where('t.scheduled_at', '>', after);
      const rows = await db
        .selectFrom(scan.orderBy('t.scheduled_at').orderBy('t.id').limit(limit).as('s'))
        // Only outdated planned sessions find their course (and so their patient).
        .leftJoin('courses as c', (join) =>
          join
            .onRef('c.id', '=', 's.course_id')
            .on('s.status', '=', 'planned')
            .on((eb) =>
              eb.or([eb('s.screened_kb_version', 'is', null), eb('s.screened_kb_version', '<>', knowledgeBaseVersion)]),
            ),
        )
        .select(['s.id', 's.scheduled_at', 'c.patient_id'])
        .$if(clinicId !== undefined, (q) => q.leftJoin('patients as p', 'p.id', 'c.patient_id').select('p.clinic_id'))
        .orderBy('s.scheduled_at')
        .orderBy('s.id')
        .execute();
      const sessions = rows.flatMap((r) =>
        r.patient_id !== null && (!clinicId || r.clinic_id === clinicId)
          ? [{ sessionId: r.id, scheduledAt: r.scheduled_at, patientId: r.patient_id }]
          : [],
      );
      const last = rows[rows.length - 1];
      return {
        sessions,
        ...(last && rows.length === limit ? { next: { scheduledAt: last.scheduled_at, sessionId: last.id } } : {}),
      };
    },

    async markScreened(sessionIds, knowledgeBaseVersion) {
      if (sessionIds.length === 0) return;
      await db
        .updateTable('treatment_sessions')
        .set({ screened_kb_version: knowledgeBaseVersion })
        .where(oneOfIds(engine, 'id', sessionIds))
        .execute();
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
        .select([
          's.id',
          's.course_id',
          's.scheduled_at',
          's.status',
          's.practitioner_id',
          's.location_id',
          's.flag_verdict',
          's.flag_reasons',
          's.flagged_at',
        ])
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
