// Benchmarks share the generated clinics in bench/.data with each other (and with servers they start):
// a SQLite folder is used by one process at a time, through the server's own lock file.
import { dataDirHolder, lockDataDir } from '../../dist/storage/data-dir-lock.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to `waitMs`) until no live process holds `dataDir`. */
export async function whenFree(dataDir, { waitMs = 600_000, label = dataDir } = {}) {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    const holder = dataDirHolder(dataDir);
    if (holder === undefined || holder === process.pid) return;
    if (Date.now() > deadline)
      throw new Error(`${label} is still in use by process ${holder} after ${waitMs / 1000} s`);
    if (!told) console.log(`waiting for process ${holder} to release ${label}...`);
    told = true;
    await sleep(1000);
  }
}

/** Claims `dataDir` for this process once it is free; returns the release function. */
export async function claimDataDir(dataDir, options) {
  await whenFree(dataDir, options);
  return lockDataDir(dataDir);
}
