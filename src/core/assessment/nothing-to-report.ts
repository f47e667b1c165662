/**
 * The answers of a patient with nothing to report: not pregnant or breastfeeding (answered, so
 * that the question is not left open), no conditions, medicines, allergies or recent procedures,
 * and a clear treatment site. New lists on every call, for callers to add to.
 */
export function nothingToReport() {
  return {
    pregnant: false,
    breastfeeding: false,
    conditions: [],
    medications: [],
    allergies: [],
    recentProcedures: [],
    site: { inflammation: false, skinDamage: false },
  };
}
