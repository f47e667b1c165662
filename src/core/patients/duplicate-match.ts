/**
 * Whether a new patient looks like one already registered: the same name and birth date, or the
 * same phone number, or the same email. Names compare without case, accents or punctuation, the
 * Turkish way too (İ and I, ı and i are one letter here: staff type "Isik" for "Işık"), and in
 * either order (first and last name swapped); phones by their last nine digits, so that a number
 * with and without its country code or trunk zero is one number.
 */

export const duplicateReasons = ['name_and_birth_date', 'phone', 'email'] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

/** What is known of the person: a name with its birth date, a phone, an email (any of them). */
export interface DuplicateProbe {
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  phone?: string | null;
  email?: string | null;
}

/** Digits a phone number needs before it names one person: shorter ones are extensions or typos. */
export const minPhoneDigits = 7;
/** Trailing digits compared: a national number without its country code or trunk prefix. */
export const phoneTailDigits = 9;

/** "İLKER Işık-Öz" → "ilker isik oz". */
export function duplicateNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The last nine digits of a phone number, or null when it has too few digits to compare. */
export function phoneTail(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D+/g, '');
  return digits.length < minPhoneDigits ? null : digits.slice(-phoneTailDigits);
}

/** An email as compared: trimmed, lower case; null when empty. */
export function emailKey(email: string | null | undefined): string | null {
  const key = (email ?? '').trim().toLowerCase();
  return key || null;
}

function sameName(a: DuplicateProbe, b: DuplicateProbe): boolean {
  const [af, al, bf, bl] = [a.firstName, a.lastName, b.firstName, b.lastName].map((n) => duplicateNameKey(n ?? ''));
  if (!af || !al) return false;
  return (af === bf && al === bl) || (af === bl && al === bf);
}

/** Why `candidate` may be the same person as `probe`, in the order of `duplicateReasons`; empty when nothing matches. */
export function duplicateReasonsFor(probe: DuplicateProbe, candidate: DuplicateProbe): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (probe.birthDate !== undefined && probe.birthDate === candidate.birthDate && sameName(probe, candidate))
    reasons.push('name_and_birth_date');
  const tail = phoneTail(probe.phone);
  if (tail !== null && tail === phoneTail(candidate.phone)) reasons.push('phone');
  const email = emailKey(probe.email);
  if (email !== null && email === emailKey(candidate.email)) reasons.push('email');
  return reasons;
}
