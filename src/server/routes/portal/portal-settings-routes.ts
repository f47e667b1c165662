import type { App } from '../../app-types.js';
import { notFound } from '../../http-errors.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { portalSettingsOf } from '../../../services/portal/portal-settings.js';
import { portalSettingsBody, portalSettingsView } from './portal-schemas.js';

/** The clinic's portal rules, set by its admins on the clinic set-up page. */
export async function portalSettingsRoutes(app: App): Promise<void> {
  const tags = ['clinics'];
  const ownClinic = (userClinicId: string, clinicId: string) => {
    if (userClinicId !== clinicId) throw notFound('clinic');
  };

  app.get(
    '/api/clinics/:id/portal-settings',
    {
      config: allow('admin'),
      schema: {
        summary: "The clinic's portal rules: how long before a session patients may still move or cancel it online",
        tags,
        params: idParams,
        response: { 200: portalSettingsView, 404: errorResponse },
      },
    },
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      return portalSettingsOf(app.repos, request.params.id);
    },
  );

  app.put(
    '/api/clinics/:id/portal-settings',
    {
      config: allow('admin'),
      schema: {
        summary: "Set the clinic's portal rules (the notice period, in hours; 24 by default)",
        tags,
        params: idParams,
        body: portalSettingsBody,
        response: { 200: portalSettingsView, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      ownClinic(user.clinicId, request.params.id);
      await app.repos.portal.saveSettings(request.params.id, request.body, user.id);
      return portalSettingsOf(app.repos, request.params.id);
    },
  );
}
