import { randomInt } from 'node:crypto';
import type { HttpClient, HttpResponse } from './http-client.js';
import { newIntake, newPatient, newPhone } from './patient-stories.js';
import { WriteLog, type Story, type Write, type WriteKind } from './write-log.js';

export interface WriteStream {
  /** Requests sent and not yet answered. */
  inFlight(): number;
  /** Resolves once the log holds `count` acknowledged writes; rejects if every writer stopped first. */
  untilAcked(count: number): Promise<void>;
  /** Writers finish the request they are on and stop. */
  stop(): Promise<void>;
  /** Resolves when every writer has stopped (after stop(), or once the server stopped answering). */
  settled: Promise<void>;
}

export interface StreamOptions {
  concurrency: number;
  /** Writes after a patient's registration: intakes (patient, intake and assessment rows, audit) and phone changes. */
  writesPerPatient?: [min: number, max: number];
}

function describe(response: HttpResponse): string {
  return `${response.status} ${JSON.stringify(response.body).slice(0, 500)}`;
}

/**
 * Concurrent writers, each working through patients one at a time: register, then a few intakes
 * and phone changes in a random order. A writer whose request gets no answer (the server died)
 * stops, so each patient has at most one write of unknown outcome, its last.
 */
export function startWriteStream(client: HttpClient, log: WriteLog, options: StreamOptions): WriteStream {
  const [minWrites, maxWrites] = options.writesPerPatient ?? [2, 5];
  let inFlight = 0;
  let stopping = false;
  const waiters: { count: number; resolve: () => void; reject: (error: Error) => void }[] = [];

  const notify = () => {
    for (const waiter of [...waiters]) {
      if (log.acked < waiter.count) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };

  /** Sends one write; undefined when the writer must stop (no answer, or not a 2xx one). */
  async function perform(
    story: Story,
    kind: WriteKind,
    method: string,
    path: string,
    body: unknown,
  ): Promise<Write | undefined> {
    const write: Write = { kind, sentAt: log.now(), outcome: 'pending', body };
    story.writes.push(write);
    inFlight++;
    let response: HttpResponse;
    try {
      response = await client.request(method, path, body);
    } catch {
      write.outcome = 'unknown';
      write.lostAt = log.now();
      return undefined;
    } finally {
      inFlight--;
    }
    if (response.status < 200 || response.status > 299) {
      write.outcome = 'failed';
      write.failure = describe(response);
      return undefined;
    }
    write.outcome = 'acked';
    write.ackedAt = log.now();
    const answer = response.body as {
      id?: string;
      intake?: { id: string };
      assessment?: { id: string; verdict: string };
    };
    if (kind === 'intake') {
      write.id = answer.intake?.id;
      write.assessmentId = answer.assessment?.id;
      write.verdict = answer.assessment?.verdict;
    } else {
      write.id = answer.id;
    }
    log.countAck();
    notify();
    return write;
  }

  async function writer(): Promise<void> {
    while (!stopping) {
      const story: Story = { patient: newPatient(), writes: [] };
      const storyIndex = log.stories.push(story) - 1;
      const created = await perform(story, 'create-patient', 'POST', '/api/patients', story.patient);
      if (!created?.id) return;
      const steps = randomInt(minWrites, maxWrites + 1);
      for (let step = 0; step < steps && !stopping; step++) {
        const done =
          randomInt(3) < 2
            ? await perform(story, 'intake', 'POST', `/api/patients/${created.id}/intakes`, newIntake(story.patient))
            : await perform(story, 'patch-phone', 'PATCH', `/api/patients/${created.id}`, {
                phone: newPhone(storyIndex, story.writes.length),
              });
        if (!done) return;
      }
    }
  }

  const settled = Promise.all(Array.from({ length: options.concurrency }, () => writer())).then(() => {
    for (const waiter of waiters.splice(0))
      waiter.reject(
        new Error(
          `every writer stopped at ${log.acked} acknowledged writes, before ${waiter.count}; failures: ${failures(log).join('; ') || 'none'}`,
        ),
      );
  });

  return {
    inFlight: () => inFlight,
    untilAcked(count) {
      if (log.acked >= count) return Promise.resolve();
      return new Promise((resolve, reject) => waiters.push({ count, resolve, reject }));
    },
    async stop() {
      stopping = true;
      await settled;
    },
    settled,
  };
}

/** Writes that got an answer other than 2xx, described. */
export function failures(log: WriteLog): string[] {
  return log.writes().flatMap((w) => (w.outcome === 'failed' ? [`${w.kind}: ${w.failure ?? '?'}`] : []));
}
