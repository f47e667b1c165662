import { randomInt } from 'node:crypto';
import { exampleRequest } from '../../../src/test-support/intake-examples.js';
import type { NewPatient } from './write-log.js';

const firstNames = ['Amelie', 'Bruno', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas'];
/** Requests from examples/ that every adult may make, with varied verdicts. */
const intakeExamples = [
  'healthy-35-hair-loss',
  'hyaluronic-acid-allergy-face',
  'localized-fat-abdomen',
  'uncontrolled-hypertension',
  'insulin-diabetes-face',
  'under-eye-with-botox',
];

function letters(n: number): string {
  return Array.from({ length: n }, () => String.fromCharCode(97 + randomInt(26))).join('');
}

function pick<T>(items: readonly T[]): T {
  const item = items[randomInt(items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** A patient with a last name no other test patient has, so it can be found by name even without its id. */
export function newPatient(): NewPatient {
  const lastName = `Rel${letters(10)}`;
  const birthDate = `${randomInt(1950, 2005)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
  return {
    firstName: pick(firstNames),
    lastName,
    birthDate,
    sex: pick(['female', 'male'] as const),
    email: `${lastName.toLowerCase()}@example.org`,
    phone: null,
  };
}

/** An intake from examples/, made to describe `patient` (the server refuses a differing birth date). */
export function newIntake(patient: NewPatient): Record<string, unknown> {
  const example = exampleRequest(pick(intakeExamples));
  return {
    ...example,
    patient: { ...(example.patient as Record<string, unknown>), birthDate: patient.birthDate, sex: patient.sex },
  };
}

/** Unique per write, so the stored phone tells which change came last. */
export function newPhone(storyIndex: number, writeIndex: number): string {
  return `+44 20 ${String(storyIndex).padStart(4, '0')} ${String(writeIndex).padStart(4, '0')}`;
}
