import type { Role } from '../../core/records/index.js';
import type { WeeklyHours } from '../../core/scheduling/availability.js';

/**
 * The demo clinic's set-up: the practice, its staff, working hours, products and consent text, as
 * an admin would enter them. Everything is invented; emails use the reserved `.example` domain so
 * that no real mailbox is ever addressed. The patients and what happened to them are in
 * src/services/demo/.
 */

export const demoClinic = {
  name: 'Mesodesk Demo Clinic',
  location: { name: 'Demo Town practice', address: '12 Example Street, Demo Town', timeZone: 'Europe/Berlin' },
};

export type DemoPractitioner = 'weber' | 'rossi';

const workday = [
  { start: '09:00', end: '13:00' },
  { start: '14:00', end: '18:00' },
];
const weekend = [{ start: '10:00', end: '16:00' }];
const everyDay = { 1: workday, 2: workday, 3: workday, 4: workday, 5: workday, 6: weekend, 7: weekend };

/**
 * The room and weekly hours (ISO weekday → local spans) of each practitioner. The demo clinic opens
 * every day, weekends for shorter hours, so that its calendar is full today whatever day the demo
 * is made.
 */
export const demoPractitioners: Record<DemoPractitioner, { room: string; hours: WeeklyHours }> = {
  weber: { room: 'Treatment room 1', hours: everyDay },
  rossi: { room: 'Treatment room 2', hours: everyDay },
};

export type DemoStaffKey = DemoPractitioner | 'admin' | 'reception';

export const demoStaff: { key: DemoStaffKey; role: Exclude<Role, 'patient'>; email: string; displayName: string }[] = [
  { key: 'admin', role: 'admin', email: 'admin@demo-clinic.example', displayName: 'Alex Admin' },
  { key: 'weber', role: 'practitioner', email: 'julia.weber@demo-clinic.example', displayName: 'Dr Julia Weber' },
  { key: 'rossi', role: 'practitioner', email: 'marco.rossi@demo-clinic.example', displayName: 'Dr Marco Rossi' },
  { key: 'reception', role: 'reception', email: 'reception@demo-clinic.example', displayName: 'Sara Lind' },
];

export type DemoProductKey = 'hair' | 'facial' | 'body' | 'repair' | 'prescription';

type DemoLot = { lotNumber: string; expiresInDays: number };
const lot = (lotNumber: string, expiresInDays: number): DemoLot => ({ lotNumber, expiresInDays });

/** Products whose ingredients fit the knowledge base's mixtures, so the chart page offers them for the plan. */
export const demoProducts: Record<
  DemoProductKey,
  { name: string; manufacturer: string; ingredients: string[]; lots: DemoLot[] }
> = {
  hair: {
    name: 'Hair revitalising cocktail',
    manufacturer: 'Demo Pharma',
    ingredients: ['vitamin_b', 'zinc', 'amino_acids', 'plant_extracts'],
    lots: [lot('HR-2401', 300), lot('HR-2312', 30)],
  },
  facial: {
    name: 'Facial revitalising serum',
    manufacturer: 'Demo Pharma',
    ingredients: ['hyaluronic_acid', 'vitamin_c', 'antioxidants', 'amino_acids'],
    lots: [lot('FR-2405', 420)],
  },
  body: {
    name: 'Body contouring blend',
    manufacturer: 'Example Labs',
    ingredients: ['phospholipids', 'plant_extracts'],
    // BC-2402 is the lot the demo's late nodule leads the clinic to recall.
    lots: [lot('BC-2402', 200), lot('BC-2406', 380)],
  },
  repair: {
    name: 'Skin repair complex',
    manufacturer: 'Example Labs',
    ingredients: ['hyaluronic_acid', 'vitamin_c', 'amino_acids', 'elastin', 'organic_acids'],
    lots: [lot('SR-2403', 250)],
  },
  prescription: {
    name: 'Compounded prescription (per patient)',
    manufacturer: 'Demo Town pharmacy',
    ingredients: ['prescribed_medicine'],
    lots: [lot('RX-2410', 60)],
  },
};

export const demoConsentText = `Consent to mesotherapy

I have been told what mesotherapy is, how the sessions will be done, which products will be used,
and what results can and cannot be expected. I have been told about the usual after-effects
(redness, swelling, small bruises, tenderness at the injection points) and the rare complications,
and whom to contact if anything worries me after a session.

I have answered the health questions truthfully and will tell the clinic about any change before
each session, including new medicines, pregnancy and recent cosmetic procedures.

I may withdraw this consent at any time.`;
