import { Readable } from 'node:stream';
import { z } from 'zod';
import { auditActions, denialReasons } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { id, isoTimestamp, pageQuery, text } from '../../validation/fields.js';
import { assertTimestampFilter, describeWindow, recordSearchWindow } from '../../validation/date-window.js';
import { auditView } from '../../views.js';
import { denialAlertEntity } from '../../../services/messaging/denial-alerts.js';
import {
  assertExportable,
  auditExportLines,
  maxExportEntries,
  withMergedPatients,
} from '../../../services/audit-log/audit-export.js';
import { auditNames } from '../../../services/audit-log/audit-names.js';
import { fileResponse, fileStamp, sendFile } from '../documents/file-response.js';
import { answers, routeSpec } from '../route-spec.js';
import { queryFlag } from '../../validation/query-flag.js';

const auditQuery = z.object({
  patientId: id
    .optional()
    .describe(
      "The patient's entries, with those of every record merged into theirs (while the merge stands; each says so in `mergedFrom`)",
    ),
  userId: id.optional(),
  entity: text(100).optional(),
  action: z.enum(auditActions, { error: `must be one of: ${auditActions.join(', ')}` }).optional(),
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  refused: queryFlag('true: only refused requests (denied access, failed sign-ins)'),
  ...pageQuery,
});

const { limit: _limit, offset: _offset, ...filters } = auditQuery.shape;
const exportQuery = z.object(filters);

const namesView = z
  .object({
    users: z.record(z.string(), z.string()).describe("Display names of the entries' users, by id"),
    patients: z
      .record(z.string(), z.string())
      .describe('Names of the patients the entries name, by id (a patient no longer on record is absent)'),
  })
  .describe('Names to show instead of ids');

const deniedQuery = z.object({ from: isoTimestamp.optional(), to: isoTimestamp.optional() });

const deniedUser = z.object({
  userId: z.string(),
  displayName: z.string().nullable().describe('Null when the account no longer exists'),
  email: z.string().nullable(),
  role: z.string().nullable().describe('The role at the latest refusal'),
  count: z.number().int(),
  lastAt: z.string().describe('ISO 8601 timestamp of the latest refusal'),
  reasons: z
    .array(z.object({ reason: z.string(), count: z.number().int() }))
    .describe(`Refusals by reason: ${denialReasons.join(', ')}, or a failed sign-in's`),
  alertedAt: z.string().nullable().describe('When a burst of their refusals last alerted the admins'),
});

const timeFilter = `\`from\` and \`to\` must lie ${describeWindow(recordSearchWindow)} (by the server's date), \`to\` not before \`from\`.`;

/** Users shown at most in the view of denied attempts: those refused most recently. */
const maxDeniedUsers = 100;

export async function auditRoutes(app: App): Promise<void> {
  const spec = routeSpec(['audit']);
  app.get(
    '/api/audit',
    spec(allow('admin'), "The clinic's audit log, newest first: who read or changed which record, and when", {
      description: `Reading it is itself audited (entity \`audit_log\`, naming the patient filtered by, if any). ${timeFilter}`,
      querystring: auditQuery,
      response: answers(z.object({ entries: z.array(auditView), names: namesView }), 400),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      assertTimestampFilter(request.query, recordSearchWindow, app.now());
      const entries = await app.repos.audit.list({ clinicId: user.clinicId, ...request.query });
      const names = await auditNames(app.repos, user.clinicId, entries);
      // Names the patient whose trail was read as the record, not as whose data it is: the read then
      // stays out of that patient's own trail, which it would otherwise grow at every look.
      await request.audit({
        action: 'read',
        entity: 'audit_log',
        entityId: request.query.patientId ?? null,
        patientId: null,
      });
      return {
        entries,
        names: { users: Object.fromEntries(names.users), patients: Object.fromEntries(names.patients) },
      };
    },
  );

  app.get(
    '/api/audit/export.csv',
    {
      ...spec(
        allow('admin'),
        'The audit log as CSV, filtered as the list is, newest first, with user and patient names beside their ids',
        {
          description:
            `At most ${maxExportEntries} entries: more answer 400 (naming \`from\`) before anything is sent, so narrow the period ` +
            `or the filters. Streamed as it is read. Exporting is audited (entity \`audit_log\`). ${timeFilter}`,
          querystring: exportQuery,
          response: answers(fileResponse('text/csv', 'The entries'), 400),
        },
      ),
      // No HEAD twin: it would count (and audit) the entries to send nothing.
      exposeHeadRoute: false,
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      assertTimestampFilter(request.query, recordSearchWindow, app.now());
      const query = await withMergedPatients(app.repos, { clinicId: user.clinicId, ...request.query });
      await assertExportable(app.repos, query);
      await request.audit({
        action: 'read',
        entity: 'audit_log',
        entityId: request.query.patientId ?? null,
        patientId: null,
      });
      return sendFile(reply, { contentType: 'text/csv; charset=utf-8', name: `audit-log-${fileStamp()}.csv` }).send(
        Readable.from(auditExportLines(app.repos, query), { objectMode: false }),
      );
    },
  );

  app.get(
    '/api/audit/denied',
    spec(
      allow('admin'),
      'Refused requests per user, latest first: how many, why, when last, and whether they raised an alert',
      {
        description:
          'Signed-in users of the clinic whose requests were refused (denied access, failed sign-ins), at most 100. ' +
          'A burst of denied access (`threshold` refusals within `windowMinutes`) alerts every admin once per burst. ' +
          `Reading it is audited (entity \`audit_log\`). ${timeFilter}`,
        querystring: deniedQuery,
        response: answers(
          z.object({
            threshold: z.number().int(),
            windowMinutes: z.number(),
            users: z.array(deniedUser),
          }),
          400,
        ),
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      assertTimestampFilter(request.query, recordSearchWindow, app.now());
      const clinicId = user.clinicId;
      const refusals = await app.repos.audit.refusalsByUser({ clinicId, ...request.query, limit: maxDeniedUsers });
      const users = await Promise.all(
        refusals.map(async (r) => {
          const [account, alerts] = await Promise.all([
            app.repos.users.findById(r.userId),
            app.repos.audit.list({ clinicId, userId: r.userId, entity: denialAlertEntity, limit: 1, offset: 0 }),
          ]);
          return {
            userId: r.userId,
            displayName: account?.displayName ?? null,
            email: account?.email ?? null,
            role: r.role,
            count: r.count,
            lastAt: r.lastAt,
            reasons: Object.entries(r.reasons)
              .map(([reason, count]) => ({ reason, count }))
              .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
            alertedAt: alerts[0]?.at ?? null,
          };
        }),
      );
      await request.audit({ action: 'read', entity: 'audit_log', entityId: null, patientId: null });
      const { threshold, windowMinutes } = app.appConfig.denialAlerts;
      return { threshold, windowMinutes, users };
    },
  );
}
