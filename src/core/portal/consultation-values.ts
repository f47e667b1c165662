/**
 * Why a patient asks for a consultation in the portal: their screening's outcome when it needs a
 * clinician before any booking, no suitable time found online, or their own wish (a first visit).
 */
export const consultationReasons = [
  'deferred',
  'contraindicated',
  'screening_incomplete',
  'clinician_first',
  'no_suitable_time',
  'patient_choice',
] as const;
export type ConsultationReason = (typeof consultationReasons)[number];

export const consultationStatuses = ['open', 'handled'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];
