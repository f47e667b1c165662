import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../test-support/sample-assessment.js';
import { sessionLengthMinutes } from './session-length.js';

describe('sessionLengthMinutes', () => {
  it('adds the longest cream lead time to the longest procedure time when cream is offered', () => {
    // samplePlan: 20-40 minutes, cream offered with a 20-30 minute lead.
    expect(sessionLengthMinutes(samplePlan())).toBe(70);
  });

  it('is the longest procedure time without cream', () => {
    const plan = samplePlan();
    expect(sessionLengthMinutes({ ...plan, anaesthesia: { ...plan.anaesthesia, creamOffered: false } })).toBe(40);
  });

  it('rejects a non-positive length', () => {
    expect(() =>
      sessionLengthMinutes({
        durationMinutes: { min: 0, max: 0 },
        anaesthesia: { creamOffered: false, leadMinutes: { min: 0, max: 0 } },
      }),
    ).toThrow(RangeError);
  });
});
