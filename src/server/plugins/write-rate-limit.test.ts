import { expect, it } from 'vitest';
import { forEachApp } from '../../test-support/test-app.js';
import { defaultAppConfig } from '../app-config.js';

const writeRateLimit = { max: 3, timeWindowMs: 60_000 };

it('allows 1200 writes a minute per user unless configured otherwise', () => {
  expect(defaultAppConfig().writeRateLimit).toEqual({ max: 1200, timeWindowMs: 60_000 });
});

forEachApp(
  'the write rate limit',
  (get) => {
    it("answers a user's writes beyond the limit with 429 and Retry-After, changing nothing; reads and other users go on", async () => {
      const reception = await get().signIn('reception');
      const patientUrl = `/api/patients/${get().fixture.patient.id}`;
      const setPhone = (phone: string) => reception.inject({ method: 'PATCH', url: patientUrl, payload: { phone } });
      for (const phone of ['+49 1', '+49 2', '+49 3']) expect((await setPhone(phone)).statusCode).toBe(200);

      const refused = await setPhone('+49 4');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ error: 'rate_limited' });
      expect(refused.json().message).toMatch(/at most 3 per 60 seconds per user/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect((await get().repos.patients.findById(get().fixture.patient.id))?.phone).toBe('+49 3');

      // The limit is the user's, whichever session the writes come from; reads are not counted.
      const again = await get().signIn('reception');
      expect((await again.inject({ method: 'PATCH', url: patientUrl, payload: { phone: '+49 5' } })).statusCode).toBe(
        429,
      );
      expect((await reception.inject({ method: 'GET', url: patientUrl })).statusCode).toBe(200);
      const admin = await get().signIn('admin');
      expect((await admin.inject({ method: 'PATCH', url: patientUrl, payload: { phone: '+49 6' } })).statusCode).toBe(
        200,
      );
    });
  },
  { config: { writeRateLimit } },
);
