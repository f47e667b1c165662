import { z } from 'zod';
import { auditActions, denialReasons } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, id, isoTimestamp, pageQuery, text } from '../../validation/fields.js';
import { assertTimestampFilter, describeWindow, recordSearchWindow } from '../../validation/date-window.js';
import { auditView } from '../../views.js';
import { denialAlertEntity } from '../../../services/messaging/denial-alerts.js';

const auditQuery = z.object({
  patientId: id.optional(),
  userId: id.optional(),
  entity: text(100).optional(),
  action: z.enum(auditActions, { error: `must be one of: ${auditActions.join(', ')}` }).optional(),
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  refused: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: only refused requests (denied access, failed sign-ins)'),
  ...pageQuery,
});

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
  app.get(
    '/api/audit',
    {
      config: allow('admin'),
      schema: {
        summary: "The clinic's audit log, newest first: who read or changed which record, and when",
        description: `Reading it is itself audited (entity \`audit_log\`, naming the patient filtered by, if any). ${timeFilter}`,
        tags: ['audit'],
        querystring: auditQuery,
        response: { 200: z.object({ entries: z.array(auditView) }), 400: errorResponse },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      assertTimestampFilter(request.query, recordSearchWindow, app.now());
      const entries = await app.repos.audit.list({ clinicId: user.clinicId, ...request.query });
      // Names the patient whose trail was read as the record, not as whose data it is: the read then
      // stays out of that patient's own trail, which it would otherwise grow at every look.
      await request.audit({
        action: 'read',
        entity: 'audit_log',
        entityId: request.query.patientId ?? null,
        patientId: null,
      });
      return { entries };
    },
  );

  app.get(
    '/api/audit/denied',
    {
      config: allow('admin'),
      schema: {
        summary: 'Refused requests per user, latest first: how many, why, when last, and whether they raised an alert',
        description:
          'Signed-in users of the clinic whose requests were refused (denied access, failed sign-ins), at most 100. ' +
          'A burst of denied access (`threshold` refusals within `windowMinutes`) alerts every admin once per burst. ' +
          `Reading it is audited (entity \`audit_log\`). ${timeFilter}`,
        tags: ['audit'],
        querystring: deniedQuery,
        response: {
          400: errorResponse,
          200: z.object({
            threshold: z.number().int(),
            windowMinutes: z.number(),
            users: z.array(deniedUser),
          }),
        },
      },
    },
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
