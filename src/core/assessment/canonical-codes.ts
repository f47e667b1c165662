import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { normaliseTerm } from '../knowledge/knowledge-base.js';
import type { Intake } from './intake-schema.js';

/** The knowledge base's code for a written code, name or alias ("Atrial fibrillation" → heart_disease), if it recognises it. */
function recognised(lookup: ReadonlyMap<string, string>, written: string): string | undefined {
  // Most intakes already use the code itself: a direct hit spares the normalisation.
  return lookup.get(written) ?? lookup.get(normaliseTerm(written));
}

export const recognisedCondition = (kb: KnowledgeBase, code: string) => recognised(kb.conditionLookup, code);
export const recognisedProcedure = (kb: KnowledgeBase, type: string) => recognised(kb.procedureLookup, type);

/**
 * The intake with every condition code and procedure type the knowledge base recognises written as
 * its own code, so that a rule about heart disease also sees "atrial fibrillation". Codes it does not
 * recognise stay as written (the open questions ask about them), and every other field is kept, the
 * patient's answers included: an alias maps the name, never the attributes. The intake itself is
 * returned when nothing changes, so the common case copies nothing.
 */
export function withCanonicalCodes(intake: Intake, kb: KnowledgeBase): Intake {
  const { patient } = intake;
  let conditions = patient.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    const code = recognisedCondition(kb, c.code);
    if (code === undefined || code === c.code) continue;
    if (conditions === patient.conditions) conditions = [...conditions];
    conditions[i] = { ...c, code };
  }
  let procedures = patient.recentProcedures;
  for (let i = 0; i < procedures.length; i++) {
    const p = procedures[i]!;
    const type = recognisedProcedure(kb, p.type);
    if (type === undefined || type === p.type) continue;
    if (procedures === patient.recentProcedures) procedures = [...procedures];
    procedures[i] = { ...p, type };
  }
  if (conditions === patient.conditions && procedures === patient.recentProcedures) return intake;
  return { ...intake, patient: { ...patient, conditions, recentProcedures: procedures } };
}
