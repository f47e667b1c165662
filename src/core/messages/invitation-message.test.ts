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

it('invites a Turkish patient in Turkish, with the expiry as Turkish writes it', () => {
  const link = 'https://clinic.example/invite/xyz';
  const message = invitationMessage({
    invitee: { displayName: 'Ayşe Yılmaz', role: 'patient' },
    inviterName: 'Dr Deniz Kaya',
    clinicName: 'Klinik Ada',
    link,
    expiresAt: '2026-03-05T10:30:00.000Z',
    locale: 'tr-TR',
    timeZone: 'Europe/Istanbul',
    language: 'tr',
  });
  expect(message.subject).toBe('Klinik Ada: mesodesk davetiniz');
  expect(message.body.split('\n')).toEqual([
    'Merhaba Ayşe Yılmaz,',
    '',
    "Dr Deniz Kaya, sizi Klinik Ada için mesodesk'e hasta olarak (hasta portalı) davet ediyor.",
    'Şifrenizi buradan belirleyin:',
    link,
    '',
    expect.stringMatching(
      /^Bağlantı yalnızca bir kez ve 5 Mart 2026 13:30 .+ tarihine kadar kullanılabilir\. Süresi dolduysa yeni bir bağlantı için Dr Deniz Kaya ile iletişime geçin\.$/,
    ),
  ]);
  expect(message.body).not.toMatch(/Hello|invites you|password|until|as a patient/);
});
