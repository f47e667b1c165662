import type {
  LotRecord,
  PatientRecord,
  ProductRecord,
  TreatmentSessionRecord,
} from '../../../../core/records/index.js';
import type { Repositories } from '../../../../storage/repositories/repositories.js';
import { createSampleCourse, scalpPoint } from '../../../../test-support/stored-records.js';
import { daysFromToday } from '../../../../test-support/relative-dates.js';

const DAY_MS = 86_400_000;

/** A product with lots of these numbers, in the clinic given. */
export async function productWithLots(
  repos: Repositories,
  clinicId: string,
  name: string,
  lotNumbers: readonly string[],
): Promise<{ product: ProductRecord; lots: LotRecord[] }> {
  const product = await repos.products.createProduct({ clinicId, name, ingredients: ['vitamin_b'] });
  const lots: LotRecord[] = [];
  for (const lotNumber of lotNumbers)
    lots.push(await repos.products.createLot({ productId: product.id, lotNumber, expiryDate: daysFromToday(700) }));
  return { product, lots };
}

/**
 * A session held `daysAgo` days ago (at 09:00 UTC) by `practitionerId`, charted with a point of each
 * lot: written directly, since a past treatment is not the booking or charting routes' business.
 */
export async function chartedSession(
  repos: Repositories,
  options: {
    patient: PatientRecord;
    daysAgo: number;
    lots: readonly LotRecord[];
    practitionerId: string;
    locationId?: string;
  },
): Promise<TreatmentSessionRecord> {
  const course = await createSampleCourse(repos, options.patient.id, { createdBy: options.practitionerId });
  const day = new Date(Date.now() - options.daysAgo * DAY_MS).toISOString().slice(0, 10);
  const session = await repos.treatmentSessions.create({
    courseId: course.id,
    scheduledAt: `${day}T09:00:00.000Z`,
    practitionerId: options.practitionerId,
    locationId: options.locationId ?? null,
  });
  await repos.transaction((tx) =>
    tx.charts.create({
      sessionId: session.id,
      anaesthesiaUsed: false,
      createdBy: options.practitionerId,
      points: options.lots.map((lot, i) => scalpPoint(lot, 0.1 + i * 0.1)),
    }),
  );
  return session;
}
