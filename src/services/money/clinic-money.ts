import { ZoneCalendar } from '../../core/scheduling/zone-calendar.js';
import { dayNumber } from '../../core/dates/iso-date.js';
import { localDate } from '../../core/dates/local-date.js';
import type { ClinicBillingDetails } from '../../core/money/money-records.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicTimeZone } from '../documents/clinic-zone.js';

/** The currency of a clinic that set none and has no prices yet. */
export const fallbackCurrency = 'EUR';

export const emptyBillingDetails = (clinicId: string): ClinicBillingDetails => ({
  clinicId,
  legalName: null,
  address: null,
  phone: null,
  email: null,
  taxId: null,
  currency: null,
  paymentTermDays: null,
});

export async function billingDetails(repos: Repositories, clinicId: string): Promise<ClinicBillingDetails> {
  return (await repos.money.findBillingDetails(clinicId)) ?? emptyBillingDetails(clinicId);
}

/** The clinic's currency: the one it set, else that of its first active price, else EUR. */
export async function clinicCurrency(repos: Repositories, clinicId: string): Promise<string> {
  const set = (await repos.money.findBillingDetails(clinicId))?.currency;
  if (set) return set;
  const [first] = await repos.money.listPrices(clinicId, { active: true });
  return first?.currency ?? fallbackCurrency;
}

/** The clinic's calendar: its zone, today there, and the instants a local day starts and ends. */
export async function clinicCalendar(repos: Repositories, clinicId: string, now: Date) {
  const timeZone = await clinicTimeZone(repos, clinicId);
  const calendar = new ZoneCalendar(timeZone);
  return {
    timeZone,
    today: localDate(now.toISOString(), timeZone),
    /** [start, end) of a local day, as ISO instants comparable with stored timestamps. */
    dayBounds(date: string): { start: string; end: string } {
      const day = calendar.day(dayNumber(date));
      return { start: new Date(day.startMs).toISOString(), end: new Date(day.endMs).toISOString() };
    },
  };
}
