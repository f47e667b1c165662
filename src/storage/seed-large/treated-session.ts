import type { Plan } from '../../core/assessment/assessment-result.js';
import { triageSideEffect } from '../../core/triage/triage-side-effect.js';
import type { InjectionTechnique } from '../database-schema.js';
import type { BulkRows } from './bulk-tables.js';
import { DAY, iso, MINUTE, roundTo, type GeneratorContext } from './generator-context.js';
import type { SetupLot } from './large-clinic-setup.js';

const chartNotes = [
  'Well tolerated.',
  'Patient comfortable throughout.',
  'Slight bleeding at two points, stopped with pressure.',
  'Aftercare explained again.',
  'Patient reports improvement since the last session.',
  'Short pause halfway at the patient’s request.',
];
const outcomeNotes = [
  'Visible improvement.',
  'Patient very satisfied.',
  'Little change so far.',
  'Good progress.',
  'Wants to continue with maintenance.',
];

/** Reported side effects, in patients' words; the triage core sorts them. */
const symptoms: readonly (readonly [string, 'mild' | 'moderate' | 'severe', number])[] = [
  ['redness around the injection points', 'mild', 30],
  ['some swelling and tenderness', 'mild', 25],
  ['small bruises on the treated area', 'mild', 20],
  ['itching where I was treated', 'mild', 10],
  ['a painful lump under the skin', 'moderate', 6],
  ['a rash spreading beyond the treated area', 'moderate', 4],
  ['dark patches where the injections were', 'moderate', 3],
  ['hot, red and swollen with fever', 'severe', 2],
];

/** The lot of a product in use on `day`: the newest one already delivered and not yet expired or recalled. */
function lotOn(lots: readonly SetupLot[], day: number): SetupLot | undefined {
  let found: SetupLot | undefined;
  for (const lot of lots) if (lot.firstDay <= day && day < lot.endDay) found = lot;
  return found;
}

/** The chart of a session done, and what followed it: an outcome, sometimes a side-effect report. */
export function treated(
  ctx: GeneratorContext,
  rows: BulkRows,
  plan: Plan,
  sessionId: string,
  practitionerId: string,
  day: number,
  endMs: number,
): void {
  const { random, newId } = ctx;
  const chartId = newId(endMs);
  const cream = plan.anaesthesia.creamOffered && random.chance(0.5);
  rows.chart_entries.push({
    id: chartId,
    session_id: sessionId,
    anaesthesia_used: cream ? 1 : 0,
    anaesthesia_agent: cream ? plan.anaesthesia.agent : null,
    notes: random.chance(0.3) ? random.pick(chartNotes) : null,
    created_by: practitionerId,
    created_at: iso(endMs),
    updated_at: iso(endMs),
    // Depths are drawn inside the plan's range below.
    outside_plan_confirmed: 0,
  });
  const products = ctx.setup.products.get(plan.mixture.id) ?? [];
  const product = products.length ? random.pick(products) : undefined;
  const lot = product && lotOn(product.lots, day);
  const technique = random.weighted<InjectionTechnique>([
    ['manual', 60],
    ['gun', 35],
    ['needle_free', 5],
  ]);
  // Charted by zone: each point is one injected zone of the area, with its volume.
  const points = random.int(1, 4);
  for (let i = 0; i < points; i++) {
    rows.injection_points.push({
      id: newId(endMs),
      chart_entry_id: chartId,
      area: plan.area,
      x: Math.round(random.next() * 1000) / 1000,
      y: Math.round(random.next() * 1000) / 1000,
      product_id: product?.id ?? null,
      lot_id: lot?.id ?? null,
      volume_ml: roundTo(random.between(0.05, 0.5), 0.05),
      depth_mm: roundTo(random.between(plan.depthMm.min, plan.depthMm.max), 0.5),
      technique,
    });
  }

  if (random.chance(0.7)) {
    const atMs = endMs + random.int(0, 14) * DAY + random.int(0, 600) * MINUTE;
    if (atMs < ctx.nowMs)
      rows.outcomes.push({
        id: newId(atMs),
        session_id: sessionId,
        patient_rating: random.weighted([
          [5, 1],
          [6, 2],
          [7, 4],
          [8, 5],
          [9, 3],
          [10, 2],
          [3, 1],
        ]),
        practitioner_rating: random.int(5, 9),
        notes: random.chance(0.2) ? random.pick(outcomeNotes) : null,
        created_at: iso(atMs),
        updated_at: iso(atMs),
      });
  }

  if (random.chance(0.05)) {
    const [symptom, severity] = random.weighted(symptoms.map((s) => [s, s[2]] as const));
    const onsetHours = random.pick([1, 3, 6, 12, 24, 48, 72]);
    const reportedAfter = random.pick([1, 3, 8, 24, 48]);
    const onsetMs = endMs + onsetHours * 3_600_000;
    const reportedMs = onsetMs + reportedAfter * 3_600_000;
    if (reportedMs < ctx.nowMs) {
      const key = `${symptom}|${severity}|${plan.area}|${onsetHours}|${reportedAfter}`;
      let triage = ctx.triageTexts.get(key);
      if (triage === undefined) {
        const found = triageSideEffect(
          {
            text: symptom,
            severity,
            area: plan.area,
            sessionAt: iso(endMs),
            onsetAt: iso(onsetMs),
            now: iso(reportedMs),
            ongoing: true,
          },
          ctx.kb,
        );
        ctx.triageTexts.set(key, (triage = JSON.stringify(found)));
      }
      rows.side_effect_reports.push({
        id: newId(reportedMs),
        session_id: sessionId,
        reporter_user_id: null,
        symptom,
        onset: iso(onsetMs),
        severity,
        triage,
        created_at: iso(reportedMs),
      });
    }
  }
}
