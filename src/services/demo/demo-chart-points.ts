import type { Range } from '../../core/assessment/assessment-result.js';
import type { InjectionTechnique } from '../../core/records/index.js';
import type { SeededRandom } from '../../storage/seed-large/seeded-random.js';
import type { ChartedPoint } from '../treatment/charted-point.js';

/**
 * Where a clinician would place points for each area, on the body maps the web app draws (all in
 * one 200 × 260 box; positions 0..1 from the left and top): ellipses of spread around each spot.
 */
interface Spot {
  x: number;
  y: number;
  rx: number;
  ry: number;
}

/** A spot on each side of the body's midline: as given on the left, mirrored on the right. */
const bothSides = (left: Spot): Spot[] => [left, { ...left, x: Number((1 - left.x).toFixed(3)) }];

const spots: Record<string, readonly Spot[]> = {
  face: [{ x: 0.5, y: 0.27, rx: 0.14, ry: 0.04 }, ...bothSides({ x: 0.35, y: 0.52, rx: 0.05, ry: 0.06 })],
  periorbital: bothSides({ x: 0.38, y: 0.445, rx: 0.04, ry: 0.012 }),
  neck: [{ x: 0.5, y: 0.82, rx: 0.08, ry: 0.05 }],
  submental: [{ x: 0.5, y: 0.7, rx: 0.08, ry: 0.02 }],
  decollete: [{ x: 0.5, y: 0.95, rx: 0.18, ry: 0.02 }],
  chest: [{ x: 0.5, y: 0.95, rx: 0.18, ry: 0.02 }],
  hands: [{ x: 0.5, y: 0.95, rx: 0.18, ry: 0.02 }],
  abdomen: [{ x: 0.5, y: 0.49, rx: 0.08, ry: 0.05 }],
  waist: bothSides({ x: 0.38, y: 0.44, rx: 0.02, ry: 0.04 }),
  hips: bothSides({ x: 0.37, y: 0.6, rx: 0.025, ry: 0.04 }),
  buttocks: bothSides({ x: 0.42, y: 0.62, rx: 0.03, ry: 0.03 }),
  thighs: bothSides({ x: 0.43, y: 0.72, rx: 0.025, ry: 0.06 }),
  legs: bothSides({ x: 0.44, y: 0.86, rx: 0.02, ry: 0.06 }),
  arms: bothSides({ x: 0.3, y: 0.34, rx: 0.03, ry: 0.06 }),
  joints: [{ x: 0.44, y: 0.8, rx: 0.03, ry: 0.02 }],
};

const bodyAreas = new Set(['abdomen', 'waist', 'hips', 'buttocks', 'thighs', 'legs', 'arms']);

/** To a multiple of `step`, without the binary fractions' tails (0.07, not 0.07000000000000001). */
const round = (value: number, step: number) => Number((Math.round(value / step) * step).toFixed(3));

/** Points spread evenly over the spots, each at a random place inside its ellipse. */
function scattered(areaSpots: readonly Spot[], count: number, random: SeededRandom): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const spot = areaSpots[i % areaSpots.length] ?? { x: 0.5, y: 0.5, rx: 0.1, ry: 0.1 };
    const angle = random.between(0, 2 * Math.PI);
    const distance = Math.sqrt(random.next());
    return { x: spot.x + Math.cos(angle) * distance * spot.rx, y: spot.y + Math.sin(angle) * distance * spot.ry };
  });
}

/** Hair mesotherapy goes along partings: rows across the crown, a finger's width apart. */
function scalpRows(random: SeededRandom): { x: number; y: number }[] {
  const rows = random.int(4, 5);
  return Array.from({ length: rows }, (_, row) => {
    const y = 0.2 + row * 0.075;
    const half = 0.12 + row * 0.035;
    const count = 3 + row;
    return Array.from({ length: count }, (_, i) => ({
      x: 0.5 - half + (2 * half * i) / (count - 1) + random.between(-0.008, 0.008),
      y: y + random.between(-0.008, 0.008),
    }));
  }).flat();
}

export interface PointsInput {
  area: string;
  /** The plan's depth range: every point lies inside it. */
  depthMm: Range;
  productId: string;
  lotId: string;
  random: SeededRandom;
}

/** A session's injection points for the area, spread over its spots, at depths within the plan. */
export function demoChartPoints({ area, depthMm, productId, lotId, random }: PointsInput): ChartedPoint[] {
  const areaSpots = spots[area] ?? spots.face ?? [];
  const body = bodyAreas.has(area);
  const technique: InjectionTechnique = body || area === 'scalp' ? 'gun' : 'manual';
  const positions =
    area === 'scalp'
      ? scalpRows(random)
      : scattered(areaSpots, area === 'periorbital' ? random.int(8, 12) : random.int(14, 24), random);
  return positions.map(({ x, y }) => {
    const depth = Math.min(depthMm.max, Math.max(depthMm.min, round(random.between(depthMm.min, depthMm.max), 0.5)));
    return {
      area,
      x: round(x, 0.001),
      y: round(y, 0.001),
      productId,
      lotId,
      volumeMl: round(body ? random.between(0.1, 0.2) : random.between(0.04, 0.1), 0.01),
      depthMm: depth,
      technique,
    };
  });
}
