import { patientRecordLoader, recordOnly } from './patient-record-access.js';

/** The signed consent if the user may see its patient; otherwise "consent signature not found". */
export const loadAccessibleSignature = recordOnly(
  patientRecordLoader('consent signature', (repos, id) => repos.consent.findSignature(id)),
);
