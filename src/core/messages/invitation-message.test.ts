import { expect, it } from 'vitest';
import { closedInvitationBody, invitationMessage } from './invitation-message.js';

it('invites by name and role, with the link and its expiry in the clinic’s zone', () => {
  const link = 'https://clinic.example/invite/abc';
  const message = invitationMessage({
    invitee: { displayName: 'Rita Reception', role: 'reception' },
    inviterName: 'Dr Weber',
    clinicName: 'Demo Clinic',
    link,
    expiresAt: '2026-03-05T10:30:00.000Z',
    locale: 'en-GB',
    timeZone: 'Europe/Berlin',
  });
  expect(message.subject).toBe('Demo Clinic: your invitation to mesodesk');
  expect(message.body).toContain('Hello Rita Reception,');
  expect(message.body).toContain('Dr Weber invites you to sign in to mesodesk at Demo Clinic, as reception.');
  expect(message.body).toContain(`\n${link}\n`);
  expect(message.body).toMatch(/until 5 March 2026(,| at) 11:30 CET/);
  expect(closedInvitationBody).not.toContain('http');
});
