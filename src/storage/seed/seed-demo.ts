import { addDays, type IsoDate } from '../../core/dates/iso-date.js';
import type {
  ClinicRecord,
  ConsentTextRecord,
  LocationRecord,
  LotRecord,
  ProductRecord,
  RoomRecord,
  UserRecord,
} from '../../core/records/index.js';
import type { Repositories } from '../repositories/repositories.js';
import {
  demoClinic,
  demoConsentText,
  demoPractitioners,
  demoProducts,
  demoStaff,
  type DemoPractitioner,
  type DemoProductKey,
  type DemoStaffKey,
} from './demo-data.js';

/** The demo clinic as set up, before any patient: what the demo's history is written against. */
export interface DemoSetup {
  clinic: ClinicRecord;
  location: LocationRecord;
  rooms: Record<DemoPractitioner, RoomRecord>;
  staff: Record<DemoStaffKey, UserRecord>;
  products: Record<DemoProductKey, { product: ProductRecord; lots: LotRecord[] }>;
  consentText: ConsentTextRecord;
}

export interface DemoSetupOptions {
  /** The password hash of each staff member, by email. */
  passwordHashes: ReadonlyMap<string, string>;
  /** Today where the clinic is (lots expire relative to it). */
  today: IsoDate;
  /** The seed the demo is generated from, kept with the demo mark. */
  seed: number;
}

/**
 * The demo clinic's set-up, marked as a demo clinic (so that `mesodesk demo` may reset it): one
 * location, a room and working week per practitioner, staff of every role, a product catalogue
 * with lots, the current consent text, and the coming Christmas closure. Call inside a transaction.
 */
export async function seedDemoSetup(tx: Repositories, options: DemoSetupOptions): Promise<DemoSetup> {
  const { today } = options;
  const clinic = await tx.clinics.create({ name: demoClinic.name });
  await tx.clinics.markDemo(clinic.id, options.seed);
  const location = await tx.clinics.createLocation({ clinicId: clinic.id, ...demoClinic.location });

  const staff = {} as Record<DemoStaffKey, UserRecord>;
  for (const member of demoStaff) {
    const passwordHash = options.passwordHashes.get(member.email);
    if (!passwordHash) throw new Error(`no password hash for ${member.email}`);
    staff[member.key] = await tx.users.create({
      clinicId: clinic.id,
      email: member.email,
      displayName: member.displayName,
      role: member.role,
      passwordHash,
    });
  }

  const rooms = {} as Record<DemoPractitioner, RoomRecord>;
  for (const [key, { room, hours }] of Object.entries(demoPractitioners) as [
    DemoPractitioner,
    (typeof demoPractitioners)[DemoPractitioner],
  ][]) {
    rooms[key] = await tx.availability.createRoom({ locationId: location.id, name: room });
    await tx.availability.setPractitionerHours({
      practitionerId: staff[key].id,
      locationId: location.id,
      weeklyHours: hours,
      roomIds: [rooms[key].id],
    });
  }
  // The coming Christmas closure, unless the demo is made during it (its calendar would be empty today).
  const year = Number(today.slice(0, 4)) + (today > `${today.slice(0, 4)}-12-26` ? 1 : 0);
  const closure = { from: `${year}-12-24`, to: `${year}-12-26` };
  if (today < closure.from)
    await tx.availability.addException({
      locationId: location.id,
      practitionerId: null,
      kind: 'days',
      ...closure,
      reason: 'Christmas closure',
    });

  const consentText = await tx.consent.createText({
    clinicId: clinic.id,
    procedure: 'mesotherapy',
    text: demoConsentText,
    active: true,
  });
  const products = {} as DemoSetup['products'];
  for (const [key, product] of Object.entries(demoProducts) as [
    DemoProductKey,
    (typeof demoProducts)[DemoProductKey],
  ][]) {
    const created = await tx.products.createProduct({
      clinicId: clinic.id,
      name: product.name,
      manufacturer: product.manufacturer,
      ingredients: product.ingredients,
    });
    const lots: LotRecord[] = [];
    for (const lot of product.lots)
      lots.push(
        await tx.products.createLot({
          productId: created.id,
          lotNumber: lot.lotNumber,
          expiryDate: addDays(today, lot.expiresInDays),
        }),
      );
    products[key] = { product: created, lots };
  }
  return { clinic, location, rooms, staff, products, consentText };
}
