import { describe, expect, it } from 'vitest';
import { assess } from '../assessment/assess.js';
import { makeIntake, testKnowledgeBase, type IntakeOverrides } from '../../test-support/intake-builder.js';
import { portalOutcome } from './portal-outcome.js';

const kb = testKnowledgeBase();
const outcomeOf = (overrides: IntakeOverrides) => portalOutcome(assess(makeIntake(overrides), kb));

describe('portalOutcome', () => {
  it('lets an eligible patient book online', () => {
    expect(outcomeOf({})).toBe('bookable');
  });

  it('books online with precautions the practitioner applies at the session', () => {
    expect(outcomeOf({ request: { area: 'periorbital', indication: 'under_eye' } })).toBe('bookable');
  });

  it('never books a contraindicated patient', () => {
    expect(outcomeOf({ patient: { conditions: [{ code: 'bleeding_disorder' }] } })).toBe('contraindicated');
  });

  it('never books a deferred patient, even with a date to wait for', () => {
    const result = assess(makeIntake({ patient: { medications: [{ class: 'nsaid', lastDose: '2026-11-20' }] } }), kb);
    expect(result.verdict).toBe('defer');
    expect(result.reasons[0]?.until).toBeDefined();
    expect(portalOutcome(result)).toBe('deferred');
  });

  it('fails closed on an open screening question', () => {
    expect(outcomeOf({ patient: { pregnant: undefined } })).toBe('screening_incomplete');
  });

  it('sends combined procedures, or an area the sources do not describe, to a clinician first', () => {
    expect(outcomeOf({ request: { combineWith: ['botox'] } })).toBe('clinician_first');
    expect(outcomeOf({ request: { indication: 'hair_loss', area: 'face' } })).toBe('clinician_first');
  });

  it('fails closed on a precaution it does not know', () => {
    const result = assess(makeIntake({}), kb);
    const unknown = { ...result, verdict: 'eligible_with_precautions' as const, precautions: [{ code: 'NEW_ONE' }] };
    expect(portalOutcome(unknown as unknown as typeof result)).toBe('clinician_first');
  });
});
