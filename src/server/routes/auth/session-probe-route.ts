import { z } from 'zod';
import type { App } from '../../app-types.js';
import { publicAccess } from '../../plugins/access-control.js';
import { userView } from '../../views.js';
import { withReadingLanguage } from '../../reader-language.js';
import { answers, routeSpec } from '../route-spec.js';

/**
 * Whether this browser is signed in, answered 200 either way: the web app asks it on every first
 * visit, and a 401 there would put an error in the browser's console before anyone has done
 * anything. GET /api/auth/me keeps answering 401 when signed out, for clients that want that.
 */
export async function sessionProbeRoute(app: App): Promise<void> {
  const spec = routeSpec(['auth']);
  app.get(
    '/api/auth/session',
    spec(
      publicAccess,
      'Whether this browser is signed in, and as whom; always 200 (signedIn false, user null when not). GET /api/auth/me answers 401 instead',
      { security: [], response: answers(z.object({ signedIn: z.boolean(), user: userView.nullable() })) },
    ),
    async (request) =>
      request.auth
        ? { signedIn: true, user: await withReadingLanguage(app.repos, request.auth.user) }
        : { signedIn: false, user: null },
  );
}
