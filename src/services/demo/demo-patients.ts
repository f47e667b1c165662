import type { IsoDate } from '../../core/dates/iso-date.js';
import type { Sex } from '../../core/records/index.js';
import type { DemoPractitioner, DemoProductKey } from '../../storage/seed/demo-data.js';

/**
 * The demo clinic's twenty patients and what happened to each, in days from the day the demo is
 * made (negative: before). Every indication of the knowledge base is here; so is every record kind
 * the product keeps, and the safety rules at work: a deferral (an NSAID), a contraindication, an
 * open screening question, a prescribed blood thinner, a pregnancy that flags booked sessions, an
 * allergy treated around, and a late nodule that leads to a lot recall. Names and numbers are
 * invented; emails use the reserved `.example` domain.
 */

export interface DemoSideEffect {
  /** After which session of the course (1 is the first). */
  afterSession: number;
  /** Days after that session the report was made. */
  reportedAfterDays: number;
  onsetDays: number;
  /** Symptom codes of the knowledge base (side-effects.yaml `signs`). */
  symptoms: string[];
  text?: string;
  severity: 'mild' | 'moderate' | 'severe';
  ongoing: boolean;
  /** The patient in the portal, or the practitioner on the patient's behalf. */
  reportedBy: 'patient' | 'staff';
  /** The admin recalls the lot used in that session once the report is in. */
  recallsLot?: boolean;
}

export interface DemoCourse {
  /** Days from today of the first session; the course finder books it there or on the next free day. */
  firstDay: number;
  sessions: number;
  timeOfDay: 'morning' | 'afternoon';
  product: DemoProductKey;
  /** After the last session: a maintenance recall (which completes the course), or just completed. */
  end?: 'recall' | 'completed';
  /** The session (1 is the first) the patient did not come to. */
  noShow?: number;
}

export interface DemoPatient {
  firstName: string;
  lastName: string;
  birthDate: IsoDate;
  sex: Sex;
  phone: string;
  email: string | null;
  practitioner: DemoPractitioner;
  indication: string;
  area: string;
  /** What the intake records beyond a healthy patient's answers, given the intake's date. */
  history?: (date: IsoDate) => Record<string, unknown>;
  /** Days from today the patient was registered, screened and signed the consent. */
  seenDay: number;
  course?: DemoCourse;
  /** A later intake (days from today) and what it changed. */
  newIntake?: { day: number; history: (date: IsoDate) => Record<string, unknown> };
  sideEffect?: DemoSideEffect;
  /** A before photo at the first session and an after photo at the last one held. */
  photos?: boolean;
  /** The patient has a portal login (there is one such patient). */
  portal?: boolean;
}

export const demoPatients: DemoPatient[] = [
  {
    firstName: 'Anna',
    lastName: 'Berg',
    birthDate: '1988-06-14',
    sex: 'female',
    phone: '+49 30 5550 1001',
    email: 'anna.berg@mail.example',
    practitioner: 'weber',
    indication: 'hair_loss',
    area: 'scalp',
    seenDay: -30,
    course: { firstDay: -28, sessions: 6, timeOfDay: 'morning', product: 'hair' },
    sideEffect: {
      afterSession: 2,
      reportedAfterDays: 1,
      onsetDays: 0,
      symptoms: ['bruising'],
      text: 'Two small bruises on the crown; they faded after three days.',
      severity: 'mild',
      ongoing: false,
      reportedBy: 'patient',
    },
    photos: true,
    portal: true,
  },
  {
    firstName: 'Lukas',
    lastName: 'Meyer',
    birthDate: '1979-11-02',
    sex: 'male',
    phone: '+49 30 5550 1002',
    email: 'lukas.meyer@mail.example',
    practitioner: 'rossi',
    indication: 'hair_loss',
    area: 'scalp',
    history: () => ({ conditions: [{ code: 'hypertension', controlled: true }] }),
    seenDay: -2,
    course: { firstDay: 2, sessions: 4, timeOfDay: 'afternoon', product: 'hair' },
  },
  {
    firstName: 'Sofia',
    lastName: 'Novak',
    birthDate: '1992-03-27',
    sex: 'female',
    phone: '+49 30 5550 1003',
    email: 'sofia.novak@mail.example',
    practitioner: 'weber',
    indication: 'skin_rejuvenation',
    area: 'face',
    seenDay: -73,
    course: { firstDay: -70, sessions: 4, timeOfDay: 'morning', product: 'facial', end: 'recall' },
    photos: true,
  },
  {
    firstName: 'Emma',
    lastName: 'Fischer',
    birthDate: '1985-09-09',
    sex: 'female',
    phone: '+49 30 5550 1004',
    email: 'emma.fischer@mail.example',
    practitioner: 'rossi',
    indication: 'cellulite',
    area: 'thighs',
    // Allergic to the numbing cream: treated without it (an allergen in the mixture itself would rule the treatment out).
    history: () => ({ allergies: [{ substance: 'lidocaine' }] }),
    seenDay: -24,
    course: { firstDay: -21, sessions: 6, timeOfDay: 'afternoon', product: 'body' },
  },
  {
    firstName: 'Jonas',
    lastName: 'Schulz',
    birthDate: '1990-01-18',
    sex: 'male',
    phone: '+49 30 5550 1005',
    email: 'jonas.schulz@mail.example',
    practitioner: 'weber',
    indication: 'skin_rejuvenation',
    area: 'face',
    seenDay: -6,
    course: { firstDay: 3, sessions: 4, timeOfDay: 'afternoon', product: 'facial' },
    // Ibuprofen for a sprained ankle: treatment waits a week after the last dose, so his next session is flagged.
    newIntake: {
      day: -1,
      history: (date) => ({ medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: date }] }),
    },
  },
  {
    firstName: 'Mia',
    lastName: 'Wagner',
    birthDate: '1994-12-05',
    sex: 'female',
    phone: '+49 30 5550 1006',
    email: 'mia.wagner@mail.example',
    practitioner: 'rossi',
    indication: 'cellulite',
    area: 'hips',
    seenDay: -16,
    course: { firstDay: -13, sessions: 4, timeOfDay: 'morning', product: 'body' },
    // She is pregnant: the new intake flags her two remaining sessions.
    newIntake: { day: -2, history: () => ({ pregnant: true }) },
    photos: true,
  },
  {
    firstName: 'Oskar',
    lastName: 'Lindqvist',
    birthDate: '1958-04-30',
    sex: 'male',
    phone: '+49 30 5550 1007',
    email: null,
    practitioner: 'weber',
    indication: 'hair_loss',
    area: 'scalp',
    history: () => ({ conditions: [{ code: 'bleeding_disorder', note: 'haemophilia A' }] }),
    seenDay: -9,
  },
  {
    firstName: 'Hannah',
    lastName: 'Koch',
    birthDate: '1983-07-21',
    sex: 'female',
    phone: '+49 30 5550 1008',
    email: 'hannah.koch@mail.example',
    practitioner: 'rossi',
    indication: 'cellulite',
    area: 'hips',
    seenDay: -38,
    course: { firstDay: -35, sessions: 4, timeOfDay: 'morning', product: 'body', end: 'completed' },
    sideEffect: {
      afterSession: 4,
      reportedAfterDays: 11,
      onsetDays: 9,
      symptoms: ['lump_nodule', 'pain'],
      text: 'A firm, tender lump on the left hip that has grown over the last two days.',
      severity: 'moderate',
      ongoing: true,
      reportedBy: 'staff',
      recallsLot: true,
    },
    photos: true,
  },
  {
    firstName: 'Leon',
    lastName: 'Braun',
    birthDate: '1986-02-11',
    sex: 'male',
    phone: '+49 30 5550 1009',
    email: 'leon.braun@mail.example',
    practitioner: 'weber',
    indication: 'scars',
    area: 'face',
    seenDay: -44,
    course: { firstDay: -42, sessions: 8, timeOfDay: 'afternoon', product: 'repair', noShow: 4 },
    photos: true,
  },
  {
    firstName: 'Clara',
    lastName: 'Hoffmann',
    birthDate: '1975-10-03',
    sex: 'female',
    phone: '+49 30 5550 1010',
    email: 'clara.hoffmann@mail.example',
    practitioner: 'rossi',
    indication: 'pigmentation',
    area: 'face',
    seenDay: -16,
    course: { firstDay: -14, sessions: 4, timeOfDay: 'morning', product: 'repair' },
  },
  {
    firstName: 'Elif',
    lastName: 'Demir',
    birthDate: '1990-05-19',
    sex: 'female',
    phone: '+49 30 5550 1011',
    email: 'elif.demir@mail.example',
    practitioner: 'rossi',
    indication: 'under_eye',
    area: 'periorbital',
    seenDay: -1,
    course: { firstDay: 1, sessions: 4, timeOfDay: 'morning', product: 'facial' },
  },
  {
    firstName: 'Paul',
    lastName: 'Richter',
    birthDate: '1969-08-08',
    sex: 'male',
    phone: '+49 30 5550 1012',
    email: 'paul.richter@mail.example',
    practitioner: 'weber',
    indication: 'pain',
    area: 'joints',
    seenDay: -3,
    course: { firstDay: 2, sessions: 8, timeOfDay: 'morning', product: 'prescription' },
  },
  {
    firstName: 'Nina',
    lastName: 'Keller',
    birthDate: '1981-01-27',
    sex: 'female',
    phone: '+49 30 5550 1013',
    email: 'nina.keller@mail.example',
    practitioner: 'rossi',
    indication: 'hyperhidrosis',
    area: 'hands',
    // Assessed yesterday, course not booked yet: the demo's "try it" books it.
    seenDay: -1,
  },
  {
    firstName: 'Greta',
    lastName: 'Wolf',
    birthDate: '1996-06-30',
    sex: 'female',
    phone: '+49 30 5550 1014',
    email: 'greta.wolf@mail.example',
    practitioner: 'rossi',
    indication: 'localized_fat',
    area: 'submental',
    seenDay: -9,
    course: { firstDay: -7, sessions: 8, timeOfDay: 'afternoon', product: 'body' },
  },
  {
    firstName: 'Tobias',
    lastName: 'Krüger',
    birthDate: '1993-09-14',
    sex: 'male',
    phone: '+49 30 5550 1015',
    email: 'tobias.krueger@mail.example',
    practitioner: 'weber',
    indication: 'hair_loss',
    area: 'scalp',
    seenDay: -93,
    course: { firstDay: -91, sessions: 4, timeOfDay: 'afternoon', product: 'hair', end: 'recall' },
    photos: true,
  },
  {
    firstName: 'Lena',
    lastName: 'Schmitt',
    birthDate: '1987-12-12',
    sex: 'female',
    phone: '+49 30 5550 1016',
    email: 'lena.schmitt@mail.example',
    practitioner: 'rossi',
    indication: 'stretch_marks',
    area: 'abdomen',
    seenDay: -30,
    course: { firstDay: -28, sessions: 8, timeOfDay: 'morning', product: 'repair' },
  },
  {
    firstName: 'Marta',
    lastName: 'Kowalska',
    birthDate: '1972-02-02',
    sex: 'female',
    phone: '+49 30 5550 1017',
    email: 'marta.kowalska@mail.example',
    practitioner: 'weber',
    indication: 'skin_rejuvenation',
    area: 'neck',
    seenDay: -9,
    course: { firstDay: -7, sessions: 5, timeOfDay: 'morning', product: 'facial' },
  },
  {
    firstName: 'David',
    lastName: 'Okafor',
    birthDate: '1984-03-03',
    sex: 'male',
    phone: '+49 30 5550 1018',
    email: 'david.okafor@mail.example',
    practitioner: 'weber',
    indication: 'localized_fat',
    area: 'abdomen',
    seenDay: -4,
    course: { firstDay: 4, sessions: 8, timeOfDay: 'afternoon', product: 'body' },
  },
  {
    firstName: 'Ines',
    lastName: 'Ferreira',
    birthDate: '1999-07-07',
    sex: 'female',
    phone: '+49 30 5550 1019',
    email: 'ines.ferreira@mail.example',
    practitioner: 'rossi',
    indication: 'cellulite',
    area: 'legs',
    // Whether her diabetes is under control is not answered yet: screening fails closed and defers.
    history: () => ({ conditions: [{ code: 'diabetes', insulinDependent: false }] }),
    seenDay: -5,
  },
  {
    firstName: 'Sven',
    lastName: 'Larsen',
    birthDate: '1962-11-11',
    sex: 'male',
    phone: '+49 30 5550 1020',
    email: 'sven.larsen@mail.example',
    practitioner: 'weber',
    indication: 'skin_rejuvenation',
    area: 'face',
    // A prescribed blood thinner: deferred, and the decision about it is left to the prescriber.
    history: () => ({ medications: [{ name: 'apixaban', class: 'anticoagulant', ongoing: true }] }),
    seenDay: -6,
  },
];
