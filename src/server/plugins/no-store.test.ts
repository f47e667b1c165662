import { expect, it } from 'vitest';
import { forEachApp, signInRoles } from '../../test-support/test-app.js';

forEachApp('Cache-Control on API answers', (get) => {
  it('tells caches to keep no API answer: records, lists, errors and sign-in state alike', async () => {
    const { patient, reception, admin } = await signInRoles(get());
    const patientId = get().fixture.patient.id;
    const answers = [
      await patient.inject({ method: 'GET', url: `/api/patients/${patientId}` }),
      await patient.inject({ method: 'GET', url: `/api/patients/${patientId}/sessions` }),
      await patient.inject({ method: 'GET', url: `/api/patients/${patientId}/intakes` }),
      await patient.inject({ method: 'GET', url: '/api/auth/me' }),
      await reception.inject({ method: 'GET', url: `/api/patients?name=${encodeURIComponent('a')}` }),
      await reception.inject({ method: 'PATCH', url: `/api/patients/${patientId}`, payload: { phone: '+49 30 1' } }),
      await admin.inject({ method: 'GET', url: '/api/audit?limit=1' }),
      // Refusals and errors too: they may name what was asked for.
      await patient.inject({ method: 'GET', url: `/api/patients/${get().fixture.otherPatient.id}` }),
      await reception.inject({ method: 'GET', url: `/api/patients/${patientId}/intakes` }),
      await get().app.inject({ method: 'GET', url: `/api/patients/${patientId}` }),
      await get().app.inject({ method: 'GET', url: '/api/no-such-route' }),
      await get().app.inject({ method: 'GET', url: '/api/health' }),
      await get().app.inject({ method: 'GET', url: '/api/auth/session' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200, 403, 403, 401, 404, 200, 200]);
    for (const answer of answers) expect(answer.headers['cache-control'], answer.body.slice(0, 80)).toBe('no-store');
  });

  it('keeps a route’s own Cache-Control, and leaves the docs page and the web app to theirs', async () => {
    const patient = await get().signIn('patient');
    const feed = await patient.inject({ method: 'POST', url: '/api/calendar-feed' });
    expect(feed.headers['cache-control']).toBe('no-store');
    const calendar = await get().app.inject({ method: 'GET', url: feed.json().url });
    expect(calendar.statusCode).toBe(200);
    expect(calendar.headers['cache-control']).toBe('private, no-store');

    const docsAsset = await get().app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    expect(docsAsset.statusCode).toBe(200);
    expect(docsAsset.headers['cache-control']).not.toBe('no-store');
    const page = await get().app.inject({ method: 'GET', url: '/patients' });
    expect(page.headers['cache-control']).not.toBe('no-store');
  });
});
