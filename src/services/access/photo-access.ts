import { patientRecordLoader, recordOnly, writable } from './patient-record-access.js';

const loadPhotoWithPatient = patientRecordLoader('photo', (repos, id) => repos.photos.findById(id), 'refused');

/** The photo if the user may see its patient: "not found" from other clinics, 403 for other patients. */
export const loadAccessiblePhoto = recordOnly(loadPhotoWithPatient);

/** loadAccessiblePhoto for a change (a deletion): refused (409 `patient_merged`) when the patient was merged. */
export const loadWritablePhoto = recordOnly(writable(loadPhotoWithPatient));
