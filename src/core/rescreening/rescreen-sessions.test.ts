import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase } from '../../test-support/intake-builder.js';
import { rescreenSessions } from './rescreen-sessions.js';

const kb = testKnowledgeBase();
const sessions = [
  { id: 's1', date: '2026-11-24' },
  { id: 's2', date: '2026-12-08' },
];

describe('re-screening upcoming sessions', () => {
  it('a pregnancy flags every upcoming session as contraindicated', () => {
    const out = rescreenSessions(makeIntake({ patient: { pregnant: true } }), sessions, kb);
    expect(out.map((s) => [s.sessionId, s.verdict, s.flagged])).toEqual([
      ['s1', 'contraindicated', true],
      ['s2', 'contraindicated', true],
    ]);
    expect(out[0]!.reasons[0]!.code).toBe('PREGNANCY');
  });

  it('each session is judged on its own date: an NSAID wait flags only the sessions inside it', () => {
    const out = rescreenSessions(
      makeIntake({ patient: { medications: [{ class: 'nsaid', lastDose: '2026-11-22' }] } }),
      sessions,
      kb,
    );
    expect(out.map((s) => [s.sessionId, s.verdict, s.flagged])).toEqual([
      ['s1', 'defer', true],
      ['s2', 'eligible', false],
    ]);
  });

  it('precautions alone do not flag a session', () => {
    const out = rescreenSessions(makeIntake({ request: { combineWith: ['botox'] } }), sessions, kb);
    expect(out.every((s) => s.verdict === 'eligible_with_precautions' && !s.flagged)).toBe(true);
  });

  it("uses the course's own treatment when given", () => {
    const intake = makeIntake({ patient: { recentProcedures: [{ type: 'hair_transplant', date: '2026-10-01' }] } });
    const [face, scalp] = rescreenSessions(
      intake,
      [
        { id: 'face', date: '2026-11-24' },
        { id: 'scalp', date: '2026-11-24', indication: 'hair_loss', area: 'scalp' },
      ],
      kb,
    );
    expect(face!.flagged).toBe(false);
    expect(scalp!.reasons.map((r) => r.code)).toEqual(['HAIR_TRANSPLANT_UNDER_6_MONTHS']);
  });
});
