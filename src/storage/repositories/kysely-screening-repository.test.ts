import { beforeAll, expect, it } from 'vitest';
import { createClinicFixture, type ClinicFixture } from '../../test-support/clinic-fixture.js';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { PatientRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from './repositories.js';
import type { OutdatedSession, ScheduleKey } from './screening-repository.js';
import { bookHealthyCourse } from '../../test-support/stored-records.js';

const kb = testKnowledgeBase();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

forEachEngine('screening repository: paging through outdated sessions', (getDb) => {
  let repos: Repositories;
  let fixture: ClinicFixture;
  let other: ClinicFixture;
  const version = 'paging-test';
  /** Several sessions share each instant (as a clinic's slots do): the paging key must still order them. */
  const [soon, later, last] = [inDays(3), inDays(5), inDays(9)];
  const slots = [soon, soon, soon, later, later, last];

  const book = (patient: PatientRecord, times: string[]) => bookHealthyCourse(repos, patient, kb, times);

  async function allPages(limit: number, clinicId?: string): Promise<OutdatedSession[]> {
    const seen: OutdatedSession[] = [];
    let afterSession: ScheduleKey | undefined;
    for (;;) {
      const page = await repos.screening.outdatedSessions({
        knowledgeBaseVersion: version,
        after: new Date().toISOString(),
        limit,
        ...(clinicId ? { clinicId } : {}),
        ...(afterSession ? { afterSession } : {}),
      });
      expect(page.sessions.length).toBeLessThanOrEqual(limit);
      seen.push(...page.sessions);
      if (!page.next) return seen;
      afterSession = page.next;
    }
  }

  beforeAll(async () => {
    repos = createRepositories(getDb());
    fixture = await createClinicFixture(repos, { tag: `paging-${Date.now()}`, passwordHash: 'unused' });
    other = await createClinicFixture(repos, { tag: `paging-other-${Date.now()}`, passwordHash: 'unused' });
    await book(fixture.patient, [slots[0] ?? '', slots[3] ?? '', inDays(-1)]);
    await book(fixture.otherPatient, [slots[1] ?? '', slots[4] ?? '', slots[5] ?? '']);
    await book(other.patient, [slots[2] ?? '']);
  });

  it('gives every upcoming session once, in schedule order, whatever the page size', async () => {
    const everything = await allPages(1000, fixture.clinic.id);
    expect(everything).toHaveLength(5);
    expect(everything.map((s) => s.scheduledAt)).toEqual([...everything.map((s) => s.scheduledAt)].sort());
    for (const limit of [1, 2, 3]) expect(await allPages(limit, fixture.clinic.id)).toEqual(everything);
    expect(new Set(everything.map((s) => s.patientId))).toEqual(new Set([fixture.patient.id, fixture.otherPatient.id]));
  });

  it('covers every clinic when none is named', async () => {
    const all = await allPages(2);
    const ids = new Set(all.map((s) => s.patientId));
    expect(ids.has(other.patient.id)).toBe(true);
    expect(ids.has(fixture.patient.id)).toBe(true);
  });

  it("reads several patients' upcoming sessions at once, and leaves out those marked screened", async () => {
    const targets = await repos.screening.upcomingSessionsOf(
      [fixture.patient.id, fixture.otherPatient.id, 'nobody'],
      new Date().toISOString(),
    );
    expect(targets).toHaveLength(5);
    expect(
      targets.every(
        (t) =>
          t.clinicId === fixture.clinic.id &&
          t.screenedWith === null &&
          t.flag === null &&
          t.timeZone &&
          t.indication &&
          t.area,
      ),
    ).toBe(true);
    expect(targets.map((t) => t.sessionId)).toEqual((await allPages(1000, fixture.clinic.id)).map((s) => s.sessionId));
    const [first, ...rest] = targets;
    await repos.screening.markScreened(
      rest.map((t) => t.sessionId),
      version,
    );
    expect((await allPages(2, fixture.clinic.id)).map((s) => s.sessionId)).toEqual([first?.sessionId]);
    const marked = await repos.screening.upcomingSessions(fixture.otherPatient.id, new Date().toISOString());
    expect(marked.every((t) => t.screenedWith === version)).toBe(true);
    // Another version finds them all outdated again.
    expect(
      (
        await repos.screening.outdatedSessions({
          knowledgeBaseVersion: `${version}-next`,
          after: new Date().toISOString(),
          limit: 100,
          clinicId: fixture.clinic.id,
        })
      ).sessions,
    ).toHaveLength(5);
    expect(await repos.screening.upcomingSessionsOf([], new Date().toISOString())).toEqual([]);
  });

  it('leaves out sessions that are no longer planned', async () => {
    const [only] = await allPages(10, fixture.clinic.id);
    expect(only).toBeDefined();
    await getDb()
      .updateTable('treatment_sessions')
      .set({ status: 'cancelled' })
      .where('id', '=', only?.sessionId ?? '')
      .execute();
    expect(await allPages(10, fixture.clinic.id)).toEqual([]);
  });
});
