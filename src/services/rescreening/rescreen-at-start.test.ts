import { pino } from 'pino';
import { beforeAll, expect, it } from 'vitest';
import { createClinicFixture, type ClinicFixture } from '../../test-support/clinic-fixture.js';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { bookHealthyCourse } from '../../test-support/stored-records.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { tryExclusively } from '../../storage/advisory-lock.js';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { startRescreening, type RunAlone } from './rescreen-at-start.js';

const kb = testKnowledgeBase();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A logger that keeps the messages it was given. */
function recordingLogger(): { logger: pino.Logger; messages: string[] } {
  const messages: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void messages.push(JSON.parse(line).msg) });
  return { logger, messages };
}

forEachEngine('re-screening at server start, with several server processes', (getDb, engine) => {
  let repos: Repositories;
  let fixture: ClinicFixture;

  beforeAll(async () => {
    repos = createRepositories(getDb());
    fixture = await createClinicFixture(repos, { tag: `rescreen-start-${Date.now()}`, passwordHash: 'unused' });
    for (const patient of [fixture.patient, fixture.otherPatient]) {
      const intake = makeIntake({ patient: { birthDate: patient.birthDate } });
      await repos.intakes.create({ patientId: patient.id, data: intake, createdBy: null });
      await bookHealthyCourse(repos, patient, kb, [inDays(5), inDays(40)]);
    }
  });

  it('does nothing, and says so, when another process is running it', async () => {
    const { logger, messages } = recordingLogger();
    const busy: RunAlone = async () => ({ ran: false });
    const started = startRescreening(repos, { ...kb, version: `${kb.version}-skipped` }, logger, { runAlone: busy });
    expect(await started.done).toBeUndefined();
    await started.stop();
    expect(messages).toEqual(['re-screening of upcoming sessions skipped: another server process is running it']);
    const outdated = await repos.screening.outdatedSessions({
      knowledgeBaseVersion: `${kb.version}-skipped`,
      after: new Date().toISOString(),
      limit: 10,
      clinicId: fixture.clinic.id,
    });
    expect(outdated.sessions).toHaveLength(4);
  });

  // SQLite: one server process holds the data folder, so there is no second process to keep out.
  it.runIf(engine === 'postgres')('runs once when two processes start it at once under the database lock', async () => {
    const version = `${kb.version}-twice`;
    const runAlone: RunAlone = (work) => tryExclusively(getDb(), 're-screening at start', work);
    const starts = [1, 2].map(() =>
      startRescreening(repos, { ...kb, version }, recordingLogger().logger, { runAlone }),
    );
    const summaries = await Promise.all(starts.map((s) => s.done));
    const ran = summaries.filter((s) => s !== undefined);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ patients: 2, sessions: 4, failed: 0 });
  });
});
