import { z } from 'zod';
import type { App } from '../../app-types.js';
import { staff, clinicians, signedIn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { recordMaintenanceRecall } from '../../../services/scheduling/record-recall.js';
import { idParams, isoDate, pageQuery } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { assertDateInWindow, assertInOrder, describeWindow, type DateWindow } from '../../validation/date-window.js';
import { courseView, patientView } from '../../views.js';
import { readOf } from '../../../services/audit-reads.js';
import { auditedPatientRecords } from '../patients/patient-records.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const recallView = z.object({
  id: z.string(),
  courseId: z.string(),
  patientId: z.string(),
  lastSessionDate: z.string().describe("Local date of the course's last session"),
  dueFrom: z.string().describe('First local date to recall the patient'),
  dueTo: z.string().describe('Last local date (included)'),
  message: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const dueQuery = z.object({ from: isoDate.optional(), to: isoDate.optional(), ...pageQuery });

/**
 * How far from today the call-back list looks: recalls fall due within a year or so of a course, so
 * five years either way holds every useful list, and a date beyond is a typo.
 */
const dueWindow: DateWindow = { yearsBack: 5, yearsAhead: 5 };

/** Maintenance recalls: stored after a course, listed per patient and as the clinic's call-back list. */
export async function recallRoutes(app: App): Promise<void> {
  const spec = routeSpec(['scheduling']);

  app.post(
    '/api/courses/:id/maintenance-recall',
    spec(
      clinicians,
      "After the course's last session: store when to recall the patient for maintenance (the protocol's spacing) and complete the course",
      {
        params: idParams,
        response: {
          ...answersWith(201, z.object({ recall: recallView, course: courseView }), 404),
          409: patientWriteConflict,
        },
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const result = await app.repos.transaction(async (tx) => {
        const stored = await recordMaintenanceRecall(tx, { user, courseId: request.params.id });
        await request.audit(
          [
            {
              action: 'create',
              entity: 'maintenance_recall',
              entityId: stored.recall.id,
              patientId: stored.course.patientId,
            },
            { action: 'update', entity: 'course', entityId: stored.course.id, patientId: stored.course.patientId },
          ],
          tx,
        );
        return stored;
      });
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/patients/:id/maintenance-recalls',
    spec(signedIn, "A patient's maintenance recalls, soonest first", {
      params: idParams,
      response: answers(z.object({ recalls: z.array(recallView) }), 404),
    }),
    async (request) => ({
      recalls: await auditedPatientRecords(app.repos, request, request.params.id, 'maintenance_recall', (patientId) =>
        app.repos.courses.listMaintenanceRecalls(patientId),
      ),
    }),
  );

  app.get(
    '/api/maintenance-recalls',
    spec(
      staff,
      "The clinic's call-back list: recalls whose window overlaps from..to (local dates), with contact details",
      {
        description: `\`from\` and \`to\` must lie ${describeWindow(dueWindow)} (by the server's date), \`to\` not before \`from\`.`,
        querystring: dueQuery,
        response: answers(
          z.object({
            entries: z.array(
              z.object({
                recall: recallView,
                patient: patientView.pick({ id: true, firstName: true, lastName: true, phone: true, email: true }),
              }),
            ),
          }),
          400,
        ),
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const { from, to } = request.query;
      for (const [field, date] of Object.entries({ from, to }))
        if (date !== undefined) assertDateInWindow(field, date, dueWindow, app.now());
      assertInOrder(from, to);
      const entries = await app.repos.courses.dueMaintenanceRecalls({ clinicId: user.clinicId, ...request.query });
      await request.audit(entries.map((e) => readOf('maintenance_recall', e.recall, e.patient.id)));
      return { entries };
    },
  );
}
