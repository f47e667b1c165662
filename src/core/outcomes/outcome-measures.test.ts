import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeDir } from '../../knowledge-files/load-knowledge-base.js';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { indicationMeasure, indicationOutcomes, outcomesFor } from './indication-measures.js';
import {
  gainTowardsBetter,
  isOnScale,
  measureCodes,
  measureDefinitions,
  photoViewsCitation,
  scaleRange,
} from './outcome-measures.js';

const outsideLines = readFileSync(join(defaultKnowledgeDir, 'outside-references.txt'), 'utf8').split('\n');
const citedLine = (citation: string) => {
  const [file, line] = citation.split(':');
  expect(file).toBe('outside-references.txt');
  return outsideLines[Number(line) - 1] ?? '';
};

describe('outcome measure definitions', () => {
  it('cover every indication of the knowledge base, and only those', () => {
    const known = [...testKnowledgeBase().indications.keys()].sort();
    expect(indicationOutcomes.map((o) => o.indication).sort()).toEqual(known);
  });

  it('cite, for every scale, the outside-reference line that describes it', () => {
    const sources = testKnowledgeBase().data.sources.sources;
    expect(sources.find((s) => s.file === 'outside-references.txt')?.kind).toBe('outside');
    // The line names the scale (its first word or two), so a shifted line is caught.
    const names: Record<string, string> = {
      gais: 'Global Aesthetic Improvement Scale',
      hair_grade_male: 'Hamilton-Norwood',
      hair_grade_female: 'Ludwig',
      cellulite_stage: 'Nurnberger-Muller',
      circumference: 'circumference',
      hdss: 'Hyperhidrosis Disease Severity Scale',
      pain_nrs: 'numeric rating scale',
    };
    for (const code of measureCodes) expect(citedLine(measureDefinitions[code].citation), code).toContain(names[code]);
    expect(citedLine(photoViewsCitation)).toContain('same standard views');
  });

  it('give each scale the number of levels the standard has, its improvement threshold inside it', () => {
    const levelCount = Object.fromEntries(
      measureCodes.map((code) => {
        const { scale } = measureDefinitions[code];
        return [code, scale.kind === 'ordinal' ? scale.levels.length : 'quantity'];
      }),
    );
    expect(levelCount).toEqual({
      gais: 5,
      hair_grade_male: 7,
      hair_grade_female: 3,
      cellulite_stage: 4,
      circumference: 'quantity',
      hdss: 4,
      pain_nrs: 11,
    });
    for (const code of measureCodes) {
      const { min, max } = scaleRange(measureDefinitions[code].scale);
      const { improvedAt, comparison } = measureDefinitions[code];
      if (comparison === 'rating') expect(improvedAt >= min && improvedAt <= max, code).toBe(true);
      else expect(improvedAt > 0 && improvedAt <= max - min, code).toBe(true);
    }
  });

  it('offers GAIS from both sides for aesthetic indications, and grades with a baseline where the condition has one', () => {
    expect(outcomesFor('skin_rejuvenation').measures.map((m) => m.code)).toEqual(['gais']);
    expect(outcomesFor('hair_loss').measures.map((m) => m.code)).toEqual([
      'gais',
      'hair_grade_male',
      'hair_grade_female',
    ]);
    expect(outcomesFor('hair_loss').photoViews).toEqual(['vertex', 'frontal_hairline', 'part_line']);
    expect(outcomesFor('cellulite').measures.map((m) => m.code)).toContain('cellulite_stage');
    expect(indicationMeasure('localized_fat', 'circumference')?.sites).toContain('waist');
    expect(indicationMeasure('skin_rejuvenation', 'circumference')).toBeUndefined();
    expect(measureDefinitions.gais.raters).toEqual(['practitioner', 'patient']);
    expect(measureDefinitions.hair_grade_male.comparison).toBe('change');
    // An indication the knowledge base may add later still gets the general scale.
    expect(outcomesFor('something_new').measures.map((m) => m.code)).toEqual(['gais']);
  });

  it('knows which values lie on a scale', () => {
    const { gais, circumference, cellulite_stage } = measureDefinitions;
    expect([0, 1, 5, 6, 2.5, Number.NaN].map((v) => isOnScale(gais.scale, v))).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(isOnScale(cellulite_stage.scale, 0)).toBe(true);
    expect([82.3, 82.35, 9.9, 10, 300, 300.1].map((v) => isOnScale(circumference.scale, v))).toEqual([
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('measures a gain towards better whichever way a scale runs', () => {
    expect(gainTowardsBetter(measureDefinitions.circumference, 90, 87)).toBe(3);
    expect(gainTowardsBetter({ ...measureDefinitions.circumference, better: 'higher' }, 90, 87)).toBe(-3);
  });
});
