import { describe, expect, it } from 'vitest';
import { assess } from '../../core/assessment/assess.js';
import { deepFreeze } from '../../core/deep-freeze.js';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { frozenAwareJson, sharedJsonTexts } from './frozen-json.js';

describe('frozenAwareJson', () => {
  it('writes exactly what JSON.stringify writes', () => {
    const shared = deepFreeze({ a: [1, 'two', null, { b: true }], 'quote"key': 'line\nbreak \u0000' });
    const values: unknown[] = [
      null,
      1.5,
      'text',
      [],
      {},
      [undefined, () => 1, shared],
      { skip: undefined, fn: () => 1, keep: shared, nested: { list: [shared, 2] } },
    ];
    for (const value of values) expect(frozenAwareJson(value)).toBe(JSON.stringify(value));
  });

  it('matches JSON.stringify on assessment results, whose plans are shared and frozen', () => {
    const kb = testKnowledgeBase();
    const intakes = [
      makeIntake(),
      makeIntake({ patient: { pregnant: true } }),
      makeIntake({ patient: { allergies: [{ substance: 'lidocaine' }], needleFear: true }, request: { area: 'neck' } }),
      makeIntake({ patient: { medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: '2026-11-20' }] } }),
    ];
    for (const intake of intakes) expect(frozenAwareJson(assess(intake, kb))).toBe(JSON.stringify(assess(intake, kb)));
  });
});

describe('sharedJsonTexts', () => {
  it('hands out one string per distinct value, and the right one', () => {
    const text = sharedJsonTexts((json) => json, 2);
    const plan = deepFreeze({ steps: [1, 2, 3] });
    const a = text({ verdict: 'eligible', plan });
    expect(a).toBe(JSON.stringify({ verdict: 'eligible', plan }));
    expect(text({ verdict: 'eligible', plan })).toBe(a);
    expect(text({ verdict: 'eligible', plan: deepFreeze({ steps: [1] }) })).toBe(
      '{"verdict":"eligible","plan":{"steps":[1]}}',
    );
    // Past its limit the cache starts again, and still answers correctly.
    expect(text({ verdict: 'defer' })).toBe('{"verdict":"defer"}');
    expect(text({ verdict: 'eligible', plan })).toBe(a);
  });

  it('turns each distinct value into its stored text once', () => {
    let calls = 0;
    const text = sharedJsonTexts((json) => `stored:${(calls += 1)}:${json}`);
    expect(text({ a: 1 })).toBe('stored:1:{"a":1}');
    expect(text({ a: 1 })).toBe('stored:1:{"a":1}');
    expect(text({ a: 2 })).toBe('stored:2:{"a":2}');
  });
});
