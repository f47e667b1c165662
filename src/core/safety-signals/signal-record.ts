import type { SafetySignal, SignalKind, SignalUnit } from './signal-types.js';

export const signalStatuses = ['open', 'acknowledged', 'closed'] as const;
export type SignalStatus = (typeof signalStatuses)[number];

/** A signal as stored: what detection found when it was raised, and what the clinic did about it since. */
export interface SafetySignalRecord {
  id: string;
  clinicId: string;
  key: string;
  kind: SignalKind;
  unit: SignalUnit;
  window: SafetySignal['window'];
  exposure: number;
  observed: number;
  expected: number | null;
  pValue: number | null;
  threshold: number | null;
  reportIds: string[];
  status: SignalStatus;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  acknowledgedNote: string | null;
  closedNote: string | null;
}

/** A patient to contact, with how to reach them. */
export interface SignalPatient {
  patientId: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
}

/** A lot to quarantine, as the stock knows it now. */
export interface SignalLotView {
  lotId: string;
  lotNumber: string;
  productId: string;
  productName: string;
  recalled: boolean;
}

/** A stored signal with its patients and lots. */
export interface SafetySignalDetail extends SafetySignalRecord {
  patients: SignalPatient[];
  lots: SignalLotView[];
}
