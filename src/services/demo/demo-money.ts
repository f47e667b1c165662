import type { Invoice } from '../../core/money/money-records.js';
import type { PatientRecord } from '../../core/records/index.js';
import { demoClinic } from '../../storage/seed/demo-data.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import { issueCreditNote } from '../money/credit-notes.js';
import { issueInvoice } from '../money/invoices.js';
import { recordPayment } from '../money/payments.js';
import { createPrice, type PriceRequest } from '../money/prices.js';
import { createQuote, decideQuote } from '../money/quotes.js';
import { audit, localInstant, minutes, type DemoContext } from './demo-context.js';
import type { DemoPatient } from './demo-patients.js';

/** Prices in euro cents before 19 % VAT, as a German practice would list them. */
const vat = 19;
const priceList: PriceRequest[] = [
  { kind: 'session', name: 'Mesotherapy session', unitPriceMinor: 14_000, currency: 'EUR', taxRatePercent: vat },
  {
    kind: 'session',
    name: 'Hair loss session',
    indication: 'hair_loss',
    unitPriceMinor: 16_000,
    currency: 'EUR',
    taxRatePercent: vat,
  },
  {
    kind: 'course_package',
    name: 'Hair loss course of 6',
    indication: 'hair_loss',
    sessions: 6,
    unitPriceMinor: 85_000,
    currency: 'EUR',
    taxRatePercent: vat,
  },
  {
    kind: 'session',
    name: 'Skin rejuvenation session',
    indication: 'skin_rejuvenation',
    unitPriceMinor: 18_000,
    currency: 'EUR',
    taxRatePercent: vat,
  },
  {
    kind: 'course_package',
    name: 'Skin rejuvenation course of 4',
    indication: 'skin_rejuvenation',
    sessions: 4,
    unitPriceMinor: 64_000,
    currency: 'EUR',
    taxRatePercent: vat,
  },
  {
    kind: 'session',
    name: 'Cellulite session',
    indication: 'cellulite',
    unitPriceMinor: 12_000,
    currency: 'EUR',
    taxRatePercent: vat,
  },
  { kind: 'product', name: 'Home-care serum, 30 ml', unitPriceMinor: 3_500, currency: 'EUR', taxRatePercent: vat },
  {
    kind: 'area',
    name: 'Additional area: neck',
    area: 'neck',
    unitPriceMinor: 6_000,
    currency: 'EUR',
    taxRatePercent: vat,
  },
];

/** Whole euros: what a clinic asks as a deposit or takes in part. */
const roundedEuros = (cents: number) => Math.round(cents / 100) * 100;

async function patientOf(ctx: DemoContext, story: DemoPatient): Promise<PatientRecord> {
  const [patient] = await ctx.tx.patients.search({
    clinicId: ctx.setup.clinic.id,
    name: `${story.firstName} ${story.lastName}`,
    limit: 1,
    offset: 0,
  });
  if (!patient) throw new Error(`demo money: no patient ${story.firstName} ${story.lastName}`);
  return patient;
}

async function pay(ctx: DemoContext, invoice: Invoice, amountMinor: number, method: 'cash' | 'card' | 'transfer') {
  const reception = ctx.setup.staff.reception;
  if (amountMinor <= 0) return;
  const { audit: events } = await recordPayment(
    ctx.tx,
    reception,
    invoice.id,
    { amountMinor, method },
    ctx.timeline.now,
  );
  await audit(ctx, reception, events);
}

/** The course's quote, its deposit and its invoice, and how the patient paid, by the story's place in the list. */
function scheduleCourseMoney(ctx: DemoContext, story: DemoPatient, index: number): void {
  const course = story.course;
  if (!course) return;
  const { tx, setup, timeline } = ctx;
  const reception = setup.staff.reception;
  const decision = index % 7 === 5 ? 'open' : index % 7 === 6 ? 'decline' : 'accept';
  const withDeposit = decision === 'accept' && index % 3 === 0;
  let quoteId: string | undefined;

  // Quoted once the course is booked, the afternoon the patient was first seen.
  timeline.at(localInstant(ctx, story.seenDay, '13:00') + minutes(index), async () => {
    const patient = await patientOf(ctx, story);
    const [booked] = await tx.courses.listByPatient(patient.id);
    if (!booked) return;
    const events: AuditEvent[] = [];
    const made = await createQuote(tx, reception, { patientId: patient.id, courseId: booked.id }, timeline.now);
    events.push(...made.audit);
    let quote = made.quote;
    if (withDeposit) {
      // A fifth of the course asked ahead: the quote is made again with the deposit on it.
      const deposit = roundedEuros(quote.totals.totalMinor / 5);
      const withdrawn = await decideQuote(tx, reception, quote.id, 'withdraw', timeline.now);
      const again = await createQuote(
        tx,
        reception,
        { patientId: patient.id, courseId: booked.id, depositMinor: deposit },
        timeline.now,
      );
      events.push(...withdrawn.audit, ...again.audit);
      quote = again.quote;
    }
    if (decision !== 'open') events.push(...(await decideQuote(tx, reception, quote.id, decision, timeline.now)).audit);
    quoteId = quote.id;
    await audit(ctx, reception, events);
    if (withDeposit) {
      const { invoice, audit: issued } = await issueInvoice(
        tx,
        reception,
        { patientId: patient.id, quoteId: quote.id, kind: 'deposit' },
        timeline.now,
      );
      await audit(ctx, reception, issued);
      await pay(ctx, invoice, invoice.balanceMinor, 'card');
    }
  });

  if (decision !== 'accept') return;
  // Invoiced the evening of the first session; paid at once, in part, later, or not yet.
  timeline.at(localInstant(ctx, course.firstDay, '18:30') + minutes(index), async () => {
    if (!quoteId) return;
    const patient = await patientOf(ctx, story);
    const { invoice, audit: issued } = await issueInvoice(
      tx,
      reception,
      { patientId: patient.id, quoteId },
      timeline.now,
    );
    await audit(ctx, reception, issued);
    const pattern = index % 4;
    if (pattern === 0) await pay(ctx, invoice, invoice.balanceMinor, 'cash');
    if (pattern === 1) await pay(ctx, invoice, roundedEuros(invoice.balanceMinor / 2), 'card');
    if (pattern === 3)
      timeline.at(localInstant(ctx, Math.min(course.firstDay + 28, 0), '11:00') + minutes(index), async () => {
        const now = await tx.invoices.findInvoice(invoice.id);
        if (now) await pay(ctx, now, now.balanceMinor, 'transfer');
      });
    if (pattern === 2 && index % 8 === 2)
      timeline.at(localInstant(ctx, course.firstDay + 1, '10:00') + minutes(index), async () => {
        const { audit: credited } = await issueCreditNote(
          tx,
          reception,
          invoice.id,
          { amountMinor: roundedEuros(invoice.totals.totalMinor / 10), reason: 'Goodwill: the session started late' },
          timeline.now,
        );
        await audit(ctx, reception, credited);
      });
  });
}

/**
 * The demo's books: billing details and a price list the day the clinic opens, then each course
 * quoted, accepted (or left open, or declined), its deposit and invoice issued and paid in the ways
 * a clinic sees, and one credit note; the portal patient also has an open quote for a product.
 */
export function scheduleDemoMoney(ctx: DemoContext, stories: readonly DemoPatient[], openedAt: number): void {
  const { tx, setup, timeline } = ctx;
  const admin = setup.staff.admin;
  timeline.at(openedAt + minutes(30), async () => {
    await tx.money.saveBillingDetails({
      clinicId: setup.clinic.id,
      legalName: `${demoClinic.name} GmbH`,
      address: demoClinic.location.address,
      phone: '+49 30 5550 1000',
      email: 'billing@demo-clinic.example',
      taxId: 'DE 000 000 000',
      currency: 'EUR',
      paymentTermDays: 14,
    });
    const events: AuditEvent[] = [
      { action: 'update', entity: 'clinic_billing_details', entityId: setup.clinic.id, patientId: null },
    ];
    for (const price of priceList) events.push(...(await createPrice(tx, admin, price)).audit);
    await audit(ctx, admin, events);
  });
  stories.forEach((story, index) => scheduleCourseMoney(ctx, story, index));

  const portal = stories.find((s) => s.portal);
  if (portal)
    timeline.at(localInstant(ctx, portal.seenDay, '13:30'), async () => {
      const patient = await patientOf(ctx, portal);
      const [serum] = await tx.money.listPrices(setup.clinic.id, { active: true, kind: 'product' });
      if (!serum) return;
      const { audit: events } = await createQuote(
        tx,
        setup.staff.reception,
        { patientId: patient.id, lines: [{ priceId: serum.id, quantity: 2 }], validUntil: ctx.today },
        timeline.now,
      );
      await audit(ctx, setup.staff.reception, events);
    });
}
