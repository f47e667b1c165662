import type { LotRecord, ProductRecord } from '../records.js';
import { codingFor } from './code-maps.js';
import { fhirId } from './fhir-references.js';
import type { Medication } from './fhir-types.js';

/** One Medication per lot: FHIR keeps the batch on the Medication, and side effects point at the lot. */
export function medicationResource(lot: LotRecord, product: ProductRecord | undefined): Medication {
  const name = product?.name ?? 'Unknown product';
  return {
    resourceType: 'Medication',
    id: fhirId(lot.id),
    code: { coding: [codingFor('product', lot.productId, name)], text: name },
    ...(product?.manufacturer ? { manufacturer: { display: product.manufacturer } } : {}),
    ...(product && product.ingredients.length
      ? { ingredient: product.ingredients.map((i) => ({ itemCodeableConcept: { text: i } })) }
      : {}),
    batch: { lotNumber: lot.lotNumber, expirationDate: lot.expiryDate },
  };
}
