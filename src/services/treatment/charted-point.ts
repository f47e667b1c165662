import type { NewInjectionPoint } from '../../storage/repositories/chart-repository.js';

/** One injection point as a clinician charts it: product, lot, volume and depth are always given. */
export type ChartedPoint = NewInjectionPoint & { productId: string; lotId: string; volumeMl: number; depthMm: number };
