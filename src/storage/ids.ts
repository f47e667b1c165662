import { randomFillSync } from 'node:crypto';

// Random bytes drawn in blocks: one system call per 256 ids instead of one per id.
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;

function randomBlock(): Buffer {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  return bytes;
}

let lastMs = 0;
let counter = 0;

/**
 * A UUID version 7: unguessable (62 random bits) yet sorted by creation time, and strictly
 * increasing within this process, so rows made in the same millisecond (two audit entries of one
 * request) still sort in the order they were made.
 */
export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    counter += 1;
    // 12 bits of counter per millisecond; borrow from the next millisecond when they run out.
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  const bytes = randomBlock();
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
