import type { ClinicLetterhead } from '../../interop/pdf/letterhead.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { billingDetails } from '../money/clinic-money.js';

/**
 * The head of a patient's sheet: the clinic's name and logo, and how to reach it. The address is the
 * location the patient was seen at when there is one (that is where they would go back to), else the
 * billing address, else the clinic's first location; phone and email come from the billing details.
 */
export async function clinicLetterhead(
  repos: Repositories,
  clinicId: string,
  locationId?: string | null,
): Promise<ClinicLetterhead> {
  const [clinic, billing, logo, locations] = await Promise.all([
    repos.clinics.findById(clinicId),
    billingDetails(repos, clinicId),
    repos.clinics.findLogo(clinicId),
    repos.clinics.listLocations(clinicId),
  ]);
  const seenAt = locationId ? locations.find((l) => l.id === locationId) : undefined;
  const first = [...locations].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  const address = seenAt?.address ?? billing.address ?? first?.address ?? null;
  const contact = [address, billing.phone, billing.email].filter((line): line is string => Boolean(line));
  return {
    name: clinic?.name ?? billing.legalName ?? '',
    contact,
    ...(logo ? { logo: { mime: logo.mime, data: logo.data } } : {}),
  };
}
