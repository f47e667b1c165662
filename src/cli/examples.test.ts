import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/dates/iso-date.js';
import type { AssessmentResult } from '../core/assessment/assessment-result.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = readdirSync(`${root}examples`).filter((f) => f.endsWith('.json'));

/** Expected verdict and reason codes (with `until` where computed) for every file in examples/. */
const expected: Record<string, { verdict: AssessmentResult['verdict']; reasons: string[]; precautions?: string[]; sessions?: [number, number] }> = {
  'contract-request.json': { verdict: 'defer', reasons: ['NSAID_WITHIN_7_DAYS@2026-11-26'], precautions: [], sessions: [4, 10] },
  'age-16-face-rejuvenation.json': { verdict: 'contraindicated', reasons: ['AGE_UNDER_18'] },
  'haemophilia-hair-loss.json': { verdict: 'contraindicated', reasons: ['BLEEDING_DISORDER'] },
  // Ibuprofen two days before the request: defer until five days after the request.
  'ibuprofen-two-days-ago-face.json': { verdict: 'defer', reasons: [`NSAID_WITHIN_7_DAYS@${addDays('2026-11-22', 5)}`], sessions: [4, 6] },
  'healthy-35-hair-loss.json': { verdict: 'eligible', reasons: [], precautions: [], sessions: [4, 10] },
  'pregnant-cellulite.json': { verdict: 'contraindicated', reasons: ['PREGNANCY'] },
  'insulin-diabetes-face.json': { verdict: 'contraindicated', reasons: ['INSULIN_DEPENDENT_DIABETES'] },
  'heart-disease-one-medicine.json': { verdict: 'contraindicated', reasons: ['HEART_DISEASE_MEDICATED'] },
  'uncontrolled-hypertension.json': { verdict: 'contraindicated', reasons: ['UNCONTROLLED_SYSTEMIC_DISEASE'] },
  'anticoagulant-ongoing.json': { verdict: 'defer', reasons: ['ANTICOAGULANT'] },
  'hair-transplant-4-months.json': { verdict: 'defer', reasons: ['HAIR_TRANSPLANT_UNDER_6_MONTHS@2027-01-20'] },
  'recent-peel-and-antibiotics.json': { verdict: 'defer', reasons: ['RECENT_LASER_OR_PEEL@2026-11-25', 'CURRENT_ANTIBIOTICS@2026-11-27'] },
  'inflamed-site-acne.json': { verdict: 'defer', reasons: ['ACTIVE_INFLAMMATION_AT_SITE'] },
  'hyaluronidase-allergy-cellulite.json': { verdict: 'eligible_with_precautions', reasons: [], precautions: ['ALLERGEN_EXCLUDED'], sessions: [4, 10] },
  'hyaluronic-acid-allergy-face.json': { verdict: 'contraindicated', reasons: ['INGREDIENT_ALLERGY'] },
  'unknown-allergen.json': { verdict: 'contraindicated', reasons: ['INGREDIENT_ALLERGY'] },
  'lidocaine-allergy-needle-fear-neck.json': { verdict: 'eligible_with_precautions', reasons: [], precautions: ['NO_ANAESTHETIC_CREAM', 'NEEDLE_FREE_OPTION'] },
  'under-eye-with-botox.json': { verdict: 'eligible_with_precautions', reasons: [], precautions: ['SPECIALIST_DECISION', 'PERIORBITAL_CARE'] },
  'localized-fat-abdomen.json': { verdict: 'eligible', reasons: [], precautions: [], sessions: [8, 12] },
  'pregnant-and-ibuprofen.json': { verdict: 'contraindicated', reasons: ['PREGNANCY', 'NSAID_WITHIN_7_DAYS@2026-11-28'] },
};

describe('npx mesodesk assess FILE --json on every example', () => {
  it('has an expectation for every example file and at least sixteen examples', () => {
    expect(examples.sort()).toEqual(Object.keys(expected).sort());
    expect(examples.length).toBeGreaterThanOrEqual(16);
  });

  it('runs through npx, as a user types it', () => {
    const stdout = execFileSync('npx', ['mesodesk', 'assess', 'examples/contract-request.json', '--json'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(stdout).verdict).toBe('defer');
  });

  // The same bin script npx resolves to, without npx's own start-up per file.
  it.each(examples)('%s', (file) => {
    const stdout = execFileSync(process.execPath, ['bin/mesodesk.js', 'assess', `examples/${file}`, '--json'], { cwd: root, encoding: 'utf8' });
    const result = JSON.parse(stdout) as AssessmentResult;
    const want = expected[file]!;
    expect(result.verdict).toBe(want.verdict);
    expect(result.reasons.map((r) => (r.until ? `${r.code}@${r.until}` : r.code))).toEqual(want.reasons);
    if (want.precautions) expect(result.precautions.map((p) => p.code)).toEqual(want.precautions);
    if (want.sessions) expect([result.plan?.sessions.min, result.plan?.sessions.max]).toEqual(want.sessions);
    expect(result.plan === undefined).toBe(want.verdict === 'contraindicated');
    expect(result.knowledgeBase.version).toBeTruthy();
  });
});
