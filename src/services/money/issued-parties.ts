import type { IssuedParties } from '../../core/money/money-records.js';
import type { PatientRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { billingDetails } from './clinic-money.js';

/**
 * Who a document being issued is from and to, as it will print: the clinic's billing details (its
 * name and first location's address where those are left empty) and the patient's name and email
 * as they stand now. Stored with the document, so a later edit to any of them leaves it as issued.
 */
export async function issuedParties(
  repos: Repositories,
  clinicId: string,
  patient: PatientRecord,
): Promise<IssuedParties> {
  const clinic = await repos.clinics.findById(clinicId);
  const billing = await billingDetails(repos, clinicId);
  const [location] = [...(await repos.clinics.listLocations(clinicId))].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  return {
    issuer: {
      name: billing.legalName ?? clinic?.name ?? '',
      address: billing.address ?? location?.address ?? null,
      phone: billing.phone,
      email: billing.email,
      taxId: billing.taxId,
    },
    patient: { name: `${patient.firstName} ${patient.lastName}`, email: patient.email },
  };
}
