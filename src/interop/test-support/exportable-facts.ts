import type { Patient } from '../../core/assessment/intake-schema.js';

/** `o` without its undefined fields, so that "not said" and "said undefined" compare alike. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What a FHIR export carries of an intake's patient: everything, except that `ongoing: false` and "not said" read back alike. */
export function exportableFacts(p: Patient) {
  return definedOnly({
    birthDate: p.birthDate,
    sex: p.sex,
    pregnant: p.pregnant,
    breastfeeding: p.breastfeeding,
    conditions: p.conditions.map((c) => definedOnly(c)),
    medications: p.medications.map((m) =>
      definedOnly({
        class: m.class,
        name: m.name,
        lastDose: m.lastDose,
        ongoing: m.ongoing === true ? true : undefined,
      }),
    ),
    allergies: p.allergies,
  });
}
