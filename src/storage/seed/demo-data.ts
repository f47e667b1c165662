import { addDays } from '../../core/dates/iso-date.js';
import type { Role, Sex } from '../../core/records/index.js';

/**
 * The demo clinic's people and products. Everything is invented; emails use the reserved
 * `.example` domain so that no real mailbox is ever addressed.
 */

export const demoClinic = {
  name: 'Mesodesk Demo Clinic',
  location: { name: 'Demo Town practice', address: '12 Example Street, Demo Town', timeZone: 'Europe/Berlin' },
  rooms: ['Treatment room 1', 'Treatment room 2'],
};

const workday = [
  { start: '09:00', end: '13:00' },
  { start: '14:00', end: '18:00' },
];

/** Weekly hours (ISO weekday → local spans) of the demo practitioners, in src/core/scheduling's shape. */
export const demoHours: Record<string, Record<number, { start: string; end: string }[]>> = {
  weber: { 1: workday, 2: workday, 3: workday, 4: workday },
  rossi: { 2: workday, 3: workday, 4: workday, 5: [{ start: '09:00', end: '15:00' }] },
};

export const demoStaff: { key: string; role: Exclude<Role, 'patient'>; email: string; displayName: string }[] = [
  { key: 'admin', role: 'admin', email: 'admin@demo-clinic.example', displayName: 'Alex Admin' },
  { key: 'weber', role: 'practitioner', email: 'julia.weber@demo-clinic.example', displayName: 'Dr Julia Weber' },
  { key: 'rossi', role: 'practitioner', email: 'marco.rossi@demo-clinic.example', displayName: 'Dr Marco Rossi' },
  { key: 'reception', role: 'reception', email: 'reception@demo-clinic.example', displayName: 'Sara Lind' },
];

export interface DemoPatient {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  phone: string;
  email: string | null;
  /** What the intake records beyond the defaults (conditions, medications...), given today's date. */
  intake: { indication: string; area: string; patient?: (today: string) => Record<string, unknown> };
  /** Days from today of the sessions to book (negative: already done); empty: no course. */
  sessionDays: number[];
  practitioner: 'weber' | 'rossi';
}

export const demoPatients: DemoPatient[] = [
  {
    firstName: 'Anna',
    lastName: 'Berg',
    birthDate: '1988-06-14',
    sex: 'female',
    phone: '+49 30 5550 1001',
    email: 'anna.berg@mail.example',
    intake: { indication: 'hair_loss', area: 'scalp' },
    sessionDays: [-14, -7, 0, 7, 14],
    practitioner: 'weber',
  },
  {
    firstName: 'Lukas',
    lastName: 'Meyer',
    birthDate: '1979-11-02',
    sex: 'male',
    phone: '+49 30 5550 1002',
    email: null,
    intake: {
      indication: 'hair_loss',
      area: 'scalp',
      patient: () => ({ conditions: [{ code: 'hypertension', controlled: true }] }),
    },
    sessionDays: [2, 16],
    practitioner: 'rossi',
  },
  {
    firstName: 'Sofia',
    lastName: 'Novak',
    birthDate: '1992-03-27',
    sex: 'female',
    phone: '+49 30 5550 1003',
    email: 'sofia.novak@mail.example',
    intake: { indication: 'skin_rejuvenation', area: 'face' },
    sessionDays: [-21, -7, 7],
    practitioner: 'weber',
  },
  {
    firstName: 'Emma',
    lastName: 'Fischer',
    birthDate: '1985-09-09',
    sex: 'female',
    phone: '+49 30 5550 1004',
    email: 'emma.fischer@mail.example',
    // Allergic to the numbing cream: treated without it (an allergen in the mixture itself would rule the treatment out).
    intake: { indication: 'cellulite', area: 'thighs', patient: () => ({ allergies: [{ substance: 'lidocaine' }] }) },
    sessionDays: [3],
    practitioner: 'rossi',
  },
  {
    firstName: 'Jonas',
    lastName: 'Schulz',
    birthDate: '1990-01-18',
    sex: 'male',
    phone: '+49 30 5550 1005',
    email: null,
    intake: {
      indication: 'skin_rejuvenation',
      area: 'face',
      patient: (today) => ({ medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: addDays(today, -2) }] }),
    },
    sessionDays: [],
    practitioner: 'weber',
  },
  {
    firstName: 'Mia',
    lastName: 'Wagner',
    birthDate: '1994-12-05',
    sex: 'female',
    phone: '+49 30 5550 1006',
    email: 'mia.wagner@mail.example',
    intake: { indication: 'cellulite', area: 'thighs', patient: () => ({ pregnant: true }) },
    sessionDays: [],
    practitioner: 'rossi',
  },
];

export const demoProducts = [
  {
    name: 'Hair revitalising cocktail',
    manufacturer: 'Demo Pharma',
    ingredients: ['vitamin_b', 'zinc', 'amino_acids', 'plant_extracts'],
    lots: [
      { lotNumber: 'HR-2401', expiresInDays: 300 },
      { lotNumber: 'HR-2312', expiresInDays: 30 },
    ],
  },
  {
    name: 'Facial revitalising serum',
    manufacturer: 'Demo Pharma',
    ingredients: ['hyaluronic_acid', 'vitamin_c', 'antioxidants', 'amino_acids'],
    lots: [{ lotNumber: 'FR-2405', expiresInDays: 420 }],
  },
  {
    name: 'Body contouring blend',
    manufacturer: 'Example Labs',
    ingredients: ['phospholipids', 'plant_extracts', 'organic_acids'],
    lots: [
      { lotNumber: 'BC-2402', expiresInDays: 200, recalled: true },
      { lotNumber: 'BC-2406', expiresInDays: 380 },
    ],
  },
];

export const demoConsentText = `Consent to mesotherapy

I have been told what mesotherapy is, how the sessions will be done, which products will be used,
and what results can and cannot be expected. I have been told about the usual after-effects
(redness, swelling, small bruises, tenderness at the injection points) and the rare complications,
and whom to contact if anything worries me after a session.

I have answered the health questions truthfully and will tell the clinic about any change before
each session, including new medicines, pregnancy and recent cosmetic procedures.

I may withdraw this consent at any time.`;
