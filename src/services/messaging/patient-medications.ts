import type { MedicationLike } from '../../core/messages/blood-thinner-safety.js';
import type { Repositories } from '../../storage/repositories/repositories.js';

function medicationsOf(data: unknown): MedicationLike[] {
  const patient =
    typeof data === 'object' && data !== null && 'patient' in data ? (data as { patient: unknown }).patient : undefined;
  const list =
    typeof patient === 'object' && patient !== null && 'medications' in patient
      ? (patient as { medications: unknown }).medications
      : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((m: unknown) => {
    if (typeof m !== 'object' || m === null) return [];
    const { name, class: kind } = m as { name?: unknown; class?: unknown };
    return typeof kind === 'string' ? [{ class: kind, ...(typeof name === 'string' ? { name } : {}) }] : [];
  });
}

/**
 * The medicines a patient's messages and sheets must allow for: those of the intake the course was
 * assessed from and of the latest intake together, so a blood thinner named in either counts (the
 * safe side: such a patient is only ever told to keep taking it). Undefined when the patient has no
 * intake at all.
 */
export async function patientMedications(
  repos: Repositories,
  patientId: string,
  assessmentId: string | null,
): Promise<MedicationLike[] | undefined> {
  const latest = await repos.intakes.latestForPatient(patientId);
  const assessment = assessmentId ? await repos.assessments.findById(assessmentId) : undefined;
  const courseIntakeId = assessment?.intakeId ?? null;
  const courseIntake =
    courseIntakeId && courseIntakeId !== latest?.id ? await repos.intakes.findById(courseIntakeId) : undefined;
  const intakes = [latest, courseIntake].filter((i) => i !== undefined);
  if (intakes.length === 0) return undefined;
  return intakes.flatMap((i) => medicationsOf(i.data));
}
