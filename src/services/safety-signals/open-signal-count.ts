import type { Repositories } from '../../storage/repositories/repositories.js';

/**
 * How many of the clinic's safety signals are open (raised, not yet acknowledged), for the
 * dashboard; `acknowledged` counts those someone is on but has not closed.
 */
export async function openSafetySignalCount(
  repos: Pick<Repositories, 'safetySignals'>,
  clinicId: string,
): Promise<{ open: number; acknowledged: number }> {
  const { open, acknowledged } = await repos.safetySignals.countByStatus(clinicId);
  return { open, acknowledged };
}
