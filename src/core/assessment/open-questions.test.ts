import { describe, expect, it } from 'vitest';
import { makeIntake, testKnowledgeBase, type IntakeOverrides } from '../../test-support/intake-builder.js';
import { assess } from './assess.js';
import { openQuestions } from './open-questions.js';

const kb = testKnowledgeBase();
const run = (o: IntakeOverrides) => assess(makeIntake(o), kb);
const codes = (o: IntakeOverrides) => run(o).reasons.map((r) => r.code);
/** The open questions SCREENING_INCOMPLETE lists, or [] when the reason is absent. */
const questions = (o: IntakeOverrides) =>
  run(o).reasons.find((r) => r.code === 'SCREENING_INCOMPLETE')?.questions ?? [];
/** makeIntake answers pregnancy and breastfeeding; these leave them out. */
const unanswered = { pregnant: undefined, breastfeeding: undefined };

describe('fail closed: SCREENING_INCOMPLETE names every open question', () => {
  it('a woman of 35 who leaves pregnancy and breastfeeding open is deferred, with no date, the plan kept', () => {
    const result = run({ patient: unanswered });
    expect(result.verdict).toBe('defer');
    expect(result.reasons).toHaveLength(1);
    const reason = result.reasons[0]!;
    expect(reason).toMatchObject({
      code: 'SCREENING_INCOMPLETE',
      kind: 'temporary',
      questions: ['patient.pregnant', 'patient.breastfeeding'],
    });
    expect(reason.until).toBeUndefined();
    expect(reason.message).toMatch(/never read as "no"/);
    expect(reason.citations).toEqual(expect.arrayContaining(['001_7e8de476e29357da.txt:4', 'house-rules.txt:2']));
    expect(reason.sources).toEqual(['001_7e8de476e29357da.txt', 'house-rules.txt']);
    expect(result.plan).toBeDefined();
  });

  it('asks only what is unanswered', () => {
    expect(questions({ patient: { breastfeeding: undefined } })).toEqual(['patient.breastfeeding']);
    expect(run({}).verdict).toBe('eligible');
  });

  it('asks pregnancy of anyone not recorded as male, aged 12 to 55 on the request date (both included)', () => {
    expect(run({ patient: { ...unanswered, sex: 'male' } }).verdict).toBe('eligible');
    for (const sex of ['female', 'other', 'unknown', undefined])
      expect(questions({ patient: { ...unanswered, sex } }), String(sex)).toEqual([
        'patient.pregnant',
        'patient.breastfeeding',
      ]);
    // Request date 2026-11-22: 12 on the birthday, 55 until the day before turning 56.
    expect(questions({ patient: { ...unanswered, birthDate: '2014-11-23' } })).toEqual([]);
    expect(questions({ patient: { ...unanswered, birthDate: '2014-11-22' } })).toEqual([
      'patient.pregnant',
      'patient.breastfeeding',
    ]);
    expect(questions({ patient: { ...unanswered, birthDate: '1970-11-23' } })).toEqual([
      'patient.pregnant',
      'patient.breastfeeding',
    ]);
    expect(questions({ patient: { ...unanswered, birthDate: '1970-11-22' } })).toEqual([]);
    expect(run({ patient: { ...unanswered, birthDate: '1960-01-01' } }).verdict).toBe('eligible');
  });

  it('a reported condition must give what its rules turn on, named by the condition’s place in the list', () => {
    expect(questions({ patient: { conditions: [{ code: 'diabetes' }] } })).toEqual([
      'patient.conditions[0].insulinDependent',
      'patient.conditions[0].controlled',
    ]);
    expect(
      questions({
        patient: {
          conditions: [
            { code: 'hypertension', controlled: true },
            { code: 'diabetes', insulinDependent: false },
          ],
        },
      }),
    ).toEqual(['patient.conditions[1].controlled']);
    expect(questions({ patient: { conditions: [{ code: 'hypertension' }] } })).toEqual([
      'patient.conditions[0].controlled',
    ]);
    expect(questions({ patient: { conditions: [{ code: 'heart_disease', controlled: true }] } })).toEqual([
      'patient.conditions[0].medicationCount',
    ]);
    expect(questions({ patient: { conditions: [{ code: 'heart_disease', medicationCount: 0 }] } })).toEqual([
      'patient.conditions[0].controlled',
    ]);
    expect(questions({ patient: { conditions: [{ code: 'cancer' }] } })).toEqual(['patient.conditions[0].active']);
    // Fully answered, no question; conditions whose rules need no attribute ask none.
    expect(
      run({
        patient: {
          conditions: [
            { code: 'diabetes', insulinDependent: false, controlled: true },
            { code: 'hypertension', controlled: true },
          ],
        },
      }).verdict,
    ).toBe('eligible');
    expect(questions({ patient: { conditions: [{ code: 'stroke' }, { code: 'urticaria' }] } })).toEqual([]);
  });

  it('a diabetes without its answers defers (it is never read as "no insulin")', () => {
    const result = run({ patient: { conditions: [{ code: 'diabetes', controlled: true }] } });
    expect(result.verdict).toBe('defer');
    expect(result.reasons.map((r) => r.code)).toEqual(['SCREENING_INCOMPLETE']);
  });

  it('an absolute reason still makes the patient contraindicated, with the open questions listed beside it', () => {
    const result = run({ patient: { ...unanswered, conditions: [{ code: 'stroke' }, { code: 'heart_disease' }] } });
    expect(result.verdict).toBe('contraindicated');
    expect(result.reasons.map((r) => r.code)).toEqual(['STROKE_HISTORY', 'SCREENING_INCOMPLETE']);
    expect(result.reasons[1]!.questions).toEqual([
      'patient.pregnant',
      'patient.breastfeeding',
      'patient.conditions[1].medicationCount',
      'patient.conditions[1].controlled',
    ]);
    expect(result.plan).toBeUndefined();
  });

  it('a condition, procedure or allergy the knowledge base does not recognise is open until a clinician marks it reviewed', () => {
    expect(questions({ patient: { conditions: [{ code: 'asthma' }] } })).toEqual(['patient.conditions[0].code']);
    expect(questions({ patient: { recentProcedures: [{ type: 'microneedling', date: '2026-11-01' }] } })).toEqual([
      'patient.recentProcedures[0].type',
    ]);
    expect(
      questions({
        patient: { allergies: [{ substance: 'hyaluronidase' }, { substance: 'latex' }] },
        request: { indication: 'hair_loss', area: 'scalp' },
      }),
    ).toEqual(['patient.allergies[1].substance']);
    expect(run({ patient: { conditions: [{ code: 'asthma', reviewed: true }] } }).verdict).toBe('eligible');
    expect(run({ patient: { recentProcedures: [{ type: 'microneedling', reviewed: true }] } }).verdict).toBe(
      'eligible',
    );
    expect(run({ patient: { allergies: [{ substance: 'latex', reviewed: true }] } }).verdict).toBe('eligible');
    // An unidentified allergen is no open question: it is a contraindication of its own.
    expect(codes({ patient: { allergies: [{ substance: 'unknown' }] } })).toEqual(['INGREDIENT_ALLERGY']);
  });

  it('reviewed changes nothing for a recognised code: a known contraindication cannot be waved through', () => {
    expect(codes({ patient: { conditions: [{ code: 'stroke', reviewed: true }] } })).toEqual(['STROKE_HISTORY']);
    expect(codes({ patient: { conditions: [{ code: 'diabetes', reviewed: true }] } })).toEqual([
      'SCREENING_INCOMPLETE',
    ]);
    expect(codes({ patient: { allergies: [{ substance: 'hyaluronic_acid', reviewed: true }] } })).toEqual([
      'INGREDIENT_ALLERGY',
    ]);
  });

  it('is one reason however many questions are open', () => {
    const result = run({
      patient: {
        ...unanswered,
        conditions: [{ code: 'x1' }, { code: 'x2' }],
        allergies: [{ substance: 'y' }],
        recentProcedures: [{ type: 'z' }],
      },
    });
    expect(result.reasons.filter((r) => r.code === 'SCREENING_INCOMPLETE')).toHaveLength(1);
    expect(result.reasons[0]!.questions).toEqual([
      'patient.pregnant',
      'patient.breastfeeding',
      'patient.conditions[0].code',
      'patient.conditions[1].code',
      'patient.allergies[0].substance',
      'patient.recentProcedures[0].type',
    ]);
  });

  it('openQuestions on its own: a shared empty list when nothing is open', () => {
    const intake = makeIntake();
    expect(openQuestions(intake, 35, kb)).toEqual([]);
    expect(openQuestions(intake, 35, kb)).toBe(openQuestions(makeIntake({ request: { area: 'neck' } }), 35, kb));
    expect(Object.isFrozen(openQuestions(intake, 35, kb))).toBe(true);
  });
});

describe('aliases: common names are read as the knowledge base’s codes', () => {
  it('atrial fibrillation with one regular medicine is heart disease needing medication', () => {
    const result = run({
      patient: { conditions: [{ code: 'Atrial fibrillation', medicationCount: 1, controlled: true }] },
    });
    expect(result.verdict).toBe('contraindicated');
    expect(result.reasons.map((r) => r.code)).toEqual(['HEART_DISEASE_MEDICATED']);
    for (const code of [
      'afib',
      'angina',
      'coronary artery disease',
      'heart failure',
      'coronary_heart_disease',
      'cardiac_disease',
    ])
      expect(codes({ patient: { conditions: [{ code, medicationCount: 1, controlled: true }] } }), code).toEqual([
        'HEART_DISEASE_MEDICATED',
      ]);
  });

  it('maps to the stricter entry where a name fits one: a TIA is a stroke, thrombocytopenia a clotting disorder', () => {
    for (const code of ['TIA', 'transient ischaemic attack', 'CVA'])
      expect(codes({ patient: { conditions: [{ code }] } }), code).toEqual(['STROKE_HISTORY']);
    for (const code of [
      'haemophilia',
      'hemophilia',
      'von_willebrand_disease',
      'Thrombocytopenia',
      'coagulation_disorder',
    ])
      expect(codes({ patient: { conditions: [{ code }] } }), code).toEqual(['BLEEDING_DISORDER']);
    expect(codes({ patient: { conditions: [{ code: 'hives' }] } })).toEqual(['URTICARIA']);
    expect(codes({ patient: { conditions: [{ code: 'hemiplegia' }] } })).toEqual(['PARALYSIS_HISTORY']);
    expect(codes({ patient: { conditions: [{ code: 'melanoma', active: false }] } })).toEqual(['CANCER']);
  });

  it('an alias maps the code, never the answers: type 1 diabetes still has to say whether insulin is needed', () => {
    expect(questions({ patient: { conditions: [{ code: 'type 1 diabetes', controlled: true }] } })).toEqual([
      'patient.conditions[0].insulinDependent',
    ]);
    expect(codes({ patient: { conditions: [{ code: 'High blood pressure', controlled: false }] } })).toEqual([
      'UNCONTROLLED_SYSTEMIC_DISEASE',
    ]);
  });

  it('case, spaces and hyphens do not matter', () => {
    expect(
      codes({ patient: { conditions: [{ code: ' Heart-Disease ', medicationCount: 2, controlled: true }] } }),
    ).toEqual(['HEART_DISEASE_MEDICATED']);
    expect(codes({ patient: { conditions: [{ code: 'Bleeding Disorder' }] } })).toEqual(['BLEEDING_DISORDER']);
  });

  it('procedure names: a chemical peel or laser resurfacing three days ago defers; botulinum toxin or a dermal filler calls the specialist', () => {
    for (const type of ['chemical_peel', 'Chemical peel', 'laser_resurfacing', 'IPL'])
      expect(
        run({ patient: { recentProcedures: [{ type, date: '2026-11-19' }] } }).reasons.map((r) => [r.code, r.until]),
        type,
      ).toEqual([['RECENT_LASER_OR_PEEL', '2026-11-26']]);
    for (const type of ['botulinum toxin', 'Dermal filler', 'platelet-rich plasma'])
      expect(
        run({ patient: { recentProcedures: [{ type, date: '2026-11-20' }] } }).precautions.map((p) => p.code),
        type,
      ).toEqual(['SPECIALIST_DECISION']);
    expect(
      codes({
        request: { indication: 'hair_loss', area: 'scalp' },
        patient: { recentProcedures: [{ type: 'FUE', date: '2026-10-01' }] },
      }),
    ).toEqual(['HAIR_TRANSPLANT_UNDER_6_MONTHS']);
  });

  it('allergy names: lignocaine and xylocaine are lidocaine', () => {
    for (const substance of ['lignocaine', 'Xylocaine', 'EMLA cream'])
      expect(
        run({ patient: { allergies: [{ substance }] } }).precautions.map((p) => p.code),
        substance,
      ).toEqual(['NO_ANAESTHETIC_CREAM']);
  });

  it('leaves the intake it was given unchanged', () => {
    const intake = makeIntake({
      patient: {
        conditions: [{ code: 'afib', medicationCount: 1, controlled: true }],
        recentProcedures: [{ type: 'chemical peel' }],
      },
    });
    const before = JSON.stringify(intake);
    assess(intake, kb);
    expect(JSON.stringify(intake)).toBe(before);
  });
});
