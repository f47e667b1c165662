import { patientRecordLoader, recordOnly } from './patient-record-access.js';

/** The photo if the user may see its patient: "not found" from other clinics, 403 for other patients. */
export const loadAccessiblePhoto = recordOnly(
  patientRecordLoader('photo', (repos, id) => repos.photos.findById(id), 'refused'),
);
