import { decodeImageDataUrl } from '../data-url.js';
import type { ConsentSignatureRecord, ConsentTextRecord } from '../records.js';
import { consentCategory, consentSignatureType, fhirTerminology, localIdentifiers } from './code-maps.js';
import { fhirId, fhirInstant, reference } from './fhir-references.js';
import type { Consent, Provenance } from './fhir-types.js';

/**
 * The Consent carries the exact text version signed (as an attachment); the drawn signature goes in
 * a Provenance, FHIR R4's place for signatures, pointing at the Consent.
 */
export function consentResources(
  signature: ConsentSignatureRecord,
  text: ConsentTextRecord,
): [Consent] | [Consent, Provenance] {
  const signedAt = fhirInstant(signature.signedAt);
  const patient = reference('Patient', signature.patientId);
  const consent: Consent = {
    resourceType: 'Consent',
    id: fhirId(signature.id),
    status: 'active',
    scope: { coding: [{ system: fhirTerminology.consentScope, code: 'treatment' }] },
    category: [{ coding: [consentCategory] }],
    patient,
    dateTime: signedAt,
    performer: [{ ...patient, display: signature.typedName }],
    sourceAttachment: {
      contentType: 'text/plain; charset=utf-8',
      data: Buffer.from(text.text, 'utf8').toString('base64'),
      title: `${text.procedure} consent, version ${text.version}`,
      creation: fhirInstant(text.createdAt),
    },
    policy: [{ uri: `${localIdentifiers.consentText}/${fhirId(text.id)}` }],
  };
  if (!signature.signatureImage) return [consent];
  const image = decodeImageDataUrl(signature.signatureImage);
  const provenance: Provenance = {
    resourceType: 'Provenance',
    id: fhirId(`${signature.id}-signature`),
    target: [reference('Consent', signature.id)],
    recorded: signedAt,
    agent: [{ who: { ...patient, display: signature.typedName } }],
    signature: [
      {
        type: [consentSignatureType],
        when: signedAt,
        who: { ...patient, display: signature.typedName },
        sigFormat: image.mime,
        data: image.bytes.toString('base64'),
      },
    ],
  };
  return [consent, provenance];
}
