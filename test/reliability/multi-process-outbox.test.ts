import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { messageWorkerRoute } from '../../src/services/messaging/outbox-worker.js';
import {
  startTestSmtpServer,
  type TestSmtpServer,
} from '../../src/services/messaging/test-support/test-smtp-server.js';
import type { ClinicFixture } from '../../src/test-support/clinic-fixture.js';
import { auditedRecords } from '../../src/test-support/audited-records.js';
import { freePort } from './support/free-port.js';
import { spawnMesodesk, type MesodeskProcess } from './support/mesodesk-process.js';
import { createSharedDatabase, postgresUnderTest, seedClinic, type SharedDatabase } from './support/shared-postgres.js';

/**
 * Every server process runs the outbox worker. Three of them, each with its own sender address (so
 * the mail server can tell who sent what), against one outbox of messages all due at once, with a
 * slow mail server so that their runs overlap: each message must arrive once.
 */

const processes = 3;
const messages = 60;

describe.skipIf(!postgresUnderTest)(`the outbox with ${processes} server processes sending [postgres]`, () => {
  let dir = '';
  let shared: SharedDatabase | undefined;
  let smtp: TestSmtpServer | undefined;
  let servers: MesodeskProcess[] = [];
  let fixture: ClinicFixture;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mesodesk-outbox-'));
    shared = await createSharedDatabase();
    fixture = await seedClinic(shared.repos, 'outbox');
    smtp = await startTestSmtpServer({ delayMs: 40 });
    const url = smtp.url;
    servers = await Promise.all(
      Array.from({ length: processes }, async (_, i) =>
        spawnMesodesk({
          env: {
            DATABASE_URL: shared?.url,
            MESODESK_DATA_DIR: join(dir, 'data'),
            MESODESK_SMTP_URL: url,
            MESODESK_SMTP_FROM: `server-${i}@outbox.test`,
            MESODESK_MESSAGE_INTERVAL_SECONDS: '1',
          },
          port: await freePort(),
        }),
      ),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    await smtp?.close();
    await shared?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test(`${messages} messages due at once are each sent exactly once, and audited once`, async () => {
    if (!shared || !smtp) throw new Error('not started');
    const { repos, db } = shared;
    const dueAt = new Date(Date.now() - 60_000).toISOString();
    const queued = await repos.transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < messages; i++) {
        const message = await tx.outbox.enqueueForStaff({
          clinicId: fixture.clinic.id,
          kind: 'denial_alert',
          channel: 'email',
          recipient: `admin-${i}@outbox.test`,
          subject: `Alert ${i}`,
          body: `Alert number ${i}`,
          fingerprint: `alert-${i}`,
          dueAt,
        });
        ids.push(message.id);
      }
      return ids;
    });

    const rows = async () =>
      db.selectFrom('outbox_messages').select(['id', 'status', 'attempts']).where('id', 'in', queued).execute();
    const deadline = Date.now() + 25_000;
    while ((await rows()).some((r) => r.status !== 'sent') && Date.now() < deadline) await sleep(200);
    // A second delivery of any of them would come in now.
    await sleep(1_500);

    expect((await rows()).map((r) => [r.status, Number(r.attempts)])).toEqual(queued.map(() => ['sent', 1]));
    const received = smtp.received.map((m) => /^<(.+)@mesodesk>$/.exec(m.headers['message-id'] ?? '')?.[1]);
    expect(received).toHaveLength(messages);
    expect(new Set(received)).toEqual(new Set(queued));
    // The processes shared the work: each message went out from one of them, more than one sending.
    const senders = new Set(smtp.received.map((m) => m.from));
    expect(senders.size).toBeGreaterThan(1);
    const audit = auditedRecords(
      await repos.audit.list({ clinicId: fixture.clinic.id, entity: 'outbox_message', limit: 10_000, offset: 0 }),
    ).filter((e) => e.route === messageWorkerRoute);
    expect(audit.map((e) => e.entityId).sort()).toEqual([...queued].sort());
  });
});
