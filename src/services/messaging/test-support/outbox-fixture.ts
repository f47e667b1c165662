import { messageKinds, type MessageKind } from '../../../core/messages/message-types.js';
import type { OutboxDraft } from '../../../storage/repositories/outbox-repository.js';
import type { TreatmentSessionRecord } from '../../../core/records/index.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { createClinicFixture, type ClinicFixture } from '../../../test-support/clinic-fixture.js';
import { samplePlan } from '../../../test-support/sample-assessment.js';

export interface OutboxFixture {
  fixture: ClinicFixture;
  sessions: TreatmentSessionRecord[];
  /** A draft for session `index` of `kind`, due long ago unless overridden. */
  draft(index: number, kind: MessageKind, overrides?: Partial<OutboxDraft>): OutboxDraft;
  /** Drafts for every kind of every session: 5 × `sessions`. */
  allDrafts(): OutboxDraft[];
}

let count = 0;

/** A clinic with a course and `sessions` sessions far in the future, for outbox and worker tests. */
export async function createOutboxFixture(repos: Repositories, options: { sessions: number }): Promise<OutboxFixture> {
  const fixture = await createClinicFixture(repos, {
    tag: `outbox-${process.pid}-${++count}-${Date.now()}`,
    passwordHash: 'not-used',
  });
  const course = await repos.courses.create({
    patientId: fixture.patient.id,
    assessmentId: null,
    indication: 'hair_loss',
    area: 'scalp',
    plan: samplePlan(),
    createdBy: null,
  });
  const sessions: TreatmentSessionRecord[] = [];
  for (let i = 0; i < options.sessions; i++)
    sessions.push(
      await repos.treatmentSessions.create({
        courseId: course.id,
        scheduledAt: new Date(Date.UTC(2030, 0, 1 + i, 9)).toISOString(),
        durationMinutes: 30,
      }),
    );
  const draft = (index: number, kind: MessageKind, overrides: Partial<OutboxDraft> = {}): OutboxDraft => {
    const session = sessions[index];
    if (!session) throw new Error(`no session ${index}`);
    return {
      sessionId: session.id,
      patientId: fixture.patient.id,
      clinicId: fixture.clinic.id,
      kind,
      channel: 'log',
      recipient: fixture.patient.email ?? 'nobody@example.test',
      subject: `${kind} of session ${index}`,
      body: `Body of ${kind} for session ${index}`,
      fingerprint: `session ${index} at ${session.scheduledAt}`,
      dueAt: '2026-01-01T09:00:00.000Z',
      ...overrides,
    };
  };
  return {
    fixture,
    sessions,
    draft,
    allDrafts: () => sessions.flatMap((_, i) => messageKinds.map((kind) => draft(i, kind))),
  };
}
