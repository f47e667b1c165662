import { describe, expect, it } from 'vitest';
import { fhirSchemaErrors } from './fhir-schema-validator.js';

// The export tests rely on this validator saying no; make sure it can.
describe('fhirSchemaErrors', () => {
  it('rejects a bad resource, also inside a Bundle entry', () => {
    const bad = { resourceType: 'Patient', id: 'p1', gender: 'woman', birthDate: '02/06/1988' };
    expect(fhirSchemaErrors(bad).length).toBeGreaterThan(0);
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ fullUrl: 'https://x.example/Patient/p1', resource: bad }],
    };
    expect(fhirSchemaErrors(bundle).length).toBeGreaterThan(0);
    // The official schema cannot require primitive elements (status and the like); the export's types do.
    const unknownElement = { resourceType: 'Medication', id: 'm1', batch: { lot: 'A1' } };
    expect(fhirSchemaErrors(unknownElement).join('\n')).toContain('additionalProperty');
    expect(fhirSchemaErrors({ resourceType: 'Condition', id: 'c1', code: { text: 'x' } }).join('\n')).toContain(
      'subject',
    );
  });

  it('accepts a good one', () => {
    expect(fhirSchemaErrors({ resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1988-06-02' })).toEqual(
      [],
    );
  });
});
