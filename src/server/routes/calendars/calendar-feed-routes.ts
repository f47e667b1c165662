import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { App } from '../../app-types.js';
import { forbidden, notFound } from '../../http-errors.js';
import { allow, publicAccess } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import {
  calendarFeedEntity as feedEntity,
  calendarFeedEvent as feedEvent,
  endCalendarFeed,
} from '../../../services/accounts/calendar-feeds.js';
import { defaultFeedWindow, patientCalendar, practitionerCalendar, sendCalendar } from './calendar-routes.js';
import { found } from '../../../services/found.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const feedPath = (token: string) => `/api/calendar-feeds/${token}.ics`;

const feedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
const newFeed = z.object({
  url: z
    .string()
    .describe('Path of the subscription address (add the server origin). Shown once: only its hash is kept.'),
  createdAt: z.string(),
});
// 32 random bytes, base64url: what this server hands out, so anything else is simply unknown.
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a calendar feed token') });

/**
 * Calendar subscriptions. Calendar apps poll an address and cannot sign in, so a signed-in user
 * (a clinician for their appointments, a patient for their sessions) gets a secret address instead.
 * It shows only that calendar, read-only, and ends when a new one is made, when it is revoked, and
 * when the account is deactivated or its password is set anew (by an admin or by the user): then it
 * answers 404 like an address that never was, also once the account is active again. Making and
 * ending one is audited; so is each fetch, as read through that
 * feed (`via`), from the fetching address, for the owner: not as the owner's own reading.
 */
export async function calendarFeedRoutes(app: App): Promise<void> {
  const spec = routeSpec(['calendars']);
  const owners = allow('admin', 'practitioner', 'patient');

  app.get(
    '/api/calendar-feed',
    spec(owners, 'Whether you have a calendar subscription address', { response: answers(feedStatus) }),
    async (request) => {
      const feed = await app.repos.calendarFeeds.findByUser(requireAuth(request).user.id);
      return { active: Boolean(feed), createdAt: feed?.createdAt ?? null };
    },
  );

  app.post(
    '/api/calendar-feed',
    spec(owners, 'Make a calendar subscription address for your appointments (replacing any earlier one)', {
      description: 'Clinicians get their appointments, patients their sessions. The address is shown once.',
      response: answersWith(201, newFeed, 403),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      if (user.role === 'patient' && !user.patientId) throw forbidden('this account has no patient record');
      const token = randomBytes(32).toString('base64url');
      const feed = await app.repos.transaction(async (tx) => {
        const ended = await tx.calendarFeeds.findByUser(user.id);
        const made = await tx.calendarFeeds.replace(user.id, hashToken(token));
        await request.audit(
          [...(ended ? [feedEvent('delete', ended, user)] : []), feedEvent('create', made, user)],
          tx,
        );
        return made;
      });
      return reply.code(201).send({ url: feedPath(token), createdAt: feed.createdAt });
    },
  );

  app.delete(
    '/api/calendar-feed',
    spec(owners, 'End your calendar subscription address', { response: answersWith(204, z.null()) }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      await app.repos.transaction(async (tx) => {
        await request.audit(await endCalendarFeed(tx, user), tx);
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/calendar-feeds/:token.ics',
    spec(
      publicAccess,
      'A calendar subscription: the appointments of the address’s owner (no sign-in; the address is the secret)',
      {
        params: tokenParams,
        produces: ['text/calendar'],
        response: answers(z.string().describe('An iCalendar (RFC 5545) document'), 404),
      },
    ),
    async (request, reply) => {
      const { user, feed } = found(
        await app.repos.calendarFeeds.findActive(hashToken(request.params.token)),
        'calendar feed',
      );
      // No one signed in: the reads are the owner's records, fetched through this feed from this address.
      request.auditStandIn = { user, via: `${feedEntity}:${feed.id}` };
      const window = defaultFeedWindow(Date.now());
      const calendar =
        user.role === 'patient'
          ? user.patientId
            ? await patientCalendar(app.repos, user.patientId, window)
            : undefined
          : await practitionerCalendar(app.repos, user, user.id, window);
      if (!calendar) throw notFound('calendar feed');
      await request.audit(calendar.reads);
      return sendCalendar(reply, 'mesodesk.ics', calendar.text);
    },
  );
}
