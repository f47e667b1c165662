import { describe, expect, it } from 'vitest';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { makeIntake, testKnowledgeBase, type IntakeOverrides } from '../../test-support/intake-builder.js';
import { patientAllergens, allergensNamedIn } from '../treatment/allergy-terms.js';
import { assess } from './assess.js';
import { recognisedCondition, recognisedProcedure } from './canonical-codes.js';

/** The Turkish knowledge base: the aliases of knowledge/translations/tr/screening.yaml and ingredients.yaml, and the English ones. */
const tr = loadKnowledgeLibrary().for('tr');
const run = (o: IntakeOverrides) => assess(makeIntake(o), tr);
const codes = (o: IntakeOverrides) => run(o).reasons.map((r) => r.code);

describe('Turkish intake words are read as the knowledge base’s codes, however they are typed', () => {
  it('conditions: capitals, dotted and dotless i, and no Turkish letters all match the alias', () => {
    for (const written of ['İnme', 'INME', 'inme', 'İNME', 'Iskemik Inme', 'beyın kanaması', 'BEYIN KANAMASI'])
      expect(recognisedCondition(tr, written), written).toBe('stroke');
    for (const written of ['Felç', 'FELÇ', 'felc', 'Yüz felci', 'YUZ FELCI'])
      expect(recognisedCondition(tr, written), written).toBe('paralysis');
    for (const written of ['Şeker hastalığı', 'SEKER HASTALIGI', 'şeker-hastalığı'])
      expect(recognisedCondition(tr, written), written).toBe('diabetes');
    expect(recognisedCondition(tr, 'KALP RİTİM BOZUKLUĞU')).toBe('heart_disease');
    expect(recognisedCondition(tr, 'inmeli')).toBeUndefined();
  });

  it('a matched alias gets the rule of its code, and an unmatched word still asks', () => {
    expect(codes({ patient: { conditions: [{ code: 'INME' }] } })).toEqual(['STROKE_HISTORY']);
    expect(codes({ patient: { conditions: [{ code: 'yarim felc' }] } })).toEqual(['PARALYSIS_HISTORY']);
    expect(
      run({ patient: { conditions: [{ code: 'inmeli' }] } }).reasons.find((r) => r.code === 'SCREENING_INCOMPLETE')
        ?.questions,
    ).toEqual(['patient.conditions[0].code']);
  });

  it('recent procedures', () => {
    for (const written of ['Lazer', 'LAZER EPİLASYON', 'yogun atimli isik', 'Yoğun Atımlı Işık'])
      expect(recognisedProcedure(tr, written), written).toBe('laser');
    for (const written of ['Kimyasal Peeling', 'KIMYASAL SOYMA']) expect(recognisedProcedure(tr, written)).toBe('peel');
    expect(
      run({ patient: { recentProcedures: [{ type: 'KİMYASAL PEELİNG', date: '2026-11-19' }] } }).reasons.map(
        (r) => r.code,
      ),
    ).toEqual(['RECENT_LASER_OR_PEEL']);
  });

  it('allergies: ingredients by their Turkish names, and in free text', () => {
    const allergens = patientAllergens(
      [{ substance: 'HİYALÜRONİK ASİT' }, { substance: 'kukurt' }, { substance: 'Lateks' }],
      tr,
    );
    expect([...allergens.ingredients].sort()).toEqual(['hyaluronic_acid', 'sulfur']);
    expect(allergens.unrecognised).toEqual(['lateks']);
    const lidocaine = patientAllergens([{ substance: 'Lidokain' }], tr);
    expect(allergensNamedIn('UYUŞTURMA KREMİ', lidocaine, tr)).toEqual(['lidocaine']);
    expect(allergensNamedIn('uyusturma kremi %5', lidocaine, tr)).toEqual(['lidocaine']);
    expect(allergensNamedIn('buz kompresi', lidocaine, tr)).toEqual([]);
    expect(codes({ patient: { allergies: [{ substance: 'SODYUM HİYALÜRONAT' }] } })).toEqual(['INGREDIENT_ALLERGY']);
  });

  it('English words fold too: accents and case never stop a match', () => {
    const kb = testKnowledgeBase();
    expect(recognisedCondition(kb, 'STROKE')).toBe('stroke');
    expect(recognisedCondition(kb, 'Béll’s Palsy')).toBe('paralysis');
  });
});
