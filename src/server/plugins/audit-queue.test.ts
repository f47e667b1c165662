import { describe, expect, it } from 'vitest';
import type { NewAuditEntry } from '../../storage/repositories/audit-repository.js';
import { auditQueue } from './audit-queue.js';

const entry = (n: number): NewAuditEntry => ({
  action: 'read',
  entity: 'patient',
  records: [{ entityId: `p${n}`, patientId: `p${n}` }],
  clinicId: 'c',
  userId: 'u',
  role: 'practitioner',
  route: 'GET /api/patients/:id',
});

describe('auditQueue', () => {
  it('commits the entries of concurrent reads together, and each caller only once they are stored', async () => {
    const batches: string[][] = [];
    let release: (() => void) | undefined;
    const queue = auditQueue(
      async (entries) => {
        batches.push(entries.map((e) => e.records[0]?.entityId ?? ''));
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      { delayMs: 1 },
    );
    let done = 0;
    const first = [1, 2, 3].map((n) => queue.append([entry(n)]).then(() => void done++));
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([['p1', 'p2', 'p3']]);
    expect(done).toBe(0);
    // While the first batch is being written, more reads queue up for the next one.
    const second = [4, 5].map((n) => queue.append([entry(n)]).then(() => void done++));
    release?.();
    await Promise.all([...first, ...second]);
    expect(batches).toEqual([
      ['p1', 'p2', 'p3'],
      ['p4', 'p5'],
    ]);
    expect(done).toBe(5);
    await queue.append([]);
    expect(batches).toHaveLength(2);
  });

  it('without a delay, batches the reads of one turn of the event loop', async () => {
    const batches: number[] = [];
    const queue = auditQueue(async (entries) => void batches.push(entries.length));
    await Promise.all([queue.append([entry(1)]), queue.append([entry(2), entry(3)])]);
    await queue.append([entry(4)]);
    expect(batches).toEqual([3, 1]);
  });

  it('fails every read of a batch that could not be stored, and goes on with the next', async () => {
    let calls = 0;
    const queue = auditQueue(
      async () => {
        if (++calls === 1) throw new Error('database is locked');
      },
      { delayMs: 1 },
    );
    const results = await Promise.allSettled([queue.append([entry(1)]), queue.append([entry(2)])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(queue.append([entry(3)])).resolves.toBeUndefined();
  });

  it('splits large backlogs by whole requests, and drains', async () => {
    const sizes: number[] = [];
    const queue = auditQueue(async (entries) => void sizes.push(entries.length), { maxBatch: 5, delayMs: 1 });
    const list = (n: number) => Array.from({ length: n }, (_, i) => entry(i));
    const pending = [queue.append(list(3)), queue.append(list(3)), queue.append(list(7)), queue.append(list(1))];
    await queue.drain();
    await Promise.all(pending);
    expect(sizes).toEqual([3, 3, 7, 1]);
  });
});
