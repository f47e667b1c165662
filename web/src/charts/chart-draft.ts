export const techniques = ['manual', 'gun', 'needle_free'] as const;
export type Technique = (typeof techniques)[number];

/** One injection point as charted: where on the map, and what went in. */
export interface DraftPoint {
  area: string;
  x: number;
  y: number;
  productId: string;
  lotId: string;
  volumeMl: number;
  depthMm: number;
  technique: Technique;
}

/** The settings the next placed point takes: pick once, then click many times. */
export type PointSettings = Omit<DraftPoint, 'x' | 'y'>;

/** Positions are stored to three decimals: finer than a click can mean. */
export function roundPosition(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
