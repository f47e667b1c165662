import type { ConsultationReason, ConsultationStatus } from '../portal/consultation-values.js';

/** A clinic's portal rules; without a stored row the defaults apply (src/core/portal/notice-period.ts). */
export interface PortalSettingsRecord {
  clinicId: string;
  /** Hours before a session until which the patient may move or cancel it online. */
  noticeHours: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** A patient asking, in the portal, to be called for a consultation instead of booking online. */
export interface ConsultationRequestRecord {
  id: string;
  clinicId: string;
  patientId: string;
  assessmentId: string | null;
  reason: ConsultationReason;
  note: string | null;
  status: ConsultationStatus;
  createdBy: string | null;
  createdAt: string;
  handledAt: string | null;
  handledBy: string | null;
}
