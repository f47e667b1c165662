import type { Role, TreatmentSessionRecord } from '../../../core/records/index.js';

/** Reception runs the schedule but sees nothing clinical: the re-screening flag is left out for them. */
export function sessionFor(
  role: Role,
  session: TreatmentSessionRecord,
): Omit<TreatmentSessionRecord, 'flag'> & { flag?: TreatmentSessionRecord['flag'] } {
  if (role !== 'reception') return session;
  const { flag: _clinical, ...rest } = session;
  return rest;
}
