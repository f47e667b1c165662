import { addDays, type IsoDate } from '../../dates/iso-date.js';
// The large-clinic seeder's generator (mulberry32), so that every synthetic clinic can be made again from its seed.
import { seededRandom, type SeededRandom } from '../../../storage/seed-large/seeded-random.js';
import type { DetectionInput, ExposureSession, ReportFact, SignalLot } from '../signal-types.js';

export interface ClinicShape {
  /** Weeks of history up to today. */
  weeks: number;
  practitioners: number;
  products: number;
  /** Average sessions a working day (Monday to Saturday). */
  sessionsPerDay: number;
  /** Each session is followed by a report with this probability, whoever, whatever, whenever. */
  reportRate: number;
}

/** The excess: sessions with `lotId` from `from` on are followed by a report with probability `rate`. */
export interface SeededCluster {
  lotId: string;
  from: IsoDate;
  rate: number;
}

/** A lot and the dates it was in use (its product's only lot in use then). */
export interface LotSpan {
  lot: SignalLot;
  from: IsoDate;
  to: IsoDate;
}

export interface SyntheticClinic {
  shape: ClinicShape;
  input: DetectionInput;
  lots: readonly LotSpan[];
}

const codesExpected = ['bruising', 'redness', 'swelling', 'pain'];

/** A background report: mostly the expected reactions, some for review, a few urgent but never a late lump. */
function backgroundReport(random: SeededRandom, id: string, sessionId: string): ReportFact {
  const roll = random.next();
  if (roll < 0.6) return { id, sessionId, level: 'expected', findingCodes: [random.pick(codesExpected)], onsetDays: 0 };
  if (roll < 0.9)
    return { id, sessionId, level: 'review', findingCodes: [random.pick(codesExpected)], onsetDays: random.int(0, 3) };
  return { id, sessionId, level: 'urgent', findingCodes: ['swelling', 'infection'], onsetDays: random.int(2, 10) };
}

/**
 * A clinic made from a seed: practitioners, products whose lots are replaced every few weeks,
 * patients coming back, sessions on working days, and reports at one background rate for every
 * session - no lot, product, practitioner or week worse than another - unless a cluster is seeded.
 * Half the clinics also have one isolated late lump (the infection pattern), which alone is no cluster.
 */
export function syntheticClinic(
  seed: number,
  options: {
    today?: IsoDate;
    shape?: Partial<ClinicShape>;
    cluster?: (lots: readonly LotSpan[], today: IsoDate) => SeededCluster;
  } = {},
): SyntheticClinic {
  const random = seededRandom(seed);
  const today = options.today ?? addDays('2026-11-30', random.int(0, 6));
  const shape: ClinicShape = {
    weeks: random.int(8, 32),
    practitioners: random.int(1, 4),
    products: random.int(1, 3),
    sessionsPerDay: random.between(1, 14),
    reportRate: random.between(0.01, 0.25),
    ...options.shape,
  };
  const start = addDays(today, -7 * shape.weeks);
  const practitioners = Array.from({ length: shape.practitioners }, (_, i) => ({ id: `pr${i}`, name: `Dr ${i}` }));

  // Each product's lots follow one another every 3 to 10 weeks.
  const lotSpans: LotSpan[] = [];
  for (let p = 0; p < shape.products; p++) {
    let from = start;
    for (let n = 0; from <= today; n++) {
      const lot = { lotId: `p${p}-l${n}`, lotNumber: `L${p}${n}`, productId: `p${p}`, productName: `Product ${p}` };
      const to = addDays(from, 7 * random.int(3, 10) - 1);
      lotSpans.push({ lot, from, to });
      from = addDays(to, 1);
    }
  }
  const cluster = options.cluster?.(lotSpans, today);

  const sessions: ExposureSession[] = [];
  const reports: ReportFact[] = [];
  let patients = 0;
  let isolatedNodule = random.chance(0.5);
  for (let date = start; date <= today; date = addDays(date, 1)) {
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === 0) continue;
    const count = random.int(0, Math.round(2 * shape.sessionsPerDay));
    for (let i = 0; i < count; i++) {
      const id = `s${sessions.length}`;
      const products = random.chance(0.3) && shape.products > 1 ? 2 : 1;
      const first = random.int(0, shape.products - 1);
      const used = [first, (first + 1) % shape.products].slice(0, products);
      const sessionLots = used.map(
        (p) => lotSpans.find((s) => s.lot.productId === `p${p}` && s.from <= date && date <= s.to)!.lot,
      );
      const patientId = patients > 0 && random.chance(0.6) ? `pt${random.int(0, patients - 1)}` : `pt${patients++}`;
      sessions.push({ id, patientId, practitioner: random.pick(practitioners), date, lots: sessionLots });

      const inCluster = cluster && date >= cluster.from && sessionLots.some((l) => l.lotId === cluster.lotId);
      if (random.chance(inCluster ? cluster.rate : shape.reportRate)) {
        reports.push(backgroundReport(random, `r${reports.length}`, id));
        // Some patients write twice about one session: still one reported session.
        if (random.chance(0.15)) reports.push(backgroundReport(random, `r${reports.length}`, id));
      }
      if (isolatedNodule && random.chance(0.01)) {
        reports.push({
          id: `r${reports.length}`,
          sessionId: id,
          level: 'urgent',
          findingCodes: ['nodule_or_abscess'],
          onsetDays: 14,
        });
        isolatedNodule = false;
      }
    }
  }
  return { shape, input: { today, sessions, reports }, lots: lotSpans };
}
