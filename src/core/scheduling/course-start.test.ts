import { describe, expect, it } from 'vitest';
import type { Reason } from '../assessment/assessment-result.js';
import { samplePlan } from '../../test-support/sample-assessment.js';
import { courseStartFromAssessment } from './course-start.js';

const reason = (code: string, kind: Reason['kind'], until?: string): Reason => ({
  code,
  kind,
  message: code,
  sources: ['s'],
  citations: ['s:1'],
  ...(until ? { until } : {}),
});

describe('courseStartFromAssessment', () => {
  it('allows booking at once when eligible', () => {
    expect(courseStartFromAssessment({ verdict: 'eligible', reasons: [], plan: samplePlan() })).toEqual({
      schedulable: true,
    });
  });

  it('starts a deferred course on the latest `until` of its reasons', () => {
    const reasons = [reason('RECENT_PEEL', 'temporary', '2026-12-06'), reason('NSAID', 'temporary', '2026-11-30')];
    expect(courseStartFromAssessment({ verdict: 'defer', reasons, plan: samplePlan() })).toEqual({
      schedulable: true,
      earliestStart: '2026-12-06',
    });
  });

  it('refuses a deferral without a date, a contraindication, or a missing plan', () => {
    expect(
      courseStartFromAssessment({
        verdict: 'defer',
        reasons: [reason('ACUTE_INFECTION', 'temporary')],
        plan: samplePlan(),
      }),
    ).toMatchObject({ schedulable: false, reason: 'deferred_without_date' });
    expect(
      courseStartFromAssessment({ verdict: 'contraindicated', reasons: [reason('PREGNANCY', 'absolute')] }),
    ).toMatchObject({ schedulable: false, reason: 'contraindicated' });
    expect(courseStartFromAssessment({ verdict: 'eligible', reasons: [] })).toMatchObject({
      schedulable: false,
      reason: 'no_plan',
    });
  });
});
