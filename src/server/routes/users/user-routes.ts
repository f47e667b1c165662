import { z } from 'zod';
import { endCalendarFeed } from '../../../services/accounts/calendar-feeds.js';
import { requireStrongPassword } from '../../../services/accounts/password-strength.js';
import { roles } from '../../../storage/database-schema.js';
import type { UserRecord } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { conflict, invalidField } from '../../http-errors.js';
import { allow, staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { email, id, idParams, oneOf, password, text } from '../../validation/fields.js';
import { roleEnum, userView } from '../../views.js';
import { ofOwnClinic } from '../../../services/access/clinic-record.js';
import { assertNotMerged } from '../../../services/access/merged-patient.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { found } from '../../../services/found.js';
import { sortedByName } from '../../../core/localization/reader-language.js';
import { readerLanguage } from '../../reader-language.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const role = oneOf(roles);

const newUserBody = z.object({
  email,
  password,
  displayName: text(200),
  role,
  /** Required for (and only for) patient accounts. */
  patientId: id.optional(),
});

const userPatchBody = z
  .object({
    displayName: text(200).optional(),
    role: role.optional(),
    active: z.boolean({ error: 'must be true or false' }).optional(),
    password: password.optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { message: 'must change at least one field' });

const userListItem = userView.extend({
  lockedUntil: z.string().nullable().describe('until when too many failed sign-ins lock the account'),
});

/** Each user with the end of their sign-in lockout, when one is running now. */
async function withLockouts(app: App, users: UserRecord[]): Promise<z.infer<typeof userListItem>[]> {
  const now = new Date().toISOString();
  const keys = users.map((u) => ({ scope: 'account' as const, key: u.email }));
  // In batches: one query naming thousands of keys (patient accounts) would outgrow SQLite's limits.
  const states = [];
  for (let i = 0; i < keys.length; i += 200)
    states.push(...(await app.repos.loginThrottles.find(keys.slice(i, i + 200))));
  const lockedUntil = new Map(
    states.filter((s) => s.lockedUntil !== null && s.lockedUntil > now).map((s) => [s.key, s.lockedUntil]),
  );
  return users.map((user) => ({ ...user, lockedUntil: lockedUntil.get(user.email) ?? null }));
}

const emailTaken = () => conflict('email_taken', 'a user with this email already exists');

export async function userRoutes(app: App): Promise<void> {
  const spec = routeSpec(['users']);

  app.get(
    '/api/users',
    spec(allow('admin'), "The clinic's users, each with when a sign-in lockout ends (null: not locked)", {
      querystring: z.object({ role: role.optional() }),
      response: answers(z.object({ users: z.array(userListItem) })),
    }),
    async (request) => {
      const listed = await app.repos.users.list(requireAuth(request).user.clinicId, request.query);
      const users = sortedByName(listed, (u) => u.displayName, await readerLanguage(app, request));
      return { users: await withLockouts(app, users) };
    },
  );

  app.get(
    '/api/staff',
    spec(staff, 'Active staff (names and roles), for booking', {
      response: answers(
        z.object({ staff: z.array(z.object({ id: z.string(), displayName: z.string(), role: roleEnum })) }),
      ),
    }),
    async (request) => {
      const listed = await app.repos.users.list(requireAuth(request).user.clinicId);
      const users = sortedByName(listed, (u) => u.displayName, await readerLanguage(app, request));
      return {
        staff: users
          .filter((u) => u.active && u.role !== 'patient')
          .map(({ id: userId, displayName, role: userRole }) => ({ id: userId, displayName, role: userRole })),
      };
    },
  );

  app.post(
    '/api/users',
    spec(allow('admin'), 'Create a user (staff, or a patient account linked to a patient)', {
      body: newUserBody,
      response: { ...answersWith(201, userView, 400), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      const { user: admin } = requireAuth(request);
      const { password: plain, patientId, ...fields } = request.body;
      if (fields.role === 'patient' && !patientId) throw invalidField('patientId', 'required for a patient account');
      if (fields.role !== 'patient' && patientId)
        throw invalidField('patientId', 'only patient accounts are linked to a patient');
      requireStrongPassword('password', plain, [fields.email, fields.displayName]);
      const passwordHash = await app.passwordHasher.hash(plain);
      const created = await app.repos.transaction(async (tx) => {
        if (patientId) {
          const patient = await tx.patients.findById(patientId);
          if (!patient || patient.clinicId !== admin.clinicId)
            throw invalidField('patientId', 'must be a patient of this clinic');
          assertNotMerged(patient);
        }
        if (await tx.users.findByEmail(fields.email)) throw emailTaken();
        const user = await tx.users.create({
          ...fields,
          clinicId: admin.clinicId,
          passwordHash,
          patientId: patientId ?? null,
        });
        await request.audit({ action: 'create', entity: 'user', entityId: user.id, patientId: user.patientId }, tx);
        return user;
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/users/:id',
    spec(allow('admin'), 'One user', { params: idParams, response: answers(userView, 404) }),
    async (request) => {
      return ofOwnClinic(await app.repos.users.findById(request.params.id), requireAuth(request).user, 'user');
    },
  );

  app.patch(
    '/api/users/:id',
    spec(
      allow('admin'),
      'Rename, change role, deactivate or set a new password (the last two end their sessions and calendar feed)',
      { params: idParams, body: userPatchBody, response: answers(userView, 400, 404, 409) },
    ),
    async (request) => {
      const { user: admin } = requireAuth(request);
      const { password: plain, ...patch } = request.body;
      if (plain !== undefined) {
        const target = ofOwnClinic(await app.repos.users.findById(request.params.id), admin, 'user');
        requireStrongPassword('password', plain, [target.email, patch.displayName ?? target.displayName]);
      }
      if (
        request.params.id === admin.id &&
        (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'))
      )
        throw conflict('self_lockout', 'admins cannot deactivate or demote themselves');
      const passwordHash = plain === undefined ? undefined : await app.passwordHasher.hash(plain);
      return app.repos.transaction(async (tx) => {
        const user = ofOwnClinic(await tx.users.findById(request.params.id), admin, 'user');
        const becomesPatient = patch.role === 'patient' && user.role !== 'patient';
        const leavesPatient = patch.role !== undefined && patch.role !== 'patient' && user.role === 'patient';
        if (becomesPatient || leavesPatient)
          throw conflict('role_change', 'patient accounts and staff accounts cannot be converted into each other');
        const updated = found(
          await tx.users.update(user.id, { ...patch, ...(passwordHash ? { passwordHash } : {}) }),
          'user',
        );
        if (patch.active === false || passwordHash || patch.role !== undefined)
          await tx.authSessions.deleteForUser(user.id);
        // A calendar feed outlives sessions: it ends too, so that reactivating the account does not revive it.
        const feedEnded = patch.active === false || passwordHash ? await endCalendarFeed(tx, user) : [];
        await request.audit(
          [{ action: 'update', entity: 'user', entityId: user.id, patientId: user.patientId }, ...feedEnded],
          tx,
        );
        return updated;
      });
    },
  );

  app.delete(
    '/api/users/:id/lockout',
    spec(allow('admin'), 'Unlock a user locked after too many failed sign-ins, and forget their failed tries', {
      params: idParams,
      response: answersWith(204, z.null(), 404),
    }),
    async (request, reply) => {
      const user = ofOwnClinic(await app.repos.users.findById(request.params.id), requireAuth(request).user, 'user');
      await app.repos.loginThrottles.clear({ scope: 'account', key: user.email });
      await request.audit({ action: 'delete', entity: 'login_lockout', entityId: user.id, patientId: null });
      return reply.code(204).send(null);
    },
  );
}
