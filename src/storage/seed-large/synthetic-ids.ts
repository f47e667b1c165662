import type { SeededRandom } from './seeded-random.js';

/** Four hex digits for every 16-bit value: ids are built from table lookups, not number formatting. */
const hex4 = Array.from({ length: 0x10000 }, (_, n) => n.toString(16).padStart(4, '0'));

/**
 * UUID version 7 ids like `newId()`'s, but reproducible: the time part is the row's own (past)
 * creation time, so ids still sort like `created_at`, and the rest comes from the seeded generator
 * plus a counter. The generator's 32-bit state alone could repeat over tens of millions of rows;
 * the counter makes every id of one run distinct, and the seed (which includes the clinic name)
 * keeps runs for different clinics apart.
 */
export function syntheticIds(random: SeededRandom): (ms: number) => string {
  let counter = 0;
  let lastMs = -1;
  let time = '';
  return (ms) => {
    counter = (counter + 1) >>> 0;
    if (ms !== lastMs) {
      lastMs = ms;
      const t = Math.floor(ms);
      const high = Math.floor(t / 0x100000000);
      const low = t >>> 0;
      time = `${hex4[high & 0xffff]}${hex4[low >>> 16]}-${hex4[low & 0xffff]}`;
    }
    const r = random.uint32();
    const s = random.uint32();
    return `${time}-7${(hex4[r & 0xfff] ?? '').slice(1)}-${hex4[0x8000 | ((r >>> 12) & 0x3fff)]}-${hex4[s & 0xffff]}${hex4[counter >>> 16]}${hex4[counter & 0xffff]}`;
  };
}
