import { addDays, dayNumber, fromDayNumber } from '../../core/dates/iso-date.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Db } from '../create-database.js';
import type { Role } from '../../core/records/index.js';
import { createRepositories, type Repositories } from '../repositories/repositories.js';
import { demoConsentText } from '../seed/demo-data.js';
import { staffNames } from './people.js';
import type { SeededRandom } from './seeded-random.js';

/** The clinic's organisation: what every generated patient record refers to. */

export interface SetupPractitioner {
  id: string;
  locationId: string;
  roomId: string;
  timeZone: string;
  /** ISO weekdays (1 Monday ... 7 Sunday) this practitioner works. */
  workdays: ReadonlySet<number>;
  /** Saturdays are mornings only. */
  saturdayMorningsOnly: boolean;
}

export interface SetupLot {
  id: string;
  /** Day numbers (see core/dates): in use from `firstDay` until before `endDay` (expiry or recall). */
  firstDay: number;
  endDay: number;
}

export interface LargeClinicSetup {
  clinicId: string;
  practitioners: SetupPractitioner[];
  receptionIds: string[];
  consentTextId: string;
  /** Products (each with lots in order of use) by knowledge-base mixture id. */
  products: Map<string, { id: string; lots: SetupLot[] }[]>;
  logins: { role: Role; email: string }[];
}

export interface SetupOptions {
  clinicName: string;
  /** Part of every staff email: `practitioner-3@<emailDomain>`. */
  emailDomain: string;
  practitioners: number;
  /** Practitioners at each location (each with a room of their own). */
  practitionersPerLocation: number;
  passwordHash: string;
  /** The first day of the clinic's history, and today (YYYY-MM-DD). */
  historyStart: string;
  today: string;
}

const zones = ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/Amsterdam'];
const manufacturers = ['Demo Pharma', 'Example Labs', 'Placeholder Biotech'];
const workday = [
  { start: '09:00', end: '13:00' },
  { start: '14:00', end: '18:00' },
];
const saturday = [{ start: '09:00', end: '13:00' }];

function weeklyPattern(random: SeededRandom): { workdays: Set<number>; saturdayMorningsOnly: boolean } {
  const workdays = new Set([1, 2, 3, 4, 5]);
  // A quarter work four days, some add Saturday mornings.
  if (random.chance(0.25)) workdays.delete(random.int(1, 5));
  if (random.chance(0.3)) workdays.add(6);
  return { workdays, saturdayMorningsOnly: true };
}

/**
 * Creates the clinic with its locations, rooms, staff and their working weeks, the consent text,
 * and a product catalogue (two products per knowledge-base mixture, a new lot every few months
 * over the whole history, a few recalled), in one transaction through the repositories.
 */
export async function setUpLargeClinic(
  db: Db,
  kb: KnowledgeBase,
  random: SeededRandom,
  options: SetupOptions,
): Promise<LargeClinicSetup> {
  let clock = `${options.historyStart}T07:00:00.000Z`;
  const repos = createRepositories(db, { now: () => new Date(clock) });
  const { practitionersPerLocation } = options;
  const locationCount = Math.max(1, Math.ceil(options.practitioners / practitionersPerLocation));
  const email = (role: string, n: number) => `${role}-${n}@${options.emailDomain}`;
  const staffName = () =>
    `${random.pick(random.chance(0.7) ? staffNames.femaleNames : staffNames.maleNames)} ${staffNames.lastName(random)}`;

  return repos.transaction(async (tx: Repositories) => {
    const clinic = await tx.clinics.create({ name: options.clinicName });
    const user = (role: Role, address: string, displayName: string) =>
      tx.users.create({ clinicId: clinic.id, email: address, displayName, passwordHash: options.passwordHash, role });
    const logins: { role: Role; email: string }[] = [];
    const admin = await user('admin', `admin@${options.emailDomain}`, 'Clinic Administrator');
    logins.push({ role: 'admin', email: admin.email });

    const practitioners: SetupPractitioner[] = [];
    const receptionIds: string[] = [];
    for (let l = 0; l < locationCount; l++) {
      const timeZone = zones[l % zones.length] ?? 'Europe/Berlin';
      const location = await tx.clinics.createLocation({
        clinicId: clinic.id,
        name: `Practice ${l + 1}`,
        address: `${10 + l} Example Street, Demo Town`,
        timeZone,
      });
      for (let r = 0; r < 2; r++) {
        const reception = await user('reception', email('reception', l * 2 + r + 1), staffName());
        receptionIds.push(reception.id);
        if (l === 0 && r === 0) logins.push({ role: 'reception', email: reception.email });
      }
      const here = Math.min(practitionersPerLocation, options.practitioners - l * practitionersPerLocation);
      for (let p = 0; p < here; p++) {
        const n = practitioners.length + 1;
        const room = await tx.availability.createRoom({ locationId: location.id, name: `Treatment room ${p + 1}` });
        const practitioner = await user('practitioner', email('practitioner', n), `Dr ${staffName()}`);
        const pattern = weeklyPattern(random);
        const weeklyHours: Record<number, { start: string; end: string }[]> = {};
        for (const day of pattern.workdays) weeklyHours[day] = day === 6 ? saturday : workday;
        await tx.availability.setPractitionerHours({
          practitionerId: practitioner.id,
          locationId: location.id,
          weeklyHours,
          roomIds: [room.id],
        });
        practitioners.push({ id: practitioner.id, locationId: location.id, roomId: room.id, timeZone, ...pattern });
        if (n === 1) logins.push({ role: 'practitioner', email: practitioner.email });
      }
    }

    const consent = await tx.consent.createText({
      clinicId: clinic.id,
      procedure: 'mesotherapy',
      text: demoConsentText,
      active: true,
    });

    const products = new Map<string, { id: string; lots: SetupLot[] }[]>();
    const first = dayNumber(options.historyStart) - 120;
    const last = dayNumber(options.today) + 60;
    for (const mixture of kb.mixtures.values()) {
      const list: { id: string; lots: SetupLot[] }[] = [];
      for (let k = 0; k < 2; k++) {
        const product = await tx.products.createProduct({
          clinicId: clinic.id,
          name: `${mixture.name}${k === 0 ? '' : ' Plus'}`,
          manufacturer: manufacturers[(list.length + mixture.id.length) % manufacturers.length] ?? null,
          ingredients: mixture.ingredients.map((i) => i.ingredient),
        });
        const lots: SetupLot[] = [];
        for (let day = first + random.int(0, 60), n = 1; day <= last; day += random.int(90, 150), n++) {
          clock = `${fromDayNumber(day)}T08:00:00.000Z`;
          const expiry = addDays(fromDayNumber(day), 540);
          const lot = await tx.products.createLot({
            productId: product.id,
            lotNumber: `${mixture.id.slice(0, 2).toUpperCase()}${k}-${fromDayNumber(day).slice(2, 7).replace('-', '')}-${n}`,
            expiryDate: expiry,
          });
          let endDay = dayNumber(expiry);
          // A recalled lot was used until the recall, which is what makes finding its recipients matter.
          const recallDay = day + random.int(30, 200);
          if (random.chance(0.03) && recallDay < dayNumber(options.today)) {
            endDay = recallDay;
            clock = `${fromDayNumber(endDay)}T10:00:00.000Z`;
            await tx.products.setLotRecalled(lot.id, true);
          }
          lots.push({ id: lot.id, firstDay: day, endDay });
        }
        list.push({ id: product.id, lots });
      }
      products.set(mixture.id, list);
    }
    return { clinicId: clinic.id, practitioners, receptionIds, consentTextId: consent.id, products, logins };
  });
}
