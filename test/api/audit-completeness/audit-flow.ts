import type { AuditAction, Role } from '../../../src/core/records/index.js';
import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import type { TestApp, TestClient } from '../../../src/test-support/test-app.js';
import type { FormPart } from '../../../src/server/uploads/test-support/multipart-payload.js';

/** The steps of the audit-completeness flow (see audit-completeness.test.ts) and what they share. */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** A JSON response body, read loosely as in the route tests (`response.json()`). */
export type Body = any;

export interface Expected {
  action: AuditAction;
  entity: string;
  /** Left out when the id is not known to the client (e.g. a row the route created on the side). */
  entityId?: string;
  patientId: string;
}

export interface Step {
  /** The route as registered, e.g. `GET /api/patients/:id`. */
  route: `${Method} /api/${string}`;
  as: Role;
  url: () => string;
  /** A JSON body. */
  payload?: () => unknown;
  /** A multipart/form-data body (uploads). */
  form?: () => FormPart[];
  status: number;
  /** The entries the request must have added, given its response body. */
  expected: (body: Body) => Expected[];
  /** Keeps ids for later steps (and may prepare the next one). */
  keep?: (body: Body) => unknown;
}

export const day = 86_400_000;
export const inDays = (days: number) => new Date(Date.now() + days * day).toISOString();
/** The first Monday at least `days` from now, as a date: the course finder then starts a working week. */
export const mondayAfter = (days: number) => {
  const at = new Date(Date.now() + days * day);
  at.setUTCDate(at.getUTCDate() + ((8 - at.getUTCDay()) % 7));
  return at.toISOString().slice(0, 10);
};

/** What every step may use: the app, one client per role, and the ids kept by earlier steps. */
export interface FlowContext {
  t: TestApp;
  clients: Map<Role, TestClient>;
  ids: Record<string, string>;
  /** An id kept by an earlier step (failing loudly if none was). */
  id(name: string): string;
  /** The fixture patient the flow follows. */
  paula: string;
  location: string;
  /** A healthy intake with some of the patient's answers replaced. */
  intake(patient?: Record<string, unknown>): ReturnType<typeof healthyIntake>;
  intakeWrites(body: Body, patientId: string): Expected[];
  sessionReads(sessions: { id: string }[], patientId: string): Expected[];
}

export function flowContext(t: TestApp, clients: Map<Role, TestClient>, ids: Record<string, string>): FlowContext {
  return {
    t,
    clients,
    ids,
    id(name) {
      const value = ids[name];
      if (!value) throw new Error(`no ${name} kept by an earlier step`);
      return value;
    },
    paula: t.fixture.patient.id,
    location: t.fixture.location.id,
    intake(patient = {}) {
      const body = healthyIntake('1990-04-12');
      // Every screening question answered, so that the treatment gate lets the past session be charted.
      return { ...body, patient: { ...body.patient, pregnant: false, breastfeeding: false, ...patient } };
    },
    intakeWrites: (body, patientId) => [
      { action: 'create', entity: 'intake', entityId: body.intake.id, patientId },
      { action: 'create', entity: 'assessment', entityId: body.assessment.id, patientId },
    ],
    sessionReads: (sessions, patientId) =>
      sessions.map((s) => ({ action: 'read', entity: 'treatment_session', entityId: s.id, patientId })),
  };
}
