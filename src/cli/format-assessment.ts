import type { AssessmentResult, Sourced } from '../core/assessment/assessment-result.js';
import { referenceList, type SourceTitle } from '../core/knowledge/citation-labels.js';

const verdictText: Record<AssessmentResult['verdict'], string> = {
  contraindicated: 'CONTRAINDICATED - do not treat',
  defer: 'DEFER - treat later',
  eligible_with_precautions: 'ELIGIBLE WITH PRECAUTIONS',
  eligible: 'ELIGIBLE',
};

const range = (r: { min: number; max: number }, unit: string) =>
  r.min === r.max ? `${r.min} ${unit}` : `${r.min}-${r.max} ${unit}`;

/**
 * A clinician-readable summary of an assessment. Every statement is followed by its numbered
 * references with the lines cited (`[1:101]`), and the references list at the end names each
 * source by its title (`sources`: the knowledge base's sources.yaml), never by its file name.
 */
export function formatAssessment(result: AssessmentResult, sources: readonly SourceTitle[]): string {
  const references = referenceList(sources, { lines: true });
  const cite = (s: Sourced) => references.mark(s.citations.length ? s.citations : s.sources);
  const lines: string[] = [`Verdict: ${verdictText[result.verdict]}`];
  if (result.reasons.length) {
    lines.push('', 'Reasons:');
    for (const r of result.reasons) {
      lines.push(`  - ${r.code} (${r.kind}${r.until ? `, until ${r.until}` : ''}): ${r.message} ${cite(r)}`);
      for (const q of r.questions ?? []) lines.push(`      open question: ${q}`);
    }
  }
  if (result.precautions.length) {
    lines.push('', 'Precautions:');
    for (const p of result.precautions) lines.push(`  - ${p.code}: ${p.message} ${cite(p)}`);
  }
  const plan = result.plan;
  if (plan) {
    lines.push(
      '',
      `Plan${result.verdict === 'defer' ? ' (once the reasons above have passed)' : ''}: ${plan.indication} on ${plan.area}`,
    );
    lines.push(
      `  Course: ${range(plan.sessions, 'sessions')}, every ${range(plan.intervalDays, 'days')} ${cite(plan)}`,
    );
    if (plan.protocol.generic) lines.push(`  Note: ${plan.protocol.note}`);
    if (plan.laterIntervalDays)
      lines.push(
        `  Later: every ${range(plan.laterIntervalDays, 'days')} - ${plan.laterIntervalDays.note} ${cite(plan.laterIntervalDays)}`,
      );
    lines.push(
      `  Maintenance: ${plan.maintenance.intervalMonths ? `every ${range(plan.maintenance.intervalMonths, 'months')} - ` : ''}${plan.maintenance.note} ${cite(plan.maintenance)}`,
    );
    lines.push(`  Depth: ${range(plan.depthMm, 'mm')} ${cite(plan.depthMm)}`);
    lines.push(
      `  Mixture: ${plan.mixture.name}: ${plan.mixture.ingredients.map((i) => i.name).join(', ')} ${cite(plan.mixture)}`,
    );
    if (plan.mixture.excluded.length)
      lines.push(`    left out (allergy): ${plan.mixture.excluded.map((i) => i.name).join(', ')}`);
    lines.push(
      `  Numbing cream: ${plan.anaesthesia.creamOffered ? `${plan.anaesthesia.agent}, ${range(plan.anaesthesia.leadMinutes, 'minutes')} before` : 'not for this patient'} ${cite(plan.anaesthesia)}`,
    );
    lines.push(`  Session length: ${range(plan.durationMinutes, 'minutes')} ${cite(plan.durationMinutes)}`);
    lines.push(
      `  Results: usually from session ${range(plan.resultsExpected.afterSession, '').trim()} - ${plan.resultsExpected.note} ${cite(plan.resultsExpected)}`,
    );
    lines.push('  Before the session:');
    for (const p of plan.preparation) lines.push(`    - ${p.text} ${cite(p)}`);
    lines.push('  After the session:');
    for (const a of plan.aftercare) lines.push(`    - ${range(a.hours, 'h')}: ${a.text} ${cite(a)}`);
  }
  if (result.conflicts.length) {
    lines.push('', 'Where the sources disagree (reading applied):');
    for (const c of result.conflicts) lines.push(`  - ${c.topic}: ${c.applied} ${cite(c)}`);
  }
  const listed = references.lines();
  if (listed.length) lines.push('', 'References:', ...listed.map((l) => `  ${l}`));
  lines.push('', `Knowledge base ${result.knowledgeBase.version}`);
  return lines.join('\n');
}
