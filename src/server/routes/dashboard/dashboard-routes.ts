import type { App } from '../../app-types.js';
import { dashboardRoles, loadDashboard } from '../../../services/dashboard/dashboard.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { assertDateInWindow, describeWindow, recordSearchWindow } from '../../validation/date-window.js';
import { dashboardQuery, dashboardView } from './dashboard-schemas.js';
import { readerLanguage } from '../../reader-language.js';
import { answers, routeSpec } from '../route-spec.js';

/**
 * The clinic's dashboard: counts over a window of days, no patient named (so nothing to audit per
 * patient). Reception sees the operations and the takings; the clinical panels are the admins'.
 */
export async function dashboardRoutes(app: App): Promise<void> {
  const spec = routeSpec(['dashboard']);
  app.get(
    '/api/dashboard',
    spec(
      allow(...dashboardRoles),
      'The clinic over a window of local days: sessions, no-shows, utilisation, courses completed, takings; for admins also side effects and safety signals',
      {
        description: `Days are counted in the zone of the clinic's first location. \`from\` and \`to\` must lie ${describeWindow(recordSearchWindow)}; the window holds at most 366 days (default: the last 30, today included).`,
        querystring: dashboardQuery,
        response: answers(dashboardView, 400),
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const { from, to } = request.query;
      for (const [field, date] of Object.entries({ from, to }))
        if (date !== undefined) assertDateInWindow(field, date, recordSearchWindow, app.now());
      const language = await readerLanguage(app, request);
      return loadDashboard(app.repos, { clinicId: user.clinicId, role: user.role, from, to, now: app.now(), language });
    },
  );
}
