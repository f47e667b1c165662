import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Area, Indication, Mixture } from '../knowledge/schema/catalogue-schema.js';
import type { TimedInstructionData } from '../knowledge/schema/care-schema.js';
import type { Protocol } from '../knowledge/schema/protocol-schema.js';
import { instructionsWithWording } from '../messages/blood-thinner-safety.js';
import type { AllergyAnalysis } from './allergy-analysis.js';
import type { Plan, PlanExpectedEffect, TimedInstruction } from './assessment-result.js';
import { sourcedFrom } from './sourced.js';

export interface PlanInputs {
  indication: Indication;
  area: Area;
  protocol: Protocol;
  mixture: Mixture;
  allergy: AllergyAnalysis;
  creamOffered: boolean;
  /** The patient takes a prescribed anticoagulant or antiplatelet: no instruction may say to avoid aspirin. */
  bloodThinner: boolean;
}

/**
 * The instructions a patient is given, in the knowledge base's texts: one the blood-thinner rules
 * shorten for a patient on a prescribed blood thinner in its `textOnBloodThinner` wording.
 */
function instructions(
  items: TimedInstructionData[],
  area: Area,
  bloodThinner: boolean,
  keep = (_code: string) => true,
) {
  const wording = new Map(items.map((i) => [i.code, i.textOnBloodThinner]));
  return instructionsWithWording(
    timed(items, area).filter((i) => keep(i.code)),
    bloodThinner,
    (i) => wording.get(i.code),
  );
}

function timed(items: TimedInstructionData[], area: Area): TimedInstruction[] {
  return items
    .filter((i) => !i.regions || i.regions.includes(area.region))
    .map((i) => ({
      code: i.code,
      text: i.text,
      hours: { min: i.hours.min, max: i.hours.max },
      ...(i.regions ? { areas: [area.id] } : {}),
      ...sourcedFrom(i.sources),
    }));
}

function expectedEffects(kb: KnowledgeBase, area: Area): PlanExpectedEffect[] {
  return kb.data.sideEffects.sideEffects
    .filter((s) => s.kind === 'expected' && s.usualHours)
    .map((s) => {
      const usual = (area.id === 'periorbital' && s.periorbitalUsualHours) || s.usualHours!;
      return {
        code: s.code,
        text: s.advice,
        usualHours: { min: usual.min, max: usual.max },
        ...sourcedFrom(s.sources),
      };
    });
}

/** The plan for a treatable patient: every part of it with its sources. */
export function buildPlan(kb: KnowledgeBase, p: PlanInputs): Plan {
  const { protocol, mixture, area } = p;
  const procedure = kb.data.procedure;
  const name = (id: string) => ({ id, name: kb.ingredients.get(id)?.name ?? id });
  const excluded = new Set(p.allergy.excluded);
  const duration = procedure.durationMinutes[area.size];
  // An area with a depth of its own (thin skin around the eyes) keeps every indication to it.
  const depth = area.depthMm ?? protocol.depthMm;
  const plan: Plan = {
    indication: p.indication.id,
    area: area.id,
    sessions: { min: protocol.sessions.min, max: protocol.sessions.max },
    intervalDays: { min: protocol.intervalDays.min, max: protocol.intervalDays.max },
    ...sourcedFrom([...protocol.sessions.sources, ...protocol.intervalDays.sources]),
    protocol: { id: protocol.id, generic: protocol.generic, note: protocol.note },
    maintenance: {
      ...(protocol.maintenance.intervalMonths ? { intervalMonths: { ...protocol.maintenance.intervalMonths } } : {}),
      note: protocol.maintenance.note,
      ...sourcedFrom(protocol.maintenance.sources),
    },
    depthMm: { min: depth.min, max: depth.max, ...sourcedFrom(depth.sources) },
    mixture: {
      id: mixture.id,
      name: mixture.name,
      ingredients: mixture.ingredients.filter((i) => !excluded.has(i.ingredient)).map((i) => name(i.ingredient)),
      excluded: p.allergy.excluded.map(name),
      note: mixture.note,
      ...sourcedFrom(mixture.sources),
    },
    anaesthesia: {
      creamOffered: p.creamOffered,
      agent: procedure.anaesthesia.agent,
      leadMinutes: { min: procedure.anaesthesia.leadMinutes.min, max: procedure.anaesthesia.leadMinutes.max },
      note: p.creamOffered ? procedure.anaesthesia.note : procedure.anaesthesia.withoutCreamNote,
      ...sourcedFrom([...procedure.anaesthesia.sources, ...procedure.anaesthesia.leadMinutes.sources]),
    },
    durationMinutes: { min: duration.min, max: duration.max, ...sourcedFrom(duration.sources) },
    resultsExpected: {
      afterSession: { min: protocol.resultsAfterSession.min, max: protocol.resultsAfterSession.max },
      note: protocol.resultsAfterSession.note,
      ...sourcedFrom(protocol.resultsAfterSession.sources),
    },
    preparation: instructions(
      kb.data.preparation.preparation,
      area,
      p.bloodThinner,
      (code) => p.creamOffered || code !== 'arrive_for_numbing_cream',
    ),
    aftercare: instructions(kb.data.aftercare.aftercare, area, p.bloodThinner),
    expectedSideEffects: expectedEffects(kb, area),
  };
  if (protocol.laterIntervalDays) {
    const later = protocol.laterIntervalDays;
    plan.laterIntervalDays = { min: later.min, max: later.max, note: later.note, ...sourcedFrom(later.sources) };
  }
  return plan;
}

/** Conflict ids that the plan relied on, in knowledge-base order of discovery. */
export function planConflictIds(kb: KnowledgeBase, protocol: Protocol, area: Area): string[] {
  const proc = kb.data.procedure;
  const ids = [
    ...(protocol.conflicts ?? []),
    ...(proc.anaesthesia.conflicts ?? []),
    ...(proc.durationMinutes.conflicts ?? []),
    ...(proc.preparationWindowDays.conflicts ?? []),
    ...kb.data.preparation.preparation.flatMap((i) => i.conflicts ?? []),
    ...kb.data.aftercare.aftercare
      .filter((i) => !i.regions || i.regions.includes(area.region))
      .flatMap((i) => i.conflicts ?? []),
    ...kb.data.sideEffects.sideEffects.filter((s) => s.kind === 'expected').flatMap((s) => s.conflicts ?? []),
  ];
  return ids;
}
