import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { InvoiceDocument, MoneyLine, TaxBand } from '../../core/money/money-types.js';
import { imageDifference, pageImage, popplerText } from '../test-support/poppler.js';
import { englishInvoiceLabels, invoiceLabelsFor, turkishInvoiceLabels } from './invoice-labels.js';
import { invoicePdf, renderInvoice } from './invoice-pdf.js';

/** Run with MESODESK_WRITE_PDF_REFERENCE=1 to (re)write the reference image after a deliberate layout change. */
const writeReference = process.env['MESODESK_WRITE_PDF_REFERENCE'] === '1';
const referencePng = fileURLToPath(new URL('test-fixtures/invoice-tr-page1.png', import.meta.url));
const dpi = 100;
/** Pixels allowed to differ beyond the grey threshold: anti-aliasing drift between poppler builds, not glyphs. */
const maxDifferingShare = 0.0002;
const createdAt = new Date('2026-02-15T09:30:00Z');

/** A line as the money rules make it: tax rounded half away from zero to a minor unit. */
function line(description: string, quantity: number, unitPriceMinor: number, taxRatePercent: number): MoneyLine {
  const netMinor = quantity * unitPriceMinor;
  const raw = (netMinor * taxRatePercent) / 100;
  const taxMinor = Math.sign(raw) * Math.round(Math.abs(raw));
  return {
    description,
    quantity,
    unitPriceMinor,
    taxRatePercent,
    netMinor,
    taxMinor,
    totalMinor: netMinor + taxMinor,
    // A price-list id: internal, never printed.
    priceId: 'price_face_course',
  };
}

function document(
  base: Omit<InvoiceDocument, 'taxBands' | 'totals' | 'balanceMinor'> & { balanceMinor?: number },
): InvoiceDocument {
  const bands = new Map<number, TaxBand>();
  for (const l of base.lines) {
    const band = bands.get(l.taxRatePercent) ?? { taxRatePercent: l.taxRatePercent, netMinor: 0, taxMinor: 0 };
    bands.set(l.taxRatePercent, {
      ...band,
      netMinor: band.netMinor + l.netMinor,
      taxMinor: band.taxMinor + l.taxMinor,
    });
  }
  const sum = (pick: (l: MoneyLine) => number) => base.lines.reduce((s, l) => s + pick(l), 0);
  const totals = {
    netMinor: sum((l) => l.netMinor),
    taxMinor: sum((l) => l.taxMinor),
    totalMinor: sum((l) => l.totalMinor),
  };
  return {
    ...base,
    taxBands: [...bands.values()].sort((a, b) => b.taxRatePercent - a.taxRatePercent),
    totals,
    balanceMinor: base.balanceMinor ?? totals.totalMinor - base.paidMinor - base.creditedMinor,
  };
}

const turkishClinic = {
  name: 'Klinik Işıl Güzellik',
  address: 'Bağdat Caddesi No: 12, Kadıköy, İstanbul',
  phone: '+90 216 555 01 02',
  email: 'bilgi@klinik-isil.example',
  taxId: '4830012345',
};

const turkishInvoice = document({
  kind: 'invoice',
  number: '2026-000042',
  issueDate: '2026-02-15',
  dueDate: '2026-08-01',
  creditsInvoiceNumber: null,
  reason: null,
  currency: 'TRY',
  clinic: turkishClinic,
  patient: { name: 'Ayşe Yılmaz', address: 'Çiçek Sokak 5, Üsküdar, İstanbul', email: 'ayse@example.com' },
  lines: [
    line('Yüz gençleştirme mezoterapisi, 4 seanslık kür', 1, 1_200_000, 20),
    line('Saç dökülmesi için peptit serumu', 2, 45_050, 10),
    line('Ön ödeme düşümü (2026-000040)', 1, -200_000, 20),
  ],
  paidMinor: 500_000,
  creditedMinor: 0,
  locale: 'tr-TR',
});

const turkishCreditNote = document({
  kind: 'credit_note',
  number: 'CN-2026-000003',
  issueDate: '2026-03-02',
  dueDate: null,
  creditsInvoiceNumber: '2026-000042',
  reason: 'İptal edilen üçüncü seans; hasta ödemeyi geri istedi',
  currency: 'TRY',
  clinic: turkishClinic,
  patient: { name: 'Ayşe Yılmaz', address: null, email: null },
  lines: [line('Yüz gençleştirme mezoterapisi, iptal edilen seans', 1, 300_000, 20)],
  paidMinor: 0,
  creditedMinor: 0,
  balanceMinor: 0,
  locale: 'tr',
});

const englishBase = {
  kind: 'deposit',
  number: '2026-000040',
  issueDate: '2026-01-20',
  dueDate: '2026-02-03',
  creditsInvoiceNumber: null,
  reason: null,
  currency: 'EUR',
  clinic: {
    name: 'Harbour Skin Clinic',
    address: '4 Quay Street, Galway',
    phone: null,
    email: null,
    taxId: 'IE1234567T',
  },
  patient: { name: 'Siobhan Kelly', address: null, email: 'siobhan@example.com' },
  lines: [line('Deposit: hair loss course of 6 sessions', 1, 123_450, 7.5)],
  paidMinor: 0,
  creditedMinor: 0,
  locale: 'en-GB',
} as const;
const englishInvoice = document(englishBase);

const flat = (text: string) => text.replace(/\s+/g, ' ');
/** The text in reading order (wrapped cells kept together), and line by line as printed (a label beside its amount). */
async function read(pdf: Buffer): Promise<{ text: string; lines: string }> {
  const [text, lines] = await Promise.all([popplerText(pdf), popplerText(pdf, { layout: true })]);
  return { text: flat(text), lines: flat(lines) };
}
/** snake_case codes (`credit_note`, `price_face_course`, `part_paid`) are the system's, never the reader's. */
const snakeCase = /\b[a-z]+_[a-z0-9_]+\b/;

describe('invoice PDF', () => {
  it('prints a Turkish invoice in Turkish words, lira amounts and dates, every letter as itself', async () => {
    const { text, lines } = await read(await invoicePdf(turkishInvoice, { createdAt }));
    for (const expected of [
      'Fatura',
      'Klinik Işıl Güzellik',
      'Bağdat Caddesi No: 12, Kadıköy, İstanbul',
      'Vergi numarası: 4830012345',
      'E-posta: bilgi@klinik-isil.example',
      'Belge no: 2026-000042',
      'Düzenleme tarihi: 15 Şubat 2026',
      'Son ödeme tarihi: 1 Ağustos 2026',
      'HASTA',
      'Ayşe Yılmaz',
      'Çiçek Sokak 5, Üsküdar, İstanbul',
      'Yüz gençleştirme mezoterapisi, 4 seanslık kür',
      'Saç dökülmesi için peptit serumu',
      'Açıklama',
      'KDV oranı',
      'KDV özeti',
      'Kalan borç',
    ])
      expect(text).toContain(expected);
    // Turkish grouping and decimals, the lira sign first, the percent sign before the rate.
    for (const amount of ['₺12.000,00', '₺450,50', '₺901,00', '-₺2.000,00', '₺10.901,00', '₺2.090,10', '₺12.991,10'])
      expect(text).toContain(amount);
    expect(text).toContain('%20');
    expect(text).toContain('%10');
    expect(lines).toContain('Genel toplam ₺12.991,10');
    expect(lines).toContain('Ödenen ₺5.000,00');
    expect(lines).toContain('İade edilen ₺0,00');
    expect(lines).toContain('Kalan borç ₺7.991,10');
    expect(text).not.toMatch(snakeCase);
    for (const english of ['Invoice', 'Patient', 'Total', 'Balance']) expect(text).not.toContain(english);
  });

  it('draws the Turkish page as the reference image shows it', async () => {
    const png = await pageImage(await invoicePdf(turkishInvoice, { createdAt }), 1, dpi);
    if (writeReference) {
      await mkdir(dirname(referencePng), { recursive: true });
      await writeFile(referencePng, png);
    }
    expect(existsSync(referencePng), 'no reference image: run with MESODESK_WRITE_PDF_REFERENCE=1').toBe(true);
    const difference = await imageDifference(png, await readFile(referencePng));
    expect(difference.share).toBeLessThanOrEqual(maxDifferingShare);
  });

  it('the image comparison notices Turkish letters drawn as plain Latin ones', async () => {
    // The same page with İ ı ş ğ ç ö ü folded to I i s g c o u: what a font without them would leave.
    const fold = (s: string) =>
      s.replace(
        /[İıŞşĞğÇçÖöÜü]/g,
        (c) =>
          ({ İ: 'I', ı: 'i', Ş: 'S', ş: 's', Ğ: 'G', ğ: 'g', Ç: 'C', ç: 'c', Ö: 'O', ö: 'o', Ü: 'U', ü: 'u' })[c] ?? c,
      );
    const folded: InvoiceDocument = {
      ...turkishInvoice,
      clinic: { ...turkishClinic, name: fold(turkishClinic.name), address: fold(turkishClinic.address) },
      patient: { name: fold('Ayşe Yılmaz'), address: fold('Çiçek Sokak 5, Üsküdar, İstanbul'), email: null },
      lines: turkishInvoice.lines.map((l) => ({ ...l, description: fold(l.description) })),
    };
    const labels = JSON.parse(fold(JSON.stringify(turkishInvoiceLabels))) as typeof turkishInvoiceLabels;
    const png = await pageImage(await invoicePdf(folded, { createdAt, labels }), 1, dpi);
    const difference = await imageDifference(png, await readFile(referencePng));
    expect(difference.share).toBeGreaterThan(maxDifferingShare * 4);
  });

  it('prints a credit note with the invoice it credits and why, and no balance', async () => {
    const { text, lines } = await read(await invoicePdf(turkishCreditNote, { createdAt }));
    expect(text).toContain('İade faturası');
    expect(text).toContain('Belge no: CN-2026-000003');
    expect(text).toContain('İlgili fatura: 2026-000042');
    expect(text).toContain('İade nedeni: İptal edilen üçüncü seans; hasta ödemeyi geri istedi');
    expect(lines).toContain('İade toplamı ₺3.600,00');
    expect(text).not.toContain('Kalan borç');
    expect(text).not.toContain('Son ödeme tarihi');
    expect(text).not.toMatch(snakeCase);
  });

  it('prints an English deposit invoice in euros, with a fractional tax rate', async () => {
    const { text, lines } = await read(await invoicePdf(englishInvoice, { createdAt }));
    for (const expected of [
      'Deposit invoice',
      'Harbour Skin Clinic',
      'Tax ID: IE1234567T',
      'Number: 2026-000040',
      'Issue date: 20 January 2026',
      'Due date: 3 February 2026',
      'Siobhan Kelly',
      'Deposit: hair loss course of 6 sessions',
      '7.5%',
      // 1234.50 net, 7.5 % of it is 92.5875, rounded to 92.59.
      '€1,234.50',
      '€92.59',
      englishInvoiceLabels.depositNote,
    ])
      expect(text).toContain(expected);
    for (const expected of ['Total €1,327.09', 'Paid €0.00', 'Credited €0.00', 'Balance due €1,327.09'])
      expect(lines).toContain(expected);
    expect(text).not.toContain('Phone');
    expect(text).not.toMatch(snakeCase);
  });

  it('prints an English credit note with the invoice it credits', async () => {
    const creditNote: InvoiceDocument = {
      ...englishInvoice,
      kind: 'credit_note',
      number: 'CN-2026-000001',
      creditsInvoiceNumber: '2026-000040',
      reason: 'Course cancelled before the first session',
      dueDate: null,
    };
    const { text, lines } = await read(await invoicePdf(creditNote, { createdAt }));
    expect(text).toContain('Credit note');
    expect(text).toContain('Credits invoice: 2026-000040');
    expect(text).toContain('Reason: Course cancelled before the first session');
    expect(lines).toContain('Total credited €1,327.09');
    expect(text).not.toContain('Balance due');
    expect(text).not.toContain(englishInvoiceLabels.depositNote);
  });

  it('prints an overpaid balance as an amount in credit, in English and in Turkish', async () => {
    // Paid 124.00 more than the total: the clinic owes the patient, so no negative amount is "due".
    const overpaid = (base: InvoiceDocument): InvoiceDocument => ({
      ...base,
      paidMinor: base.totals.totalMinor + 12_400,
      balanceMinor: -12_400,
    });
    const english = await read(await invoicePdf(overpaid(englishInvoice), { createdAt }));
    expect(english.lines).toContain('In credit €124.00');
    expect(english.text).not.toContain('Balance due');
    expect(english.text).not.toMatch(/[-−]€124\.00/);
    const turkish = await read(await invoicePdf(overpaid(turkishInvoice), { createdAt }));
    expect(turkish.lines).toContain('Fazla ödenen ₺124,00');
    expect(turkish.text).not.toContain('Kalan borç');
    expect(turkish.text).not.toMatch(/[-−]₺124,00/);
    // Settled exactly, nothing is in credit: the balance line stays, at zero.
    const settled = await read(
      await invoicePdf(
        { ...englishInvoice, paidMinor: englishInvoice.totals.totalMinor, balanceMinor: 0 },
        { createdAt },
      ),
    );
    expect(settled.lines).toContain('Balance due €0.00');
    expect(settled.text).not.toContain('In credit');
  });

  it('calls a Turkish deposit invoice a "kapora" invoice, as the rest of mesodesk does', async () => {
    const { text } = await read(await invoicePdf({ ...englishInvoice, locale: 'tr-TR' }, { createdAt }));
    expect(text).toContain('Kapora faturası');
    expect(text).toContain(turkishInvoiceLabels.depositNote);
    expect(text.toLocaleLowerCase('tr')).not.toContain('ön ödeme');
    for (const words of [turkishInvoiceLabels.titles.deposit, turkishInvoiceLabels.depositNote])
      expect(words.toLocaleLowerCase('tr')).toContain('kapora');
  });

  it('writes amounts with the currency’s own number of decimals', async () => {
    const yen = document({ ...englishBase, kind: 'invoice', currency: 'JPY', lines: [line('Session', 3, 15_000, 10)] });
    const { text, lines } = await read(await invoicePdf(yen, { createdAt }));
    expect(text).toContain('¥45,000');
    expect(text).toContain('¥49,500');
    expect(text).not.toMatch(/¥[\d,]+\.\d/);
    // en-GB names the yen "JP¥" to tell it from the yuan.
    expect(lines).toContain('Balance due JP¥49,500');
  });

  it('is the same file for the same document and creation date', async () => {
    const [a, b] = await Promise.all([
      invoicePdf(turkishInvoice, { createdAt }),
      invoicePdf(turkishInvoice, { createdAt }),
    ]);
    expect(a.equals(b)).toBe(true);
  });

  it.each(['tr', 'tr-CY', 'TR-tr'])('chooses Turkish words for a tr locale: %s', (locale) => {
    expect(invoiceLabelsFor(locale)).toBe(turkishInvoiceLabels);
  });

  it.each(['en-GB', 'de-DE', 'trv'])('chooses English words for any other locale: %s', (locale) => {
    expect(invoiceLabelsFor(locale)).toBe(englishInvoiceLabels);
  });

  it('refuses a malformed date or an unknown currency before drawing anything', () => {
    expect(() => renderInvoice({ ...englishInvoice, issueDate: '20/01/2026' })).toThrow(RangeError);
    expect(() => renderInvoice({ ...englishInvoice, dueDate: '2026-02-30' })).toThrow(RangeError);
    expect(() => renderInvoice({ ...englishInvoice, currency: 'EURO' })).toThrow(RangeError);
  });

  it('flows a long invoice onto a second page, totals included', async () => {
    const many = document({
      ...englishBase,
      kind: 'invoice',
      lines: Array.from({ length: 45 }, (_, i) => line(`Session ${i + 1}`, 1, 10_000, 20)),
    });
    const text = await popplerText(await invoicePdf(many, { createdAt }), { layout: true });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    expect(flat(pages.at(-1)!)).toContain(`${pages.length} / ${pages.length}`);
    expect(flat(text)).toContain('Session 45');
    // 45 sessions of 100.00 with 20 % tax.
    expect(flat(pages.at(-1)!)).toContain('Balance due €5,400.00');
  });
});
