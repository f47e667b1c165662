import { expect, it } from 'vitest';
import { forEachApp } from '../../test-support/test-app.js';

forEachApp('OpenAPI document and docs page', (get) => {
  it('serves OpenAPI 3 without sign-in, listing every API route', async () => {
    const { app } = get();
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);

    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    const apiRoutes = app.routeAccess
      .filter(
        (r) =>
          r.url.startsWith('/api/') &&
          !r.url.startsWith('/api/docs') &&
          r.url !== '/api/openapi.json' &&
          r.method !== 'HEAD',
      )
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(apiRoutes).toContain('POST /api/assessments');
    for (const route of apiRoutes) expect(documented).toContain(route);
    expect(JSON.stringify(doc.paths['/api/assessments'])).toContain('birthDate');
  });

  it('requires a signed-in user everywhere except health, sign-in and the docs', async () => {
    const open = get()
      .app.routeAccess.filter((r) => r.access === 'public' && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !r.startsWith('GET /api/docs'));
    // GET /* is the web app's pages (src/server/web/); the API under /api stays closed, but for calendar
    // subscriptions, whose secret address stands in for a sign-in (routes/calendars/calendar-feed-routes.ts),
    // and the session probe, which tells only whether the caller is signed in (routes/auth/session-probe-route.ts),
    // and an invitation's one-time link, whose token stands in for it (routes/users/invitation-routes.ts).
    expect(open.sort()).toEqual([
      'GET /*',
      'GET /api/auth/session',
      'GET /api/calendar-feeds/:token.ics',
      'GET /api/health',
      'GET /api/invite/:token',
      'GET /api/openapi.json',
      'POST /api/auth/login',
      'POST /api/invite/:token/accept',
    ]);
  });

  it('serves the docs page', async () => {
    const response = await get().app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(response.statusCode);
    const page =
      response.statusCode === 302
        ? await get().app.inject({ method: 'GET', url: response.headers.location as string })
        : response;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });
});
