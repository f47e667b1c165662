import { addDays, addMonths } from '../../../core/dates/iso-date.js';
import { localDate } from '../../../core/dates/local-date.js';
import { indicationOutcomes } from '../../../core/outcomes/indication-measures.js';
import { measureCodes, measureDefinitions, photoViewsCitation } from '../../../core/outcomes/outcome-measures.js';
import type { ResultGroup } from '../../../core/outcomes/clinic-results.js';
import { readsOf } from '../../../services/audit-reads.js';
import { clinicTimeZone } from '../../../services/documents/clinic-zone.js';
import { clinicOutcomeResults } from '../../../services/outcomes/clinic-outcome-results.js';
import { loadCourseMeasures } from '../../../services/outcomes/course-measures.js';
import { recordMeasure } from '../../../services/outcomes/record-measure.js';
import type { App } from '../../app-types.js';
import { invalidField } from '../../http-errors.js';
import { clinicalOrOwn, clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import {
  clinicResultsView,
  courseMeasuresView,
  definitionAnswer,
  definitionsView,
  indicationAnswer,
  measureBody,
  measureRecordView,
  resultsQuery,
} from './outcome-measure-schemas.js';
import { answers, routeSpec } from '../route-spec.js';

/**
 * Standard outcome measures (src/core/outcomes): values per course at baseline and after sessions,
 * each course's series, and the clinic's results per indication, practitioner and product.
 */
export async function outcomeMeasureRoutes(app: App): Promise<void> {
  const spec = routeSpec(['outcomes']);

  app.get(
    '/api/outcome-measures',
    spec(
      clinicalOrOwn,
      'The standard outcome measures, and which are recorded for each indication with its photo views',
      {
        description:
          'The scales are outside references, not from the seed articles: each cites its line of outside-references.txt.',
        response: answers(definitionsView),
      },
    ),
    async () => ({
      measures: measureCodes.map((code) => definitionAnswer(measureDefinitions[code])),
      indications: indicationOutcomes.map(indicationAnswer),
      photoViewsCitation,
    }),
  );

  app.post(
    '/api/courses/:id/outcome-measures',
    spec(clinicalOrOwn, "Record a value of one of the course's outcome measures, at baseline or after a session", {
      description:
        'A slot (the baseline, or one session) holds one value per measure, rater and site: 201 when it was empty, 200 ' +
        'when the value replaced one. Practitioners and admins record their ratings and baseline grades, and may pass ' +
        "on a patient's answer; a patient records only their own (`rater: patient`), on their own courses. 400 names " +
        'the field: a measure not recorded for the indication, a value off the scale, a rater that does not match, a ' +
        'baseline for a scale that has none, a missing or stray site. 409 session_not_held for a session that did not ' +
        'take place; 409 patient_rated when staff write over a value the patient gave, and nothing is saved.',
      params: idParams,
      body: measureBody,
      response: { ...answers(measureRecordView, 400, 404), 201: measureRecordView, 409: patientWriteConflict },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const now = new Date();
      const { record, created } = await app.repos.transaction(async (tx) => {
        const { audit, ...saved } = await recordMeasure(tx, user, request.params.id, request.body, now);
        await request.audit(audit, tx);
        return saved;
      });
      return reply.code(created ? 201 : 200).send(record);
    },
  );

  app.get(
    '/api/courses/:id/outcome-measures',
    spec(clinicalOrOwn, "A course's outcome measures: what its indication records, the values, and each series", {
      description: 'Each series runs from the baseline to the latest session, with the change and whether it improved.',
      params: idParams,
      response: answers(courseMeasuresView, 404),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const { course, outcomes, heldSessions, values, series } = await loadCourseMeasures(
        app.repos,
        user,
        request.params.id,
        new Date(),
      );
      await request.audit(readsOf('outcome_measure', values));
      return {
        course: { id: course.id, patientId: course.patientId, indication: course.indication, area: course.area },
        outcomes: indicationAnswer(outcomes),
        definitions: outcomes.measures.map((m) => definitionAnswer(measureDefinitions[m.code])),
        sessions: heldSessions.map(({ id, scheduledAt, status }) => ({ id, scheduledAt, status })),
        values,
        series,
      };
    },
  );

  app.get(
    '/api/outcome-results',
    spec(clinicians, "The clinic's outcome results per indication, practitioner and product, over a window of days", {
      description:
        'A series counts when its latest value was recorded within the window (the clinic’s calendar days). A course ' +
        'counts under the practitioner who held most of its sessions (the latest of them on a tie) and under every ' +
        'product charted in it. Counts only: no patient is named, so reads are not audited.',
      querystring: resultsQuery,
      response: answers(clinicResultsView, 400),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const now = new Date();
      const timeZone = await clinicTimeZone(app.repos, user.clinicId);
      const to = request.query.to ?? localDate(now.toISOString(), timeZone);
      const from = request.query.from ?? addDays(addMonths(to, -12), 1);
      if (from > to) throw invalidField('to', 'must not be before from');
      const results = await clinicOutcomeResults(app.repos, user.clinicId, { from, to, timeZone }, now);
      const named = (groups: ResultGroup[], withNames: boolean) =>
        groups.map((group) => ({
          ...group,
          name: withNames && group.key ? (results.names.get(group.key) ?? null) : null,
        }));
      return {
        from,
        to,
        timeZone,
        byIndication: named(results.byIndication, false),
        byPractitioner: named(results.byPractitioner, true),
        byProduct: named(results.byProduct, true),
      };
    },
  );
}
