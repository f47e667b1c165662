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
  const conditions = canonical(patient.conditions, 'code', (code) => recognisedCondition(kb, code));
  const procedures = canonical(patient.recentProcedures, 'type', (type) => recognisedProcedure(kb, type));
  if (conditions === patient.conditions && procedures === patient.recentProcedures) return intake;
  return { ...intake, patient: { ...patient, conditions, recentProcedures: procedures } };
}

/** The list with each entry's `field` written as its recognised code; the list itself when none changes. */
function canonical<K extends string, T extends Record<K, string>>(
  list: T[],
  field: K,
  recognise: (code: string) => string | undefined,
): T[] {
  let out = list;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i]!;
    const code = recognise(entry[field]);
    if (code === undefined || code === entry[field]) continue;
    if (out === list) out = [...list];
    out[i] = { ...entry, [field]: code };
  }
  return out;
}
