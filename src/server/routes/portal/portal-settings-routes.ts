import type { App } from '../../app-types.js';
import { notFound } from '../../http-errors.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { portalSettingsOf } from '../../../services/portal/portal-settings.js';
import { portalSettingsBody, portalSettingsView } from './portal-schemas.js';
import { answers, routeSpec } from '../route-spec.js';

/** The clinic's portal rules, set by its admins on the clinic set-up page. */
export async function portalSettingsRoutes(app: App): Promise<void> {
  const spec = routeSpec(['clinics']);
  const ownClinic = (userClinicId: string, clinicId: string) => {
    if (userClinicId !== clinicId) throw notFound('clinic');
  };

  app.get(
    '/api/clinics/:id/portal-settings',
    spec(
      allow('admin'),
      "The clinic's portal rules: how long before a session patients may still move or cancel it online",
      { params: idParams, response: answers(portalSettingsView, 404) },
    ),
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      return portalSettingsOf(app.repos, request.params.id);
    },
  );

  app.put(
    '/api/clinics/:id/portal-settings',
    spec(allow('admin'), "Set the clinic's portal rules (the notice period, in hours; 24 by default)", {
      params: idParams,
      body: portalSettingsBody,
      response: answers(portalSettingsView, 400, 404),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      ownClinic(user.clinicId, request.params.id);
      await app.repos.portal.saveSettings(request.params.id, request.body, user.id);
      return portalSettingsOf(app.repos, request.params.id);
    },
  );
}
