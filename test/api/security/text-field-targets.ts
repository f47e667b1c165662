// The string fields of the write routes' bodies, each with what it is, for the SQL-injection tests.

import type { OpenApiSchema, Operation } from './openapi-operations.js';
import type { SampleWrite } from './sample-writes.js';
import { isPatterned, stringFields } from './string-fields.js';
import { routeKey } from './write-routes.js';

export type FieldKind = 'text' | 'secret' | 'format';

/**
 * What each string field without a pattern is, by its path in the body (fields with a pattern or
 * format are ids, codes and files: `format`). Text is stored as typed; a secret is only ever
 * compared; a format is checked (dates, emails, time zones, codes of the knowledge base).
 */
export const fieldKinds: Record<string, FieldKind> = {
  name: 'text',
  address: 'text',
  displayName: 'text',
  firstName: 'text',
  lastName: 'text',
  phone: 'text',
  text: 'text',
  typedName: 'text',
  manufacturer: 'text',
  lotNumber: 'text',
  supplier: 'text',
  storageNote: 'text',
  note: 'text',
  anaesthesiaAgent: 'text',
  notes: 'text',
  symptom: 'text',
  // A clinic's wording of a message to patients (its placeholders are checked, the rest stored as typed).
  subject: 'text',
  body: 'text',
  reason: 'text',
  'override.reason': 'text',
  'patient.medications.[].name': 'text',
  // Money: the words printed on prices, quotes, invoices and credit notes, and the clinic's billing details.
  area: 'text',
  'lines.[].description': 'text',
  reference: 'text',
  legalName: 'text',
  taxId: 'text',
  password: 'secret',
  // Checked rather than stored: the current password against the account, the new one for strength.
  currentPassword: 'format',
  newPassword: 'format',
  email: 'format',
  birthDate: 'format',
  timeZone: 'format',
  expiryDate: 'format',
  scheduledAt: 'format',
  onset: 'format',
  from: 'format',
  to: 'format',
  start: 'format',
  end: 'format',
  earliestStart: 'format',
  // The session as the caller last saw it, and the re-flow a preview showed: times, checked.
  expectedUpdatedAt: 'format',
  'expectedMoves.[].start': 'format',
  signatureImage: 'format',
  // The clinic's logo: a data: URL, decoded and checked as an image.
  image: 'format',
  'ingredients.[]': 'format',
  'points.[].area': 'format',
  'sessions.[].start': 'format',
  'patient.birthDate': 'format',
  'patient.conditions.[].code': 'format',
  'patient.conditions.[].date': 'format',
  'patient.medications.[].lastDose': 'format',
  'patient.allergies.[].substance': 'format',
  'patient.recentProcedures.[].type': 'format',
  'patient.recentProcedures.[].date': 'format',
  'request.indication': 'format',
  'request.area': 'format',
  'request.date': 'format',
  'request.combineWith.[]': 'format',
  'entry.[].fullUrl': 'format',
  'entry.[].resource.resourceType': 'format',
  'entry.[].resource.id': 'format',
  // An indication code, by which quotes find their prices; and the days and times of money records.
  indication: 'format',
  validUntil: 'format',
  dueDate: 'format',
  receivedAt: 'format',
};

/** Text fields every version of the API has: the discovery must find them. */
export const knownTextFields = [
  'POST /api/patients firstName',
  'PATCH /api/patients/:id lastName',
  'POST /api/users displayName',
  'POST /api/invitations displayName',
  'POST /api/clinics/:id/locations address',
  'POST /api/patients/:id/intakes patient.medications.[].name',
  'POST /api/patients/:id/consents typedName',
  'POST /api/consent-texts/:procedure/versions text',
  'POST /api/sessions/:id/chart notes',
  'POST /api/sessions/:id/side-effects symptom',
  'PUT /api/sessions/:id/outcome notes',
  'POST /api/products manufacturer',
  'POST /api/products/:id/lots lotNumber',
  'POST /api/locations/:id/exceptions reason',
  'PUT /api/clinics/:id/message-templates/:kind/:language body',
  'POST /api/invoices lines.[].description',
  'POST /api/invoices/:id/payments reference',
];

export interface FieldTarget {
  key: string;
  method: string;
  path: string;
  schema: OpenApiSchema;
  kind: FieldKind;
  sample: SampleWrite | undefined;
}

/** Every string field of every signed-in write route's body, as the OpenAPI document describes it. */
export function fieldTargets(
  operations: Operation[],
  writeKeys: ReadonlySet<string>,
  samples: Record<string, SampleWrite>,
): { targets: FieldTarget[]; unclassified: string[] } {
  const targets: FieldTarget[] = [];
  const unclassified: string[] = [];
  for (const op of operations) {
    const key = routeKey(op);
    if (!writeKeys.has(key)) continue;
    for (const schema of Object.values(op.bodies)) {
      for (const field of stringFields(schema)) {
        const kind = isPatterned(field.schema) ? 'format' : fieldKinds[field.path];
        if (kind === undefined) unclassified.push(`${key} ${field.path}`);
        else if (field.schema.format !== 'binary')
          targets.push({ key, method: op.method, path: field.path, schema: field.schema, kind, sample: samples[key] });
      }
    }
  }
  return { targets, unclassified };
}
