import { patientRecordLoader, recordOnly } from './patient-record-access.js';

/** The course (`record`) and its patient if the user may see the patient; otherwise "course not found". */
export const loadCourseWithPatient = patientRecordLoader('course', (repos, id) => repos.courses.findById(id));

/** The course if the user may see its patient; otherwise "course not found". */
export const loadAccessibleCourse = recordOnly(loadCourseWithPatient);
