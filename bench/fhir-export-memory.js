// Memory of the whole-clinic FHIR export: a synthetic clinic of 100 000 patients, made lazily one
// patient at a time, streamed as one Bundle to /dev/null while process.memoryUsage() is sampled.
// Target: peak RSS under 256 MiB, and the heap after the whole export within 32 MiB of the heap
// after the first tenth (memory does not grow with the number of patients).
// Run: npm run bench (or node bench/fhir-export-memory.js after a build). PATIENTS=n to change the size.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { exportClinicBundle } from '../dist/interop/fhir/clinic-bundle-stream.js';
import { machine, recordSection } from './lib/results.js';

const PATIENTS = Number(process.env.PATIENTS ?? 100_000);
const LOTS = 40;
const MiB = 2 ** 20;

const uuid = (kind, n) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
// A 1x1 white PNG, as a drawn signature would be stored (a data: URL).
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAWk1v8QAAAABJRU5ErkJggg==';
const sourced = { sources: ['000_28eead5230689bfd.txt'], citations: ['000_28eead5230689bfd.txt:101'] };
const range = (min, max) => ({ min, max, ...sourced });
const plan = {
  ...sourced,
  indication: 'hair_loss',
  area: 'scalp',
  sessions: { min: 4, max: 10 },
  intervalDays: { min: 7, max: 14 },
  protocol: { id: 'hair_loss_scalp', generic: false, note: '' },
  maintenance: { ...sourced, note: '' },
  depthMm: range(1, 2),
  mixture: {
    ...sourced,
    id: 'hair',
    name: 'Hair mixture',
    ingredients: [{ id: 'vitamin_b', name: 'B vitamins' }],
    excluded: [],
    note: '',
  },
  anaesthesia: {
    ...sourced,
    creamOffered: true,
    agent: 'lidocaine cream',
    leadMinutes: { min: 20, max: 30 },
    note: '',
  },
  durationMinutes: range(20, 40),
  resultsExpected: { ...sourced, afterSession: { min: 3, max: 4 }, note: '' },
  preparation: [],
  aftercare: [],
  expectedSideEffects: [],
};
const products = [
  {
    id: uuid(1, 1),
    clinicId: uuid(2, 1),
    name: 'Meso Hair',
    manufacturer: 'Örnek İlaç A.Ş.',
    ingredients: ['vitamin_b', 'biotin'],
    createdAt: '2026-01-01T00:00:00Z',
  },
];
const lots = Array.from({ length: LOTS }, (_, i) => ({
  id: uuid(3, i),
  productId: products[0].id,
  lotNumber: `LOT-${1000 + i}`,
  expiryDate: '2027-12-31',
  recalled: i === 7,
  recalledAt: i === 7 ? '2026-10-01T00:00:00Z' : null,
  createdAt: '2026-01-01T00:00:00Z',
}));
const consentText = {
  id: uuid(4, 1),
  clinicId: uuid(2, 1),
  procedure: 'mesotherapy',
  version: 3,
  text: 'İğneli mezoterapi sonrası: şişlik, kızarıklık olabilir. I agree to the treatment.',
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
};

/** One patient's records: a two-version intake, a course of four sessions (two charted), a side effect for every tenth patient, an outcome, a signed consent. */
function patientGroup(n) {
  const patientId = uuid(10, n);
  const courseId = uuid(11, n);
  const at = '2026-11-01T08:00:00Z';
  const day = (d) => new Date(Date.UTC(2026, 10, 2) + (n % 300) * 86_400_000 + d * 7 * 86_400_000).toISOString();
  const sessions = [0, 1, 2, 3].map((k) => ({
    id: uuid(12, n * 4 + k),
    courseId,
    patientId,
    scheduledAt: day(k),
    durationMinutes: 30,
    practitionerId: uuid(13, n % 12),
    locationId: uuid(14, 1),
    status: k < 2 ? 'done' : 'planned',
    createdAt: at,
    updatedAt: at,
  }));
  const chartEntries = [0, 1].map((k) => {
    const id = uuid(15, n * 2 + k);
    return {
      id,
      sessionId: sessions[k].id,
      anaesthesiaUsed: true,
      anaesthesiaAgent: 'lidocaine cream',
      notes: null,
      createdBy: null,
      createdAt: at,
      updatedAt: at,
      points: Array.from({ length: 6 }, (_, p) => ({
        id: uuid(16, n * 12 + k * 6 + p),
        chartEntryId: id,
        area: 'scalp',
        x: p / 6,
        y: 0.5,
        productId: products[0].id,
        lotId: lots[(n + k) % LOTS].id,
        volumeMl: 0.1,
        depthMm: 1.5,
        technique: 'manual',
      })),
    };
  });
  const intake = (version) => ({
    id: uuid(17, n * 2 + version),
    patientId,
    version,
    createdBy: null,
    createdAt: at,
    data: {
      patient: {
        birthDate: `19${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 10}`,
        sex: n % 2 ? 'female' : 'male',
        pregnant: false,
        breastfeeding: false,
        conditions: [
          { code: 'hypertension', controlled: true },
          ...(n % 7 === 0 ? [{ code: 'diabetes', insulinDependent: false, controlled: true }] : []),
        ],
        medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: '2026-10-20' }],
        allergies: n % 5 === 0 ? [{ substance: 'lidocaine' }] : [],
        recentProcedures: [],
        site: { inflammation: false, skinDamage: false },
        needleFear: false,
      },
      request: { indication: 'hair_loss', area: 'scalp', date: '2026-11-02', combineWith: [] },
    },
  });
  return {
    patient: {
      id: patientId,
      clinicId: uuid(2, 1),
      firstName: `Hasta${n}`,
      lastName: 'Yılmaz',
      birthDate: '1980-01-01',
      sex: n % 2 ? 'female' : 'male',
      phone: null,
      email: null,
      createdAt: at,
      updatedAt: at,
    },
    intakes: [intake(1), intake(2)],
    courses: [
      {
        id: courseId,
        patientId,
        assessmentId: null,
        indication: 'hair_loss',
        area: 'scalp',
        plan,
        status: 'active',
        createdBy: null,
        createdAt: at,
        updatedAt: at,
      },
    ],
    sessions,
    chartEntries,
    sideEffects:
      n % 10 === 0
        ? [
            {
              id: uuid(18, n),
              sessionId: sessions[0].id,
              reporterUserId: null,
              symptom: 'şişlik',
              onset: sessions[0].scheduledAt,
              severity: 'mild',
              triage: null,
              createdAt: at,
            },
          ]
        : [],
    outcomes: [
      {
        id: uuid(19, n),
        sessionId: sessions[0].id,
        patientRating: 1 + (n % 5),
        practitionerRating: 1 + ((n + 2) % 5),
        notes: null,
        createdAt: at,
        updatedAt: at,
      },
    ],
    consentSignatures: [
      {
        id: uuid(20, n),
        patientId,
        consentTextId: consentText.id,
        typedName: `Hasta${n} Yılmaz`,
        signatureImage: SIGNATURE,
        signedAt: at,
        userId: null,
      },
    ],
    consentTexts: [consentText],
    products,
    lots,
  };
}

async function* syntheticClinic(count, onPatient) {
  for (let n = 0; n < count; n++) {
    onPatient(n);
    yield patientGroup(n);
  }
}

async function collect(chunks) {
  let text = '';
  for await (const c of chunks) text += c;
  return text;
}

// A small export must be one well-formed Bundle before the big one's memory means anything.
const small = JSON.parse(
  await collect(
    exportClinicBundle(
      syntheticClinic(50, () => {}),
      { timestamp: '2026-12-01T00:00:00Z' },
    ),
  ),
);
const perPatient = small.entry.filter((e) => e.resource.resourceType !== 'Medication').length / 50;
if (small.resourceType !== 'Bundle' || small.entry.filter((e) => e.resource.resourceType === 'Patient').length !== 50)
  throw new Error('the small export is not the expected Bundle');

const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
let heapAtTenth = 0;
let done = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 25);
let bytes = 0;
async function* counted(chunks) {
  for await (const c of chunks) {
    bytes += Buffer.byteLength(c);
    yield c;
  }
}

console.log(
  `FHIR export memory: ${PATIENTS.toLocaleString('en-US')} synthetic patients (about ${perPatient.toFixed(0)} resources each), streamed to /dev/null`,
);
const start = performance.now();
await pipeline(
  Readable.from(
    counted(
      exportClinicBundle(
        syntheticClinic(PATIENTS, (n) => {
          done = n;
          if (n === Math.floor(PATIENTS / 10)) heapAtTenth = process.memoryUsage().heapUsed;
        }),
      ),
    ),
  ),
  createWriteStream('/dev/null'),
);
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
const end = process.memoryUsage();
peakRss = Math.max(peakRss, end.rss);
peakHeap = Math.max(peakHeap, end.heapUsed);

const mib = (n) => (n / MiB).toFixed(1);
const growth = end.heapUsed - heapAtTenth;
const pass = done === PATIENTS - 1 && peakRss < 256 * MiB && growth < 32 * MiB;
console.log(
  `written: ${mib(bytes)} MiB of JSON in ${seconds.toFixed(1)} s (${Math.round(PATIENTS / seconds).toLocaleString('en-US')} patients/s)`,
);
console.log(`RSS: baseline ${mib(baseline.rss)} MiB, peak ${mib(peakRss)} MiB`);
console.log(
  `heap used: baseline ${mib(baseline.heapUsed)} MiB, peak ${mib(peakHeap)} MiB, after a tenth ${mib(heapAtTenth)} MiB, at the end ${mib(end.heapUsed)} MiB`,
);
console.log(`target: peak RSS < 256 MiB and heap growth from a tenth to the end < 32 MiB: ${pass ? 'MET' : 'MISSED'}`);

recordSection(
  'fhir-export-memory',
  `## FHIR export memory (issue: interop)

${new Date().toISOString().slice(0, 10)} - ${machine()}

Whole-clinic export (\`exportClinicBundle\`) of ${PATIENTS.toLocaleString('en-US')} synthetic patients (about ${perPatient.toFixed(0)} resources each, ${LOTS} shared lots), generated lazily and streamed as one Bundle to /dev/null; \`process.memoryUsage()\` sampled every 25 ms.

| measure | value |
|---|---|
| JSON written | ${mib(bytes)} MiB in ${seconds.toFixed(1)} s (${Math.round(PATIENTS / seconds).toLocaleString('en-US')} patients/s) |
| RSS, baseline / peak | ${mib(baseline.rss)} / ${mib(peakRss)} MiB |
| heap used, baseline / peak | ${mib(baseline.heapUsed)} / ${mib(peakHeap)} MiB |
| heap used after a tenth / at the end | ${mib(heapAtTenth)} / ${mib(end.heapUsed)} MiB |

Target: peak RSS < 256 MiB and heap growth from a tenth of the export to its end < 32 MiB - **${pass ? 'met' : 'missed'}**.`,
);
if (!pass) process.exitCode = 1;
