import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { sessionCookieName } from '../../auth/session-tokens.js';
import { clinicAudit } from '../../../test-support/audited-records.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';

const baseUrl = 'https://clinic.example';
const strongPassword = 'violet harbour lantern 42';

forEachApp(
  'invitations',
  (get) => {
    let admin: TestClient;
    let count = 0;
    beforeAll(async () => {
      admin = await get().signIn('admin');
    });

    const email = (label: string) => `${label}-${++count}-${get().engine}@invited.test`;
    const invite = (body: Record<string, unknown>, client: TestClient = admin) =>
      client.inject({ method: 'POST', url: '/api/invitations', payload: { role: 'reception', ...body } });
    const tokenOf = (response: LightMyRequestResponse): string => {
      const link: string = response.json().link;
      return link.slice(link.lastIndexOf('/') + 1);
    };
    const accept = (token: string, password = strongPassword) =>
      get().app.inject({ method: 'POST', url: `/api/invite/${token}/accept`, payload: { password } });
    const show = (token: string) => get().app.inject({ method: 'GET', url: `/api/invite/${token}` });
    const usersCalled = async (address: string) =>
      (await get().db.selectFrom('users').select('id').where('email', '=', address).execute()).length;
    const invitationRow = (id: string) =>
      get().db.selectFrom('user_invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('invites by email: the link is shown once, emailed, and only its hash is stored', async () => {
      const address = email('rita');
      const response = await invite({ email: address.toUpperCase(), displayName: 'Rita Reception' });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json();
      expect(body).toMatchObject({
        invitation: { email: address, displayName: 'Rita Reception', role: 'reception', status: 'pending' },
        emailed: true,
      });
      expect(body.link).toMatch(/^https:\/\/clinic\.example\/invite\/[A-Za-z0-9_-]{43}$/);
      const token = tokenOf(response);
      const hoursLeft = (Date.parse(body.invitation.expiresAt) - Date.now()) / 3_600_000;
      expect(hoursLeft).toBeGreaterThan(71.9);
      expect(hoursLeft).toBeLessThanOrEqual(72);

      const row = await invitationRow(body.invitation.id);
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);
      const message = await get()
        .db.selectFrom('outbox_messages')
        .selectAll()
        .where('id', '=', row.outbox_message_id ?? '')
        .executeTakeFirstOrThrow();
      expect(message).toMatchObject({ kind: 'user_invitation', recipient: address, status: 'pending' });
      expect(message.body).toContain(body.link);
      expect(message.subject).toContain(get().fixture.clinic.name);

      const listed = (await admin.inject({ method: 'GET', url: '/api/invitations' })).json().invitations;
      expect(listed.map((i: { id: string }) => i.id)).toContain(body.invitation.id);
      const audit = await clinicAudit(get(), { entity: 'user_invitation', limit: 5 });
      expect(audit.map((a) => `${a.action} ${a.entityId} ${a.userId}`)).toContain(
        `create ${body.invitation.id} ${get().fixture.users.admin.id}`,
      );
    });

    it('accepts a link once: a weak password changes nothing, then the user is made and signed in', async () => {
      const address = email('pia');
      const invited = await invite({ email: address, displayName: 'Pia Practitioner', role: 'practitioner' });
      const token = tokenOf(invited);
      const shown = await show(token);
      expect(shown.statusCode).toBe(200);
      expect(shown.json()).toEqual({
        email: address,
        displayName: 'Pia Practitioner',
        role: 'practitioner',
        clinicName: get().fixture.clinic.name,
        expiresAt: invited.json().invitation.expiresAt,
      });

      const weak = await accept(token, 'password123');
      expect(weak.statusCode).toBe(400);
      expect(weak.json().problems[0]).toMatchObject({
        field: 'password',
        message: expect.stringMatching(/^is too easy/),
      });
      expect(await usersCalled(address)).toBe(0);
      expect((await invitationRow(invited.json().invitation.id)).accepted_at).toBeNull();

      const accepted = await accept(token);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().user).toMatchObject({ email: address, role: 'practitioner', active: true });
      const cookie = accepted.cookies.find((c) => c.name === sessionCookieName);
      expect(cookie?.httpOnly).toBe(true);
      const me = await get().app.inject({
        method: 'GET',
        url: '/api/auth/me',
        cookies: { [sessionCookieName]: cookie?.value ?? '' },
      });
      expect(me.json().user.email).toBe(address);
      expect((await get().signInAs(address, strongPassword)).user.role).toBe('practitioner');

      // The stored email no longer holds a working link, and the unsent one is not sent.
      const row = await invitationRow(invited.json().invitation.id);
      expect(row).toMatchObject({ user_id: accepted.json().user.id, revoked_at: null });
      const message = await get()
        .db.selectFrom('outbox_messages')
        .select(['body', 'status'])
        .where('id', '=', row.outbox_message_id ?? '')
        .executeTakeFirstOrThrow();
      expect(message.status).toBe('cancelled');
      expect(message.body).not.toContain(token);
      const listed = (await admin.inject({ method: 'GET', url: '/api/invitations' })).json().invitations;
      expect(listed.map((i: { id: string }) => i.id)).not.toContain(invited.json().invitation.id);
      const audit = await clinicAudit(get(), { userId: accepted.json().user.id, limit: 10 });
      expect(audit.map((a) => `${a.action} ${a.entity}`)).toEqual(
        expect.arrayContaining(['create user', 'update user_invitation', 'create auth_session']),
      );

      // Used twice: 410 naming the token, and nothing more is written.
      const again = await accept(token, 'another strong passphrase here');
      expect(again.statusCode).toBe(410);
      expect(again.json()).toMatchObject({
        error: 'invitation_used',
        problems: [{ field: 'token', message: 'has already been used' }],
      });
      expect((await show(token)).statusCode).toBe(410);
      expect(await usersCalled(address)).toBe(1);
      expect((await get().signInAs(address, strongPassword)).user.email).toBe(address);
    });

    it('refuses an expired link, writing nothing, and lets the admin invite the same email again', async () => {
      const address = email('eli');
      const invited = await invite({ email: address, displayName: 'Eli Expired' });
      const token = tokenOf(invited);
      const waiting = await invite({ email: address, displayName: 'Eli Again' });
      expect(waiting.statusCode).toBe(409);
      expect(waiting.json()).toMatchObject({ error: 'invitation_pending', problems: [{ field: 'email' }] });

      await get()
        .db.updateTable('user_invitations')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', invited.json().invitation.id)
        .execute();
      const listed = (await admin.inject({ method: 'GET', url: '/api/invitations' })).json().invitations;
      expect(listed.find((i: { id: string }) => i.id === invited.json().invitation.id)?.status).toBe('expired');
      const expired = await accept(token);
      expect(expired.statusCode).toBe(410);
      expect(expired.json()).toMatchObject({ error: 'invitation_expired', problems: [{ field: 'token' }] });
      expect((await show(token)).json().error).toBe('invitation_expired');
      expect(await usersCalled(address)).toBe(0);
      expect((await invitationRow(invited.json().invitation.id)).accepted_at).toBeNull();

      const renewed = await invite({ email: address, displayName: 'Eli Again' });
      expect(renewed.statusCode, renewed.body).toBe(201);
      expect((await invitationRow(invited.json().invitation.id)).revoked_at).not.toBeNull();
      expect((await accept(token)).json().error).toBe('invitation_withdrawn');
      expect((await accept(tokenOf(renewed))).statusCode).toBe(200);
    });

    it('refuses an invitation to an email that already has a user, storing nothing', async () => {
      const before = await get().db.selectFrom('user_invitations').select('id').execute();
      const existing = get().fixture.users.practitioner.email.toUpperCase();
      const taken = await invite({ email: existing, displayName: 'Twin' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ error: 'email_taken', problems: [{ field: 'email' }] });
      expect(await get().db.selectFrom('user_invitations').select('id').execute()).toHaveLength(before.length);

      // A user made directly while the invitation waited: accepting it is refused too.
      const address = email('dup');
      const invited = await invite({ email: address, displayName: 'Dup' });
      await get().repos.users.create({
        clinicId: get().fixture.clinic.id,
        email: address,
        displayName: 'Dup',
        passwordHash: 'x',
        role: 'reception',
      });
      const refused = await accept(tokenOf(invited));
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toBe('email_taken');
      expect((await invitationRow(invited.json().invitation.id)).accepted_at).toBeNull();
    });

    it('lets one of two simultaneous uses of a link win', async () => {
      const address = email('race');
      const token = tokenOf(await invite({ email: address, displayName: 'Race' }));
      const answers = await Promise.all([accept(token), accept(token), accept(token)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 410, 410]);
      expect(await usersCalled(address)).toBe(1);
    });

    it('withdraws an invitation; checks the input; keeps each clinic to its own invitations', async () => {
      const invited = await invite({ email: email('wes'), displayName: 'Wes Withdrawn' });
      const id: string = invited.json().invitation.id;
      const elsewhere = await get().signInElsewhere('admin');
      expect((await elsewhere.inject({ method: 'DELETE', url: `/api/invitations/${id}` })).statusCode).toBe(404);
      expect(
        (await elsewhere.inject({ method: 'GET', url: '/api/invitations' }))
          .json()
          .invitations.map((i: { id: string }) => i.id),
      ).not.toContain(id);
      expect((await admin.inject({ method: 'DELETE', url: `/api/invitations/${id}` })).statusCode).toBe(204);
      expect((await admin.inject({ method: 'DELETE', url: `/api/invitations/${id}` })).json().error).toBe(
        'invitation_closed',
      );
      expect((await accept(tokenOf(invited))).json().error).toBe('invitation_withdrawn');

      const bad = await invite({ email: 'nope', displayName: '', role: 'boss' });
      expect(
        bad
          .json()
          .problems.map((p: { field: string }) => p.field)
          .sort(),
      ).toEqual(['displayName', 'email', 'role']);
      const patientWithout = await invite({ email: email('pat'), displayName: 'P', role: 'patient' });
      expect(patientWithout.json().problems).toEqual([
        { field: 'patientId', message: 'required for a patient account' },
      ]);
      expect((await show('x'.repeat(43))).json().error).toBe('invitation_not_found');
      expect((await show('short')).json().problems[0].field).toBe('token');
      for (const role of ['practitioner', 'reception', 'patient'] as const)
        expect((await invite({ email: email('x'), displayName: 'X' }, await get().signIn(role))).statusCode).toBe(403);
    });

    it('invites a patient to their portal account, signed in to the portal', async () => {
      const { otherPatient } = get().fixture;
      const address = email('otto');
      const invited = await invite({
        email: address,
        displayName: 'Otto Other',
        role: 'patient',
        patientId: otherPatient.id,
      });
      expect(invited.statusCode, invited.body).toBe(201);
      const accepted = await accept(tokenOf(invited));
      expect(accepted.json().user).toMatchObject({ role: 'patient', patientId: otherPatient.id });
    });

    it("writes a patient's invitation in the patient's language, and staff invitations in English", async () => {
      const { otherPatient } = get().fixture;
      const before = await get()
        .db.selectFrom('patients')
        .select('preferred_language')
        .where('id', '=', otherPatient.id)
        .executeTakeFirstOrThrow();
      await get()
        .db.updateTable('patients')
        .set({ preferred_language: 'tr' })
        .where('id', '=', otherPatient.id)
        .execute();
      try {
        const invited = await invite({
          email: email('oya'),
          displayName: 'Oya Other',
          role: 'patient',
          patientId: otherPatient.id,
        });
        expect(invited.statusCode, invited.body).toBe(201);
        const staff = await invite({ email: email('sam'), displayName: 'Sam Staff' });
        const bodyOf = async (response: LightMyRequestResponse) => {
          const row = await invitationRow(response.json().invitation.id);
          return get()
            .db.selectFrom('outbox_messages')
            .select(['subject', 'body'])
            .where('id', '=', row.outbox_message_id ?? '')
            .executeTakeFirstOrThrow();
        };
        const turkish = await bodyOf(invited);
        expect(turkish.subject).toContain('davetiniz');
        expect(turkish.body).toContain('Merhaba Oya Other,');
        expect(turkish.body).toContain(invited.json().link);
        expect(turkish.body).not.toMatch(/\bHello\b|invites you/);
        const english = await bodyOf(staff);
        expect(english.body).toContain('Hello Sam Staff,');
      } finally {
        await get()
          .db.updateTable('patients')
          .set({ preferred_language: before.preferred_language })
          .where('id', '=', otherPatient.id)
          .execute();
      }
    });
  },
  { config: { messaging: { channel: 'email', baseUrl, locale: 'en-GB' } } },
);

forEachApp('invitations without email', (get) => {
  it('shows the link to the admin and queues nothing (the log channel would write the key to the log)', async () => {
    const admin = await get().signIn('admin');
    const response = await admin.inject({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: `nomail-${get().engine}@invited.test`, displayName: 'No Mail', role: 'reception' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ emailed: false, link: expect.stringMatching(/\/invite\/[\w-]{43}$/) });
    const row = await get()
      .db.selectFrom('user_invitations')
      .selectAll()
      .where('id', '=', response.json().invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.outbox_message_id).toBeNull();
    const invitations = await get()
      .db.selectFrom('outbox_messages')
      .select('id')
      .where('kind', '=', 'user_invitation')
      .execute();
    expect(invitations).toEqual([]);
  });
});
