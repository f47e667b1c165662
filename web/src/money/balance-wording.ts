import type { TFunction } from 'i18next';

/**
 * An invoice's balance as people read it. What is still owed while something is; once the patient
 * has paid more than the invoice comes to (or a credit note came after payment), the clinic owes
 * them the difference, which reads as "In credit €124.00" rather than a negative amount owed.
 */
export function balanceWording(
  t: TFunction,
  money: (minor: number, currency: string) => string,
  balanceMinor: number,
  currency: string,
): string {
  if (balanceMinor < 0) return t('money.inCredit', { amount: money(-balanceMinor, currency) });
  return money(balanceMinor, currency);
}
