import { expect, it } from 'vitest';
import { denialAlertMessage, type DenialBurst } from './denial-alert-message.js';

const burst: DenialBurst = {
  user: { displayName: 'Paula Patient', email: 'paula@example.test', role: 'patient' },
  count: 20,
  windowMinutes: 10,
  lastRoute: 'GET /api/patients/:id',
  baseUrl: 'https://clinic.example/',
};

it('tells an English-reading admin who was refused how often, and where to look', () => {
  const message = denialAlertMessage(burst);
  expect(message).toEqual(denialAlertMessage(burst, 'en'));
  expect(message.subject).toBe('mesodesk: 20 refused requests by Paula Patient');
  expect(message.body).toBe(
    [
      'Paula Patient (paula@example.test, patient) was refused access 20 times within 10 minutes.',
      'The latest: GET /api/patients/:id.',
      '',
      'This may be a mistake in the app or a mistyped link, or someone trying records that are not theirs to see.',
      'Further refusals in the same burst raise no new alert.',
      '',
      'Denied attempts, per user: https://clinic.example/audit?view=denied',
    ].join('\n'),
  );
});

it('tells a Turkish-reading admin the same in Turkish', () => {
  const message = denialAlertMessage({ ...burst, lastRoute: null }, 'tr');
  expect(message.subject).toBe('mesodesk: 20 istek reddedildi (kullanıcı: Paula Patient)');
  expect(message.body.split('\n')[0]).toBe(
    'Kullanıcı Paula Patient (paula@example.test, hasta): 10 dakika içinde 20 kez erişim isteği reddedildi.',
  );
  expect(message.body).toContain('Kullanıcı başına reddedilen denemeler: https://clinic.example/audit?view=denied');
  expect(message.body).not.toMatch(/refused|latest|Sonuncusu|alert|per user/);
});
