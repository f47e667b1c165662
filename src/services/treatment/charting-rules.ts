import { fieldPath } from '../../core/field-path.js';
import type { LotRecord, PatientRecord, ProductRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { DomainError, InvalidInputError, conflict, type FieldProblem } from '../domain-errors.js';
import type { ChartedPoint } from './charted-point.js';
import { consentStanding } from '../../core/treatment/consent-standing.js';

/**
 * Every session mesodesk schedules is a mesotherapy session (the FHIR export codes each charted
 * procedure so), so this is the consent a chart needs.
 */
export const chartedProcedure = 'mesotherapy';

/**
 * The patient must have signed a version of the procedure's consent text that is current now (in
 * any language): 409 naming the consent, the version signed and the one to sign otherwise.
 */
export async function assertCurrentConsent(
  repos: Repositories,
  patient: PatientRecord,
  procedure: string,
): Promise<void> {
  const [texts, signatures] = await Promise.all([
    repos.consent.listTexts(patient.clinicId),
    repos.consent.listSignatures(patient.id),
  ]);
  const standing = consentStanding(procedure, texts, signatures);
  if (!standing)
    throw conflict(
      'consent_missing',
      `no ${procedure} consent text is published: an admin must publish one and the patient sign it before charting`,
    );
  const { status, signed, current } = standing;
  if (status === 'signed') return;
  const consent = { procedure, signed, current };
  if (signed)
    throw conflict(
      'consent_outdated',
      `the patient signed version ${signed.version} of the ${procedure} consent, but version ${current.version} is current: they must sign it again before charting`,
      { consent },
    );
  throw conflict(
    'consent_missing',
    `the patient has not signed the ${procedure} consent (version ${current.version}): they must sign it before charting`,
    { consent },
  );
}

export interface ChartedLot {
  lot: LotRecord;
  product: ProductRecord;
}

/**
 * The lot of every point, checked to be a lot of the point's product, of a product of this clinic.
 * Wrong references are the request's fault (400, naming each point); lookups are shared between
 * points, which often repeat one lot many times.
 */
export async function loadChartedLots(
  repos: Repositories,
  clinicId: string,
  points: readonly ChartedPoint[],
): Promise<ChartedLot[]> {
  const products = new Map<string, ProductRecord | undefined>();
  const lots = new Map<string, LotRecord | undefined>();
  const used = new Map<string, ChartedLot>();
  const problems: FieldProblem[] = [];
  for (const [index, point] of points.entries()) {
    if (!products.has(point.productId))
      products.set(point.productId, await repos.products.findProduct(point.productId));
    const product = products.get(point.productId);
    if (!product || product.clinicId !== clinicId) {
      problems.push({ field: fieldPath(['points', index, 'productId']), message: 'must be a product of this clinic' });
      continue;
    }
    if (!lots.has(point.lotId)) lots.set(point.lotId, await repos.products.findLot(point.lotId));
    const lot = lots.get(point.lotId);
    if (!lot || lot.productId !== product.id) {
      problems.push({ field: fieldPath(['points', index, 'lotId']), message: 'must be a lot of the point’s product' });
      continue;
    }
    used.set(lot.id, { lot, product });
  }
  if (problems.length) throw new InvalidInputError(problems);
  return [...used.values()];
}

/** A recalled lot, or one that expired before the session's date, must not be charted: 409 naming each. */
export function assertLotsUsable(lots: readonly ChartedLot[], sessionDate: string): void {
  const unusable = lots.flatMap(
    ({ lot, product }): { lot: LotRecord; reason: 'recalled' | 'expired'; message: string }[] => {
      const name = `lot ${lot.lotNumber} of ${product.name}`;
      if (lot.recalled) return [{ lot, reason: 'recalled', message: `${name} is recalled` }];
      if (lot.expiryDate < sessionDate)
        return [
          {
            lot,
            reason: 'expired',
            message: `${name} expired on ${lot.expiryDate}, before the session date ${sessionDate}`,
          },
        ];
      return [];
    },
  );
  if (unusable.length === 0) return;
  throw new DomainError(
    'conflict',
    'lot_unusable',
    `${unusable.map((u) => u.message).join('; ')}: ${unusable.length === 1 ? 'it' : 'they'} cannot be charted`,
    {
      lots: unusable.map(({ lot, reason }) => ({ lotId: lot.id, lotNumber: lot.lotNumber, reason })),
    },
  );
}
