import { isIsoDate } from '../dates/iso-date.js';
import { infectionClusters } from './infection-clusters.js';
import { rateSignals } from './rate-signals.js';
import { reportsBySession } from './signal-scope.js';
import {
  defaultDetectionSettings,
  type DetectionInput,
  type DetectionSettings,
  type SafetySignal,
} from './signal-types.js';

/**
 * The clinic's safety signals as of `input.today` (method, thresholds and their reasons:
 * docs/safety-signals.md):
 *
 * - infection clusters: late lumps, pustules, sores or discharge (triaged urgent) in two patients
 *   after one lot or on one session day, whatever the statistics;
 * - rate signals: a lot, product, practitioner or the whole clinic whose sessions in an ISO week
 *   were followed by reports more often than the clinic's own baseline allows by chance.
 *
 * Infection clusters come first, then rate signals by p-value. Pure: the same input gives the same
 * signals, with the same keys.
 */
export function detectSignals(
  input: DetectionInput,
  settings: DetectionSettings = defaultDetectionSettings,
): SafetySignal[] {
  if (!isIsoDate(input.today)) throw new RangeError(`today must be an ISO date: ${input.today}`);
  const reports = reportsBySession(input.sessions, input.reports);
  const clusters = infectionClusters(input.today, input.sessions, reports, settings.infection);
  const rates = rateSignals(input.today, input.sessions, reports, settings).sort(
    (a, b) => (a.pValue ?? 1) - (b.pValue ?? 1) || a.key.localeCompare(b.key),
  );
  return [...clusters.sort((a, b) => a.key.localeCompare(b.key)), ...rates];
}
