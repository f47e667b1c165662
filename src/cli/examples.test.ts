import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addDays } from '../core/dates/iso-date.js';
import type { AssessmentResult } from '../core/assessment/assessment-result.js';
import { loadKnowledgeBase } from '../knowledge-files/load-knowledge-base.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = readdirSync(`${root}examples`).filter((f) => f.endsWith('.json'));

interface Expected {
  verdict: AssessmentResult['verdict'];
  /** Reason codes, with `@until` where one is computed. */
  reasons: string[];
  precautions?: string[];
  sessions?: [number, number];
  /** SCREENING_INCOMPLETE's open questions, by field path. */
  questions?: string[];
  /** Words the first reason's message must carry. */
  message?: RegExp;
}

/** Expected verdict and reason codes (with `until` where computed) for every file in examples/. */
const expected: Record<string, Expected> = {
  'contract-request.json': {
    verdict: 'defer',
    reasons: ['NSAID_WITHIN_7_DAYS@2026-11-26'],
    precautions: [],
    sessions: [4, 10],
  },
  'age-16-face-rejuvenation.json': { verdict: 'contraindicated', reasons: ['AGE_UNDER_18'] },
  'haemophilia-hair-loss.json': { verdict: 'contraindicated', reasons: ['BLEEDING_DISORDER'] },
  // Ibuprofen two days before the request: defer until five days after the request.
  'ibuprofen-two-days-ago-face.json': {
    verdict: 'defer',
    reasons: [`NSAID_WITHIN_7_DAYS@${addDays('2026-11-22', 5)}`],
    sessions: [4, 6],
  },
  'healthy-35-hair-loss.json': { verdict: 'eligible', reasons: [], precautions: [], sessions: [4, 10] },
  'pregnant-cellulite.json': { verdict: 'contraindicated', reasons: ['PREGNANCY'] },
  'insulin-diabetes-face.json': { verdict: 'contraindicated', reasons: ['INSULIN_DEPENDENT_DIABETES'] },
  'heart-disease-one-medicine.json': { verdict: 'contraindicated', reasons: ['HEART_DISEASE_MEDICATED'] },
  // Temporary: treat once the disease is controlled, so there is no date and the plan is kept.
  'uncontrolled-hypertension.json': { verdict: 'defer', reasons: ['UNCONTROLLED_SYSTEMIC_DISEASE'], sessions: [4, 10] },
  'anticoagulant-ongoing.json': { verdict: 'defer', reasons: ['ANTICOAGULANT'] },
  'hair-transplant-4-months.json': { verdict: 'defer', reasons: ['HAIR_TRANSPLANT_UNDER_6_MONTHS@2027-01-20'] },
  'recent-peel-and-antibiotics.json': {
    verdict: 'defer',
    reasons: ['RECENT_LASER_OR_PEEL@2026-11-25', 'CURRENT_ANTIBIOTICS@2026-11-27'],
  },
  'inflamed-site-acne.json': { verdict: 'defer', reasons: ['ACTIVE_INFLAMMATION_AT_SITE'] },
  // Hyaluronidase is in the cellulite mixture but not essential: it is left out (conflict allergy_history).
  'hyaluronidase-allergy-cellulite.json': {
    verdict: 'eligible_with_precautions',
    reasons: [],
    precautions: ['ALLERGEN_EXCLUDED'],
    sessions: [4, 10],
  },
  'hyaluronic-acid-allergy-face.json': { verdict: 'contraindicated', reasons: ['INGREDIENT_ALLERGY'] },
  'unknown-allergen.json': { verdict: 'contraindicated', reasons: ['INGREDIENT_ALLERGY'] },
  'lidocaine-allergy-needle-fear-neck.json': {
    verdict: 'eligible_with_precautions',
    reasons: [],
    precautions: ['NO_ANAESTHETIC_CREAM', 'NEEDLE_FREE_OPTION'],
  },
  'under-eye-with-botox.json': {
    verdict: 'eligible_with_precautions',
    reasons: [],
    precautions: ['SPECIALIST_DECISION', 'PERIORBITAL_CARE'],
  },
  'localized-fat-abdomen.json': { verdict: 'eligible', reasons: [], precautions: [], sessions: [8, 12] },
  'pregnant-and-ibuprofen.json': {
    verdict: 'contraindicated',
    reasons: ['PREGNANCY', 'NSAID_WITHIN_7_DAYS@2026-11-28'],
  },
  // Fail closed: an unanswered question is never "no".
  'pregnancy-unanswered.json': {
    verdict: 'defer',
    reasons: ['SCREENING_INCOMPLETE'],
    questions: ['patient.pregnant', 'patient.breastfeeding'],
    sessions: [4, 6],
  },
  'diabetes-control-unanswered.json': {
    verdict: 'defer',
    reasons: ['SCREENING_INCOMPLETE'],
    questions: ['patient.conditions[0].controlled'],
  },
  'unknown-condition-unreviewed.json': {
    verdict: 'defer',
    reasons: ['SCREENING_INCOMPLETE'],
    questions: ['patient.conditions[0].code'],
  },
  'unknown-condition-reviewed.json': { verdict: 'eligible', reasons: [], precautions: [], sessions: [4, 10] },
  // Aliases: atrial fibrillation is heart disease, a chemical peel is a peel.
  'atrial-fibrillation-one-medicine.json': { verdict: 'contraindicated', reasons: ['HEART_DISEASE_MEDICATED'] },
  'chemical-peel-alias.json': { verdict: 'defer', reasons: ['RECENT_LASER_OR_PEEL@2026-11-26'] },
  // Prescribed low-dose aspirin is an antiplatelet, never an NSAID: keep taking it.
  'low-dose-aspirin-prescribed.json': {
    verdict: 'defer',
    reasons: ['ANTICOAGULANT'],
    message: /Keep taking it as prescribed/,
  },
};

describe('npx mesodesk assess FILE --json on every example', () => {
  it('has an expectation for every example file and at least twenty-seven examples', () => {
    expect(examples.sort()).toEqual(Object.keys(expected).sort());
    expect(examples.length).toBeGreaterThanOrEqual(27);
  });

  it('runs through npx, as a user types it', () => {
    const stdout = execFileSync('npx', ['mesodesk', 'assess', 'examples/contract-request.json', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(stdout).verdict).toBe('defer');
  });

  it('prints the readable summary with numbered references named by title, never a seed file name', () => {
    const stdout = execFileSync(process.execPath, ['bin/mesodesk.js', 'assess', 'examples/contract-request.json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(stdout).not.toMatch(/[0-9]{3}_[0-9a-f]{16}\.txt/);
    expect(stdout).toMatch(/^  Course: 4-10 sessions, every 7-14 days \[\d+:101\]$/m);
    const list = stdout.slice(stdout.indexOf('\nReferences:\n'));
    const sources = loadKnowledgeBase().data.sources.sources;
    for (const title of ['Pros and cons of mesotherapy', 'What mesotherapy is and whether it works']) {
      const n = sources.findIndex((s) => s.title.startsWith(title)) + 1;
      expect(n).toBeGreaterThan(0);
      expect(list).toMatch(new RegExp(`^  ${n}\\. ${title}.*, lines? \\d`, 'm'));
    }
    expect(list).toMatch(/^  \d+\. mesodesk house rule: /m);
  });

  // The same bin script npx resolves to, without npx's own start-up per file.
  it.each(examples)('%s', (file) => {
    const stdout = execFileSync(process.execPath, ['bin/mesodesk.js', 'assess', `examples/${file}`, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    const result = JSON.parse(stdout) as AssessmentResult;
    const want = expected[file]!;
    expect(result.verdict).toBe(want.verdict);
    expect(result.reasons.map((r) => (r.until ? `${r.code}@${r.until}` : r.code))).toEqual(want.reasons);
    if (want.precautions) expect(result.precautions.map((p) => p.code)).toEqual(want.precautions);
    if (want.sessions) expect([result.plan?.sessions.min, result.plan?.sessions.max]).toEqual(want.sessions);
    const screening = result.reasons.find((r) => r.code === 'SCREENING_INCOMPLETE');
    expect(screening?.questions).toEqual(want.questions);
    if (want.message) expect(result.reasons[0]?.message).toMatch(want.message);
    for (const reason of result.reasons) expect(reason.sources.length, reason.code).toBeGreaterThan(0);
    expect(result.plan === undefined).toBe(want.verdict === 'contraindicated');
    expect(result.knowledgeBase.version).toBeTruthy();
  });
});
