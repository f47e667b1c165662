import { describe, expect, it } from 'vitest';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { makeIntake, type IntakeOverrides } from '../../test-support/intake-builder.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { assess } from './assess.js';
import type { AssessmentResult, Verdict } from './assessment-result.js';

/**
 * An intake's words are read in every language of the library, whoever reads the result: the English
 * knowledge base (the one re-screening uses, and an English reader's) recognises a condition,
 * procedure or allergy written in Turkish, and decides on it exactly as on the English word.
 */
const library = loadKnowledgeLibrary();
const en = library.base;
const tr = library.for('tr');

const run = (o: IntakeOverrides, kb: KnowledgeBase = en) => assess(makeIntake(o), kb);
const codes = (result: AssessmentResult) => result.reasons.map((r) => r.code);
const questions = (result: AssessmentResult) =>
  result.reasons.find((r) => r.code === 'SCREENING_INCOMPLETE')?.questions ?? [];
const strictness: Record<Verdict, number> = {
  eligible: 0,
  eligible_with_precautions: 1,
  defer: 2,
  contraindicated: 3,
};

/** Answers that leave nothing open, and answers that make each condition's rule apply. */
const answered = { controlled: true, insulinDependent: false, active: false, medicationCount: 0, date: '2020-01-01' };
const restrictive = { controlled: false, insulinDependent: true, active: true, medicationCount: 2, date: '2026-10-01' };

describe('Turkish intake words read by the English knowledge base', () => {
  it('every Turkish name and alias of a condition decides as its English code does, with any answers', () => {
    let checked = 0;
    for (const condition of tr.data.screening.conditions)
      for (const word of [condition.name, ...condition.aliases])
        for (const answers of [{}, answered, restrictive]) {
          const written = run({ patient: { conditions: [{ code: word, ...answers }] } });
          const coded = run({ patient: { conditions: [{ code: condition.code, ...answers }] } });
          expect(written, `${word} ${JSON.stringify(answers)}`).toEqual(coded);
          expect(questions(written)).not.toContain('patient.conditions[0].code');
          checked++;
        }
    expect(checked).toBeGreaterThan(300);
  });

  it('every Turkish name and alias of a recent procedure, and of an ingredient as an allergy', () => {
    for (const procedure of tr.data.screening.procedureTypes)
      for (const word of [procedure.name, ...procedure.aliases])
        expect(run({ patient: { recentProcedures: [{ type: word, date: '2026-11-19' }] } }), word).toEqual(
          run({ patient: { recentProcedures: [{ type: procedure.code, date: '2026-11-19' }] } }),
        );
    for (const ingredient of tr.data.ingredients.ingredients)
      for (const word of [ingredient.name, ...ingredient.aliases])
        expect(run({ patient: { allergies: [{ substance: word }] } }), word).toEqual(
          run({ patient: { allergies: [{ substance: ingredient.id }] } }),
        );
  });

  it('matches contraindicated conditions typed in Turkish, however typed: not merely incomplete', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['İNME GEÇİRDİM', {}, 'STROKE_HISTORY'],
      ['beyin kanamasi', {}, 'STROKE_HISTORY'],
      ['Şeker hastasıyım', { insulinDependent: true, controlled: true }, 'INSULIN_DEPENDENT_DIABETES'],
      ['hemofili', {}, 'BLEEDING_DISORDER'],
      ['Pıhtılaşma bozukluğu', {}, 'BLEEDING_DISORDER'],
      ['KALP HASTASIYIM', { medicationCount: 1, controlled: true }, 'HEART_DISEASE_MEDICATED'],
      ['kanser gecirdim', { active: false }, 'CANCER'],
      ['kurdeşen', {}, 'URTICARIA'],
    ];
    for (const [word, answers, code] of cases) {
      const result = run({ patient: { conditions: [{ code: word, ...answers }] } });
      expect(result.verdict, word).toBe('contraindicated');
      expect(codes(result), word).toEqual([code]);
    }
  });

  it('matches an allergy and a recent procedure typed in Turkish', () => {
    const allergy = run({ patient: { allergies: [{ substance: 'SODYUM HİYALÜRONAT' }] } });
    expect(allergy.verdict).toBe('contraindicated');
    expect(codes(allergy)).toEqual(['INGREDIENT_ALLERGY']);
    const excluded = run({ patient: { allergies: [{ substance: 'c vitamini' }] } });
    expect(excluded.precautions.map((p) => p.code)).toContain('ALLERGEN_EXCLUDED');
    expect(questions(excluded)).toEqual([]);
    const laser = run({ patient: { recentProcedures: [{ type: 'Lazer epilasyon', date: '2026-11-19' }] } });
    expect(codes(laser)).toEqual(['RECENT_LASER_OR_PEEL']);
  });

  it('gives a Turkish wording a verdict at least as strict as the English wording, in either reader', () => {
    const pairs: [IntakeOverrides, IntakeOverrides][] = [
      [{ patient: { conditions: [{ code: 'inme' }] } }, { patient: { conditions: [{ code: 'stroke' }] } }],
      [
        { patient: { conditions: [{ code: 'yüksek tansiyon', controlled: false }] } },
        { patient: { conditions: [{ code: 'high blood pressure', controlled: false }] } },
      ],
      [
        { patient: { allergies: [{ substance: 'lidokain' }] } },
        { patient: { allergies: [{ substance: 'lidocaine' }] } },
      ],
      // Pregnancy is a yes/no answer, not a word list: typed as a condition, it stays an open
      // question in either language, never read as "no".
      [{ patient: { conditions: [{ code: 'hamileyim' }] } }, { patient: { conditions: [{ code: 'pregnant' }] } }],
    ];
    for (const [turkish, english] of pairs)
      for (const kb of [en, tr]) {
        const a = run(turkish, kb);
        const b = run(english, kb);
        expect(strictness[a.verdict], JSON.stringify(turkish)).toBeGreaterThanOrEqual(strictness[b.verdict]);
        expect(codes(a)).toEqual(codes(b));
      }
    expect(run({ patient: { conditions: [{ code: 'hamileyim' }] } }).verdict).toBe('defer');
  });

  it('never reads a Turkish denial as "no": a denied condition stays an open question', () => {
    for (const written of ['inme yok', 'şeker hastalığı yok', 'kalp hastalığım yok', 'hamile değilim']) {
      const result = run({ patient: { conditions: [{ code: written }] } });
      expect(result.verdict, written).toBe('defer');
      expect(questions(result), written).toEqual(['patient.conditions[0].code']);
    }
  });

  it('leaves words no language knows open, as before', () => {
    const result = run({ patient: { conditions: [{ code: 'inmeli' }], allergies: [{ substance: 'lateks' }] } });
    expect(questions(result)).toEqual(['patient.conditions[0].code', 'patient.allergies[0].substance']);
  });
});
