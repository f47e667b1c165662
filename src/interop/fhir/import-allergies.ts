import { fhirTerminology, localSystems } from './code-maps.js';
import type { ImportedAllergy } from './import-schemas.js';

export type AllergyImport = { kind: 'allergy'; substance: string } | { kind: 'unmapped'; reason: string };

/**
 * The assessment matches substances by name and alias, so the words are what matter: mesodesk's
 * own code first, then the text, then a coding's display.
 */
export function importAllergy(a: ImportedAllergy): AllergyImport {
  const verification = a.verificationStatus?.coding?.find(
    (c) => c.system === fhirTerminology.allergyVerification,
  )?.code;
  if (verification === 'entered-in-error') return { kind: 'unmapped', reason: 'entered in error' };
  if (verification === 'refuted') return { kind: 'unmapped', reason: 'refuted: the allergy was ruled out' };
  const local = a.code?.coding?.find((c) => c.system === localSystems.substance)?.code;
  const substance = local ?? a.code?.text ?? a.code?.coding?.find((c) => c.display)?.display;
  if (!substance?.trim()) return { kind: 'unmapped', reason: 'no substance named' };
  return { kind: 'allergy', substance: substance.trim() };
}
