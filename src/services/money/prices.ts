import type { PriceListItem, PriceKind } from '../../core/money/money-types.js';
import type { UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { PricePatch } from '../../storage/repositories/money-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { invalidField, notFound } from '../domain-errors.js';
import { loadClinicPrice } from './money-access.js';

export interface PriceRequest {
  kind: PriceKind;
  name: string;
  indication?: string | null | undefined;
  sessions?: number | null | undefined;
  productId?: string | null | undefined;
  area?: string | null | undefined;
  unitPriceMinor: number;
  currency: string;
  taxRatePercent: number;
}

const priceEvent = (action: 'create' | 'update', price: PriceListItem): AuditEvent => ({
  action,
  entity: 'price',
  entityId: price.id,
  patientId: null,
});

/** Adds a price to the clinic's list. A package must say how many sessions it covers; nothing else may. */
export async function createPrice(
  tx: Repositories,
  user: UserRecord,
  input: PriceRequest,
): Promise<{ price: PriceListItem; audit: AuditEvent[] }> {
  const sessions = input.sessions ?? null;
  if (input.kind === 'course_package' && sessions === null)
    throw invalidField('sessions', 'required for a course_package: how many sessions it covers');
  if (input.kind !== 'course_package' && sessions !== null)
    throw invalidField('sessions', 'only a course_package covers a number of sessions');
  const productId = input.productId ?? null;
  if (productId !== null) {
    const product = await tx.products.findProduct(productId);
    if (!product || product.clinicId !== user.clinicId)
      throw invalidField('productId', 'must be a product of the clinic');
  }
  const price = await tx.money.createPrice({
    clinicId: user.clinicId,
    kind: input.kind,
    name: input.name,
    indication: input.indication ?? null,
    sessions,
    productId,
    area: input.area ?? null,
    unitPriceMinor: input.unitPriceMinor,
    currency: input.currency,
    taxRatePercent: input.taxRatePercent,
  });
  return { price, audit: [priceEvent('create', price)] };
}

/**
 * Changes a price for what is quoted and invoiced from now on: quotes and invoices keep their own
 * copy of every line, so nothing already issued changes with it.
 */
export async function updatePrice(
  tx: Repositories,
  user: UserRecord,
  priceId: string,
  patch: PricePatch,
): Promise<{ price: PriceListItem; audit: AuditEvent[] }> {
  await loadClinicPrice(tx, user, priceId);
  const price = await tx.money.updatePrice(priceId, patch);
  if (!price) throw notFound('price');
  return { price, audit: [priceEvent('update', price)] };
}
