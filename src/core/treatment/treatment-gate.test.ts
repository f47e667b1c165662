import { describe, expect, it } from 'vitest';
import { assess } from '../assessment/assess.js';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { describeBlockers, treatmentGate, type SessionScreening } from './treatment-gate.js';

const kb = testKnowledgeBase();
const day = '2026-11-22';

/** The intake assessed as of the session's day, as the server does. */
function assessed(patient: Record<string, unknown> = {}, date = day): SessionScreening {
  return { kind: 'assessed', assessment: assess(makeIntake({ patient, request: { date } }), kb) };
}

describe('the treatment gate', () => {
  it('lets an eligible patient be treated on the session’s day or after it', () => {
    for (const today of [day, '2026-12-01']) {
      const gate = treatmentGate({ screening: assessed(), sessionDate: day, today });
      expect(gate).toEqual({ future: false, verdict: 'eligible', blockers: [], allowed: true, overridable: false });
    }
  });

  it('precautions alone do not block', () => {
    const gate = treatmentGate({
      screening: assessed({ allergies: [{ substance: 'lidocaine' }] }),
      sessionDate: day,
      today: day,
    });
    expect(gate.verdict).toBe('eligible_with_precautions');
    expect(gate.allowed).toBe(true);
  });

  it('blocks a contraindicated patient with every reason, and no override', () => {
    const gate = treatmentGate({
      screening: assessed({ pregnant: true, conditions: [{ code: 'bleeding_disorder' }] }),
      sessionDate: day,
      today: day,
    });
    expect(gate.blockers.map((b) => [b.code, b.kind, b.overridable])).toEqual(
      expect.arrayContaining([
        ['PREGNANCY', 'absolute', false],
        ['BLEEDING_DISORDER', 'absolute', false],
      ]),
    );
    expect(gate.blockers.every((b) => b.sources.length > 0 && b.citations.length > 0)).toBe(true);
    expect(gate).toMatchObject({ verdict: 'contraindicated', allowed: false, overridable: false });
    expect(describeBlockers(gate)).toMatch(/PREGNANCY .*BLEEDING_DISORDER .*cannot be overridden/);
  });

  it('blocks a deferred patient, and lets a clinician override the temporary reason', () => {
    const gate = treatmentGate({
      screening: assessed({ medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: '2026-11-19' }] }),
      sessionDate: day,
      today: day,
    });
    expect(gate.blockers.map((b) => [b.code, b.kind, b.until, b.overridable])).toEqual([
      ['NSAID_WITHIN_7_DAYS', 'temporary', '2026-11-26', true],
    ]);
    expect(gate).toMatchObject({ verdict: 'defer', allowed: false, overridable: true });
    expect(describeBlockers(gate)).toMatch(/NSAID_WITHIN_7_DAYS .*may override/);
  });

  it('an absolute reason beside a temporary one leaves nothing to override', () => {
    const gate = treatmentGate({
      screening: assessed({
        pregnant: true,
        medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: '2026-11-19' }],
      }),
      sessionDate: day,
      today: day,
    });
    expect(gate.blockers.map((b) => [b.code, b.overridable])).toEqual(
      expect.arrayContaining([
        ['PREGNANCY', false],
        ['NSAID_WITHIN_7_DAYS', true],
      ]),
    );
    expect(gate.overridable).toBe(false);
  });

  it('an open screening question is answered in the intake, never overridden', () => {
    // The reason as the assessment reports an open question (a temporary reason, the verdict defer).
    const base = assess(makeIntake({ request: { date: day } }), kb);
    const incomplete = {
      ...base,
      verdict: 'defer' as const,
      reasons: [
        {
          code: 'SCREENING_INCOMPLETE',
          kind: 'temporary' as const,
          message: 'Open questions.',
          sources: [],
          citations: [],
        },
      ],
    };
    const gate = treatmentGate({
      screening: { kind: 'assessed', assessment: incomplete },
      sessionDate: day,
      today: day,
    });
    expect(gate.blockers.map((b) => [b.code, b.overridable])).toEqual([['SCREENING_INCOMPLETE', false]]);
    expect(gate).toMatchObject({ allowed: false, overridable: false });
  });

  it('blocks a session whose day has not come, even for an eligible patient, without override', () => {
    const gate = treatmentGate({ screening: assessed({}, '2026-11-23'), sessionDate: '2026-11-23', today: day });
    expect(gate.blockers.map((b) => [b.code, b.until, b.overridable])).toEqual([
      ['SESSION_IN_FUTURE', '2026-11-23', false],
    ]);
    expect(gate).toMatchObject({ future: true, allowed: false, overridable: false });
  });

  it('a deferred session in the future cannot be overridden either, and names both reasons', () => {
    const gate = treatmentGate({
      screening: assessed(
        { medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: '2026-11-21' }] },
        '2026-11-23',
      ),
      sessionDate: '2026-11-23',
      today: day,
    });
    expect(gate.blockers.map((b) => b.code)).toEqual(['NSAID_WITHIN_7_DAYS', 'SESSION_IN_FUTURE']);
    expect(gate.overridable).toBe(false);
  });

  it('blocks a patient without an intake, citing the examination the sources ask for', () => {
    const gate = treatmentGate({ screening: { kind: 'no_intake' }, sessionDate: day, today: day });
    expect(gate.blockers).toEqual([
      expect.objectContaining({ code: 'NO_INTAKE', overridable: false, citations: ['001_7e8de476e29357da.txt:4'] }),
    ]);
    expect(gate).toMatchObject({ verdict: null, allowed: false, overridable: false });
  });

  it('blocks a course the knowledge base cannot assess', () => {
    const gate = treatmentGate({
      screening: { kind: 'unassessable', problem: 'unknown indication "x"' },
      sessionDate: day,
      today: day,
    });
    expect(gate.blockers).toEqual([
      expect.objectContaining({
        code: 'UNKNOWN_TREATMENT',
        message: expect.stringContaining('unknown indication "x"'),
        overridable: false,
      }),
    ]);
    expect(gate.overridable).toBe(false);
  });
});
