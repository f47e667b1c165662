import { daysBetween } from '../dates/iso-date.js';

export const owedBucketLabels = ['0-30', '31-60', '61-90', '90+'] as const;
export type OwedBucketLabel = (typeof owedBucketLabels)[number];

/** Days past the due date (the issue date when none was set) on `asOf`; 0 while not yet due. */
export const daysOverdue = (asOf: string, dueDate: string): number => Math.max(daysBetween(dueDate, asOf), 0);

export function owedBucket(days: number): OwedBucketLabel {
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '90+';
}

export interface OwedInput {
  issueDate: string;
  dueDate: string | null;
  balanceMinor: number;
}

/**
 * The aged list of what is owed on `asOf`: invoices with something left to pay, oldest debt first,
 * each in its bucket, and the total of each bucket (every bucket listed, empty ones at zero).
 */
export function ageOwed<T extends OwedInput>(
  invoices: readonly T[],
  asOf: string,
): {
  buckets: { label: OwedBucketLabel; totalMinor: number }[];
  items: (T & { daysOverdue: number; bucket: OwedBucketLabel })[];
} {
  const items = invoices
    .filter((invoice) => invoice.balanceMinor > 0 && invoice.issueDate <= asOf)
    .map((invoice) => {
      const days = daysOverdue(asOf, invoice.dueDate ?? invoice.issueDate);
      return { ...invoice, daysOverdue: days, bucket: owedBucket(days) };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.issueDate.localeCompare(b.issueDate));
  const buckets = owedBucketLabels.map((label) => ({
    label,
    totalMinor: items.filter((item) => item.bucket === label).reduce((sum, item) => sum + item.balanceMinor, 0),
  }));
  return { buckets, items };
}
