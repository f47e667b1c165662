import { describe, expect, it } from 'vitest';
import { changedTables, snapshotDatabase } from '../../../src/test-support/database-snapshot.js';
import { forEachEngine } from '../../../src/test-support/test-databases.js';
import { blameMismatch } from './route-fuzzer.js';

/** The fuzzer's own checks catch what they are there to catch. */

describe('blameMismatch', () => {
  const problems = (...fields: string[]) => fields.map((field) => ({ field, message: 'is wrong' }));
  const none = new Set<string>();

  it('wants the broken field, or one inside or around it', () => {
    const blame = { kind: 'field', field: 'points[0].x' } as const;
    expect(blameMismatch(problems('points[0].x'), blame, '{}', none)).toBeUndefined();
    expect(blameMismatch(problems('points[0]'), blame, '{}', none)).toBeUndefined();
    expect(blameMismatch(problems('points'), blame, '{}', none)).toBeUndefined();
    expect(blameMismatch(problems('points[1].x'), blame, '{}', none)).toMatch(/not points\[0\]\.x/);
    expect(blameMismatch(problems('(body)'), blame, '{}', none)).toMatch(/names \(body\)/);
    expect(blameMismatch(problems('pointsx'), { kind: 'field', field: 'points' }, '{}', none)).toBeDefined();
  });

  it('accepts another field when a rule between the two names the broken one in its message', () => {
    const because = [{ field: 'anaesthesiaAgent', message: 'must be empty when anaesthesiaUsed is false' }];
    expect(blameMismatch(because, { kind: 'field', field: 'anaesthesiaUsed' }, '{}', none)).toBeUndefined();
    expect(blameMismatch(because, { kind: 'field', field: 'anaesthesia' }, '{}', none)).toBeDefined();
    expect(blameMismatch(because, { kind: 'field', field: 'points[0]' }, '{}', none)).toBeDefined();
  });

  it('accepts (body) for a body the parser refuses whole, and the fields a refused body was refused for', () => {
    const blame = { kind: 'field', field: 'name' } as const;
    expect(blameMismatch(problems('(body)'), blame, '{"name":{"__proto__":{"x":1}}}', none)).toBeUndefined();
    expect(blameMismatch(problems('role'), blame, '{}', new Set(['role']))).toBeUndefined();
    expect(blameMismatch(problems('role', 'other'), blame, '{}', new Set(['role']))).toBeDefined();
  });

  it('wants a sent or declared field for a hostile body, a sent key for a hostile query, the parameter for a hostile path', () => {
    expect(blameMismatch(problems('name', '(body)'), { kind: 'fields', fields: ['name'] }, '', none)).toBeUndefined();
    expect(blameMismatch(problems('name.first'), { kind: 'fields', fields: ['name'] }, '', none)).toBeUndefined();
    expect(blameMismatch(problems('email'), { kind: 'fields', fields: ['name'] }, '', none)).toBeDefined();
    expect(blameMismatch(problems('limit'), { kind: 'query', keys: ['limit', 'x'] }, '', none)).toBeUndefined();
    expect(blameMismatch(problems('offset'), { kind: 'query', keys: ['limit'] }, '', none)).toBeDefined();
    expect(
      blameMismatch([{ field: 'to', message: 'must be after from' }], { kind: 'query', keys: ['from', ''] }, '', none),
    ).toBeUndefined();
    expect(
      blameMismatch([{ field: 'to', message: 'must be after from' }], { kind: 'query', keys: ['', 'x'] }, '', none),
    ).toBeDefined();
    expect(blameMismatch(problems('id'), { kind: 'path', param: 'id', decodable: true }, '', none)).toBeUndefined();
    expect(blameMismatch(problems('(path)'), { kind: 'path', param: 'id', decodable: true }, '', none)).toBeDefined();
    expect(
      blameMismatch(problems('(path)'), { kind: 'path', param: 'id', decodable: false }, '', none),
    ).toBeUndefined();
  });
});

forEachEngine('database snapshots', (getDb, engine) => {
  it('see a row added, a row changed and a row put back, and nothing else', async () => {
    const db = getDb();
    const at = '2026-01-01T00:00:00.000Z';
    const empty = await snapshotDatabase(db);
    expect(empty.tables.size).toBeGreaterThan(10);
    expect(changedTables(empty, await snapshotDatabase(db, empty))).toEqual([]);
    // SQLite's connection wrote nothing since: the same snapshot, without reading the tables again.
    if (engine === 'sqlite') expect(await snapshotDatabase(db, empty)).toBe(empty);

    await db.insertInto('clinics').values({ id: 'c1', name: 'One', created_at: at, updated_at: at }).execute();
    const added = await snapshotDatabase(db, empty);
    expect(changedTables(empty, added)).toEqual(['clinics: 0 → 1 rows']);

    await db.updateTable('clinics').set({ name: 'Two' }).where('id', '=', 'c1').execute();
    const renamed = await snapshotDatabase(db, added);
    expect(changedTables(added, renamed)).toEqual(['clinics: content changed (1 rows)']);

    // Written, but to what it was: the content is the same.
    await db.updateTable('clinics').set({ name: 'Two' }).where('id', '=', 'c1').execute();
    expect(changedTables(renamed, await snapshotDatabase(db, renamed))).toEqual([]);
  });
});
