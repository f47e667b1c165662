import type { LightMyRequestResponse } from 'fastify';
import type { SampleRequest } from './sample-writes.js';
import { setField } from './string-fields.js';

// One field of a sample request set to a hostile value, and whether a 400 answer names that field.

/** The sample with one field set: in the JSON body, or as a form field of a multipart form. */
export function withField(request: SampleRequest, path: string, value: string): SampleRequest | undefined {
  if (request.form) {
    if (path.includes('.')) return undefined;
    return { ...request, form: [...request.form.filter((p) => p.name !== path), { name: path, value }] };
  }
  const payload = structuredClone(request.payload ?? {});
  return setField(payload, path, value) ? { ...request, payload } : undefined;
}

export const problemFields = (response: LightMyRequestResponse): string[] => {
  try {
    return ((response.json() as { problems?: { field: string }[] }).problems ?? []).map((p) => p.field);
  } catch {
    return [];
  }
};

/**
 * Whether a problem is about `path` (`patient.medications.[].name` is reported as
 * `patient.medications[0].name`), or about the list or object that holds it.
 */
export function namesField(response: LightMyRequestResponse, path: string): boolean {
  const wanted = path.replace(/\.\[\]/g, '[]');
  return problemFields(response).some((field) => {
    const reported = field.replace(/\[\d+\]/g, '[]');
    return reported === wanted || wanted.startsWith(`${reported}.`) || wanted.startsWith(`${reported}[]`);
  });
}
