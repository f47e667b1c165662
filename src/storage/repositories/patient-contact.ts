import type { PatientRecord } from '../../core/records/index.js';
import type { PatientsTable } from '../database-schema.js';
import { rowMapper } from './row-mapper.js';

/** Who to reach about a session or a recall: the patient's name and contact details, nothing clinical. */
export type PatientContact = Pick<PatientRecord, 'id' | 'firstName' | 'lastName' | 'phone' | 'email'>;

/** The contact columns a query selects from `patients` beside its own row (the id as `patient_id`). */
type ContactColumns = Pick<PatientsTable, 'first_name' | 'last_name' | 'phone' | 'email'> & { patient_id: string };

export const toPatientContact = rowMapper<ContactColumns, PatientContact>()(
  'patient_id as id, first_name, last_name, phone, email',
);
