import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { App } from '../../app-types.js';
import { forbidden, notFound } from '../../http-errors.js';
import { allow, publicAccess } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse } from '../../validation/fields.js';
import type { UserRecord } from '../../../core/records/index.js';
import type { CalendarFeedRecord } from '../../../storage/repositories/calendar-feed-repository.js';
import type { AuditEvent } from '../../plugins/audit.js';
import { defaultFeedWindow, patientCalendar, practitionerCalendar, sendCalendar } from './calendar-routes.js';

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

/** The audit entity of a subscription address; a patient's names the patient, whose sessions it shows. */
const feedEntity = 'calendar_feed';
const feedEvent = (action: 'create' | 'delete', feed: CalendarFeedRecord, owner: UserRecord): AuditEvent => ({
  action,
  entity: feedEntity,
  entityId: feed.id,
  patientId: owner.role === 'patient' ? owner.patientId : null,
});

/**
 * Calendar subscriptions. Calendar apps poll an address and cannot sign in, so a signed-in user
 * (a clinician for their appointments, a patient for their sessions) gets a secret address instead.
 * It shows only that calendar, read-only, ends when a new one is made, when it is revoked, or when
 * the account is disabled. Making and ending one is audited; so is each fetch, as read through that
 * feed (`via`), from the fetching address, for the owner: not as the owner's own reading.
 */
export async function calendarFeedRoutes(app: App): Promise<void> {
  const tags = ['calendars'];
  const owners = allow('admin', 'practitioner', 'patient');

  app.get(
    '/api/calendar-feed',
    {
      config: owners,
      schema: { summary: 'Whether you have a calendar subscription address', tags, response: { 200: feedStatus } },
    },
    async (request) => {
      const feed = await app.repos.calendarFeeds.findByUser(requireAuth(request).user.id);
      return { active: Boolean(feed), createdAt: feed?.createdAt ?? null };
    },
  );

  app.post(
    '/api/calendar-feed',
    {
      config: owners,
      schema: {
        summary: 'Make a calendar subscription address for your appointments (replacing any earlier one)',
        description: 'Clinicians get their appointments, patients their sessions. The address is shown once.',
        tags,
        response: { 201: newFeed, 403: errorResponse },
      },
    },
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
    {
      config: owners,
      schema: { summary: 'End your calendar subscription address', tags, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      await app.repos.transaction(async (tx) => {
        const ended = await tx.calendarFeeds.findByUser(user.id);
        if (!ended) return;
        await tx.calendarFeeds.remove(user.id);
        await request.audit(feedEvent('delete', ended, user), tx);
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/calendar-feeds/:token.ics',
    {
      config: publicAccess,
      schema: {
        summary:
          'A calendar subscription: the appointments of the address’s owner (no sign-in; the address is the secret)',
        tags,
        params: tokenParams,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('An iCalendar (RFC 5545) document'), 404: errorResponse },
      },
    },
    async (request, reply) => {
      const found = await app.repos.calendarFeeds.findActive(hashToken(request.params.token));
      if (!found) throw notFound('calendar feed');
      const { user, feed } = found;
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
