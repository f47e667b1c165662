import type { ClinicBillingDetails, Quote } from '../../core/money/money-records.js';
import type { MoneyLine, PriceKind, PriceListItem, QuoteStatus } from '../../core/money/money-types.js';

export type NewPrice = Omit<PriceListItem, 'id' | 'active'>;
export type PricePatch = Partial<Pick<PriceListItem, 'name' | 'unitPriceMinor' | 'taxRatePercent' | 'active'>>;

export interface NewQuote {
  clinicId: string;
  patientId: string;
  courseId: string | null;
  currency: string;
  lines: readonly MoneyLine[];
  depositMinor: number;
  validUntil: string | null;
  createdBy: string | null;
}

export interface QuoteQuery {
  clinicId: string;
  patientId?: string;
  courseId?: string;
  status?: QuoteStatus;
}

/** The price list, quotes and the clinic's billing details (issued documents: invoice-repository.ts). */
export interface MoneyRepository {
  findBillingDetails(clinicId: string): Promise<ClinicBillingDetails | undefined>;
  saveBillingDetails(details: ClinicBillingDetails): Promise<ClinicBillingDetails>;

  createPrice(input: NewPrice): Promise<PriceListItem>;
  findPrice(id: string): Promise<PriceListItem | undefined>;
  /** The clinic's prices by kind and name; only active ones when asked. */
  listPrices(clinicId: string, options?: { active?: boolean; kind?: PriceKind }): Promise<PriceListItem[]>;
  updatePrice(id: string, patch: PricePatch): Promise<PriceListItem | undefined>;

  createQuote(input: NewQuote): Promise<Quote>;
  findQuote(id: string): Promise<Quote | undefined>;
  /** Newest first. */
  listQuotes(query: QuoteQuery): Promise<Quote[]>;
  /**
   * Moves an open quote to `status` in one conditional UPDATE: undefined (and nothing changed) when
   * it is no longer open, so two people deciding at once cannot both succeed.
   */
  decideQuote(id: string, status: Exclude<QuoteStatus, 'open'>): Promise<Quote | undefined>;
}
