import type { LotRecipient } from '../../../storage/repositories/chart-repository.js';

export interface RecalledPatient {
  patientId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  sessions: { sessionId: string; scheduledAt: string }[];
}

/** One entry per patient, with every session in which they received the lot, keeping the given order. */
export function groupRecipients(rows: readonly LotRecipient[]): RecalledPatient[] {
  const byPatient = new Map<string, RecalledPatient>();
  for (const { sessionId, scheduledAt, ...patient } of rows) {
    let entry = byPatient.get(patient.patientId);
    if (!entry) byPatient.set(patient.patientId, (entry = { ...patient, sessions: [] }));
    entry.sessions.push({ sessionId, scheduledAt });
  }
  return [...byPatient.values()];
}
