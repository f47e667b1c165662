import type { Reference } from './fhir-types.js';

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Record ids are UUIDs and fit FHIR's id rule; derived ids (`<intake>-c0`) must too. */
export function fhirId(id: string): string {
  if (!FHIR_ID.test(id)) throw new RangeError(`not usable as a FHIR id (letters, digits, '-', '.', at most 64): ${id}`);
  return id;
}

export function reference(resourceType: string, id: string): Reference {
  return { reference: `${resourceType}/${fhirId(id)}` };
}

/**
 * The entry's fullUrl. With a RESTful base, the relative references between entries
 * ("Patient/<id>") resolve inside the Bundle, as FHIR's bundle rules describe.
 */
export function fullUrl(baseUrl: string, resourceType: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${resourceType}/${fhirId(id)}`;
}

/** FHIR instants need seconds and a zone; stored timestamps are any ISO 8601 instant. */
export function fhirInstant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${value}`);
  return new Date(ms).toISOString();
}

export function fhirInstantFromMs(ms: number): string {
  return new Date(ms).toISOString();
}
