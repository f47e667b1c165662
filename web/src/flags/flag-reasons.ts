import type { Reason } from '../api/assessment-types';

export type FlagReason = Pick<Reason, 'code' | 'message'> &
  Partial<Pick<Reason, 'kind' | 'until' | 'sources' | 'citations'>>;

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;

/**
 * The reasons of a stored re-screening flag. The session view types them as unknown (they are
 * stored as written), so each is checked; one that is unreadable still shows, as "unknown reason",
 * rather than vanish: a flag never looks emptier than it is.
 */
export function flagReasons(reasons: unknown): FlagReason[] {
  if (!Array.isArray(reasons)) return [];
  return reasons.map((raw) => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const code = typeof r.code === 'string' ? r.code : 'UNKNOWN';
    const message = typeof r.message === 'string' ? r.message : '';
    const kind = r.kind === 'absolute' || r.kind === 'temporary' ? r.kind : undefined;
    const reason: FlagReason = { code, message, kind, sources: strings(r.sources), citations: strings(r.citations) };
    if (typeof r.until === 'string') reason.until = r.until;
    return reason;
  });
}
