import { z } from 'zod';
import type { SafetySignalDetail, SignalStatus } from '../../../core/safety-signals/signal-record.js';
import { changeSignalStatus } from '../../../services/safety-signals/signal-status.js';
import { runSafetySignalDetection } from '../../../services/safety-signals/run-detection.js';
import type { App } from '../../app-types.js';
import { notFound } from '../../http-errors.js';
import { allow } from '../../plugins/access-control.js';
import type { AuditEvent } from '../../plugins/audit.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { signalCounts, signalFor, signalListQuery, signalView, statusChangeBody } from './safety-signal-schemas.js';
import { answers, routeSpec } from '../route-spec.js';

const statusesOf: Record<z.output<typeof signalListQuery>['status'], readonly SignalStatus[]> = {
  active: ['open', 'acknowledged'],
  open: ['open'],
  acknowledged: ['acknowledged'],
  closed: ['closed'],
  all: ['open', 'acknowledged', 'closed'],
};

/** Showing a signal shows its patients: a read of the signal for each patient it names. */
const patientReads = (signals: readonly SafetySignalDetail[]): AuditEvent[] =>
  signals.flatMap((s) =>
    s.patients.map((p) => ({
      action: 'read' as const,
      entity: 'safety_signal',
      entityId: s.id,
      patientId: p.patientId,
    })),
  );

/**
 * Safety signals (docs/safety-signals.md): rises in side-effect reports beyond chance on a lot,
 * product, practitioner or week, and late-lump clusters on a lot or a session day, with the
 * patients to contact and the lots to quarantine. Clinicians read them; admins acknowledge and
 * close them, and may run detection at once (it also runs after every side-effect report).
 */
export async function safetySignalRoutes(app: App): Promise<void> {
  const spec = routeSpec(['safety signals']);

  async function details(ids: readonly string[]): Promise<SafetySignalDetail[]> {
    const found = await Promise.all(ids.map((id) => app.repos.safetySignals.detail(id)));
    return found.filter((d): d is SafetySignalDetail => d !== undefined);
  }

  async function views(signals: readonly SafetySignalDetail[]) {
    const names = new Map<string, string>();
    for (const id of new Set(signals.flatMap((s) => [s.acknowledgedBy, s.closedBy]).filter((x) => x !== null)))
      names.set(id, (await app.repos.users.findById(id))?.displayName ?? '');
    return signals.map((s) => signalFor(s, names));
  }

  app.get(
    '/api/safety-signals',
    spec(
      allow('admin', 'practitioner'),
      "The clinic's safety signals, newest first, with the patients to contact and the lots to quarantine",
      {
        querystring: signalListQuery,
        response: answers(z.object({ signals: z.array(signalView), counts: signalCounts }), 400),
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const { status, limit, offset } = request.query;
      const [records, counts] = await Promise.all([
        app.repos.safetySignals.list({ clinicId: user.clinicId, statuses: statusesOf[status], limit, offset }),
        app.repos.safetySignals.countByStatus(user.clinicId),
      ]);
      const signals = await details(records.map((r) => r.id));
      await request.audit(patientReads(signals));
      return { signals: await views(signals), counts };
    },
  );

  app.get(
    '/api/safety-signals/:id',
    spec(allow('admin', 'practitioner'), 'One safety signal', { params: idParams, response: answers(signalView, 404) }),
    async (request) => {
      const { user } = requireAuth(request);
      const [signal] = await details([request.params.id]);
      if (!signal || signal.clinicId !== user.clinicId) throw notFound('safety signal');
      await request.audit(patientReads([signal]));
      const [view] = await views([signal]);
      return view!;
    },
  );

  for (const [action, status] of [
    ['acknowledge', 'acknowledged'],
    ['close', 'closed'],
  ] as const)
    app.post(
      `/api/safety-signals/:id/${action}`,
      spec(
        allow('admin'),
        status === 'acknowledged'
          ? 'Acknowledge an open signal: someone is contacting the patients and holding the lots'
          : 'Close a signal: done, or found to be nothing (say which in the note)',
        { params: idParams, body: statusChangeBody, response: answers(signalView, 404, 409, 400) },
      ),
      async (request) => {
        const { user } = requireAuth(request);
        const changed = await changeSignalStatus(app.repos, user, request.params.id, {
          status,
          note: request.body.note ?? null,
          route: `POST ${request.routeOptions.url ?? request.url}`,
        });
        const [detail] = await details([changed.id]);
        const [view] = await views([detail!]);
        return view!;
      },
    );

  app.post(
    '/api/safety-signals/run',
    spec(
      allow('admin'),
      'Run detection now; answers the signals raised by this run (those raised before are not repeated)',
      { response: answers(z.object({ raised: z.array(signalView), messages: z.number() })) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const result = await runSafetySignalDetection(app.repos, {
        clinicId: user.clinicId,
        now: app.now(),
        actor: user,
        route: `POST ${request.routeOptions.url ?? request.url}`,
        messaging: app.appConfig.messaging,
      });
      const raised = await details(result.raised.map((r) => r.id));
      await request.audit(patientReads(raised));
      return { raised: await views(raised), messages: result.messages };
    },
  );
}
