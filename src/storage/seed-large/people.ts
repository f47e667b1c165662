import type { Sex } from '../../core/records/index.js';
import { femaleNames, maleNames } from './given-names.js';
import type { SeededRandom } from './seeded-random.js';
import { lastName } from './surnames.js';

/**
 * Invented people for a large synthetic clinic. The names mix languages, accents, hyphens and
 * particles on purpose, so name search meets what real front desks type; emails use the reserved
 * `.example` domain so that no real mailbox is ever addressed.
 */

const cityCodes = ['30', '40', '89', '221', '69', '711', '211', '341', '351', '511'];

export interface Person {
  firstName: string;
  lastName: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
}

function asciiLocal(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function phone(random: SeededRandom): string {
  const style = random.int(0, 3);
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  if (style === 0) return `+49 ${random.pick(cityCodes)} ${digits(4)} ${digits(4)}`;
  if (style === 1) return `0${random.int(151, 179)} ${digits(7)}`;
  if (style === 2) return `+49 (0)${random.pick(cityCodes)} ${digits(3)}-${digits(4)}`;
  return `+${random.pick(['43', '41', '39', '33', '44'])} ${digits(3)} ${digits(3)} ${digits(4)}`;
}

/** Mesotherapy patients are mostly women; a few records leave sex open. */
export function person(random: SeededRandom, serial: number): Person {
  const sex = random.weighted<Sex>([
    ['female', 80],
    ['male', 18],
    ['other', 1],
    ['unknown', 1],
  ]);
  const firstName = random.pick(
    sex === 'male' ? maleNames : sex === 'female' ? femaleNames : random.chance(0.5) ? femaleNames : maleNames,
  );
  const last = random.chance(0.04) ? `${lastName(random)}-${lastName(random)}` : lastName(random);
  return {
    firstName,
    lastName: last,
    sex,
    phone: random.chance(0.92) ? phone(random) : null,
    // The serial keeps the addresses of namesakes apart.
    email: random.chance(0.75) ? `${asciiLocal(firstName)}.${asciiLocal(last)}${serial}@mail.example` : null,
  };
}

export const staffNames = { femaleNames, maleNames, lastName };
