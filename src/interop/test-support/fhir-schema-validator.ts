import { createRequire } from 'node:module';

/** A typed face for @asymmetrik/fhir-json-schema-validator (a dev dependency with no types): tests only. */
interface UntypedValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
}

const require = createRequire(import.meta.url);
const Validator = require('@asymmetrik/fhir-json-schema-validator') as new () => UntypedValidator;

let shared: UntypedValidator | undefined;

/**
 * Errors from the official FHIR R4 JSON schema, one line each ("/entry/3/resource/status: must be
 * equal to one of the allowed values"); empty when valid. Compiling the schema takes a few seconds,
 * so one validator is shared.
 */
export function fhirSchemaErrors(resource: unknown): string[] {
  shared ??= new Validator();
  // Verbose: the library's condensed mode recompiles (and mutates) the schema on every failure.
  return shared.validate(resource, true).map((e) => {
    const err = e as { dataPath?: string; message?: string; params?: unknown };
    return `${err.dataPath ?? ''}: ${err.message ?? ''} ${JSON.stringify(err.params ?? {})}`;
  });
}
