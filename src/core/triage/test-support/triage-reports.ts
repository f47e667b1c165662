import { loadKnowledgeLibrary } from '../../../knowledge-files/load-knowledge-library.js';
import type { SideEffectReport } from '../triage-side-effect.js';

/** The shipped knowledge library, and a report six hours after a session, for the triage tests. */
const library = loadKnowledgeLibrary();
export const en = library.base;
export const tr = library.for('tr');
const session = '2026-11-20T10:00:00Z';
export const hoursAfter = (h: number) => new Date(Date.parse(session) + h * 3_600_000).toISOString();
export const report = (r: Partial<SideEffectReport>): SideEffectReport => ({
  sessionAt: session,
  now: hoursAfter(6),
  onsetAt: hoursAfter(1),
  ...r,
});
