import { patientRecordLoader, recordOnly, writable } from './patient-record-access.js';

/** The course (`record`) and its patient if the user may see the patient; otherwise "course not found". */
export const loadCourseWithPatient = patientRecordLoader('course', (repos, id) => repos.courses.findById(id));

/** The course if the user may see its patient; otherwise "course not found". */
export const loadAccessibleCourse = recordOnly(loadCourseWithPatient);

/** The course and its patient for a write to the course: refused (409 `patient_merged`) when the patient was merged. */
export const loadWritableCourse = writable(loadCourseWithPatient);
