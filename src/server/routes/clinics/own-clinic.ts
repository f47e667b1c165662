import { notFound } from '../../http-errors.js';

/** A user manages their own clinic only; another clinic answers 404, as if it did not exist. */
export function ownClinic(userClinicId: string, clinicId: string): void {
  if (userClinicId !== clinicId) throw notFound('clinic');
}
