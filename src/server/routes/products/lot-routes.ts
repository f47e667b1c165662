import type { App } from '../../app-types.js';
import { allow, staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { loadClinicLot } from '../../../services/access/catalogue-access.js';
import { groupRecipients } from './group-recipients.js';
import { lotView, recallView } from './product-schemas.js';
import { answers, routeSpec } from '../route-spec.js';

export async function lotRoutes(app: App): Promise<void> {
  const spec = routeSpec(['products']);

  app.post(
    '/api/lots/:id/recall',
    spec(allow('admin'), 'Recall a lot: it can no longer be charted (recalling it again changes nothing)', {
      params: idParams,
      response: answers(lotView, 404),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      return app.repos.transaction(async (tx) => {
        const { lot } = await loadClinicLot(tx, user, request.params.id);
        // Keep the first recall time: it is when the clinic knew.
        if (lot.recalled) return lot;
        const recalled = (await tx.products.setLotRecalled(lot.id, true)) ?? lot;
        await request.audit({ action: 'update', entity: 'lot', entityId: lot.id, patientId: null }, tx);
        return recalled;
      });
    },
  );

  app.get(
    '/api/lots/:id/recall',
    spec(
      staff,
      'Every patient who received the lot, with contact details and the sessions concerned (whether or not it is recalled yet)',
      { params: idParams, response: answers(recallView, 404) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const { lot, product } = await loadClinicLot(app.repos, user, request.params.id);
      const patients = groupRecipients(await app.repos.charts.lotRecipients(lot.id));
      await request.audit(
        patients.flatMap((p) => [
          { action: 'read' as const, entity: 'patient', entityId: p.patientId, patientId: p.patientId },
          ...p.sessions.map((s) => ({
            action: 'read' as const,
            entity: 'treatment_session',
            entityId: s.sessionId,
            patientId: p.patientId,
          })),
        ]),
      );
      return { lot, product: { id: product.id, name: product.name, manufacturer: product.manufacturer }, patients };
    },
  );
}
