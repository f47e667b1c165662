import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { assess } from './assess.js';

const kb = testKnowledgeBase();

describe('verdict precedence', () => {
  it('contraindicated beats defer: both reasons are listed, none hidden', () => {
    const result = assess(
      makeIntake({ patient: { pregnant: true, medications: [{ class: 'nsaid', lastDose: '2026-11-21' }] } }),
      kb,
    );
    expect(result.verdict).toBe('contraindicated');
    expect(result.reasons.map((r) => [r.code, r.kind])).toEqual([
      ['PREGNANCY', 'absolute'],
      ['NSAID_WITHIN_7_DAYS', 'temporary'],
    ]);
  });

  it('defer beats precautions, which stay listed', () => {
    const result = assess(
      makeIntake({ patient: { site: { skinDamage: true } }, request: { combineWith: ['prp'] } }),
      kb,
    );
    expect(result.verdict).toBe('defer');
    expect(result.precautions.map((p) => p.code)).toEqual(['SPECIALIST_DECISION']);
  });

  it('precautions alone give eligible_with_precautions; nothing gives eligible', () => {
    expect(assess(makeIntake({ request: { combineWith: ['filler'] } }), kb).verdict).toBe('eligible_with_precautions');
    expect(assess(makeIntake({}), kb).verdict).toBe('eligible');
  });

  it('is deterministic and carries the knowledge-base version', () => {
    const intake = makeIntake({ patient: { medications: [{ class: 'nsaid', lastDose: '2026-11-20' }] } });
    expect(JSON.stringify(assess(intake, kb))).toBe(JSON.stringify(assess(intake, kb)));
    expect(assess(intake, kb).knowledgeBase.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
  });

  it('unknown indication or area is an error naming the field', () => {
    expect(() => assess(makeIntake({ request: { indication: 'tattoo_removal' } }), kb)).toThrow(
      /^request\.indication: unknown indication/,
    );
    expect(() => assess(makeIntake({ request: { area: 'elbow' } }), kb)).toThrow(/^request\.area: unknown area/);
  });
});
