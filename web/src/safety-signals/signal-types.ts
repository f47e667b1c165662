import type { TFunction } from 'i18next';
import type { Ok } from '../api/api-types';
import type { Formatters } from '../i18n/formatters';

export type SafetySignal = Ok<'/api/safety-signals', 'get'>['signals'][number];
export type SignalStatus = SafetySignal['status'];

/** Red for open, yellow once someone is on it, grey when closed (dark text or white as contrast needs, theme.ts). */
export const statusColor: Record<SignalStatus, string> = { open: 'red', acknowledged: 'yellow', closed: 'gray' };

/** "Possible infection cluster: Hair cocktail, lot A-100", in the page's language. */
export function signalTitle(t: TFunction, format: Formatters, signal: SafetySignal): string {
  const { unit } = signal;
  const what =
    unit.type === 'session_day'
      ? t('safetySignals.unit.session_day', { date: format.date(unit.label) })
      : t(`safetySignals.unit.${unit.type}`, { label: unit.label });
  return `${t(`safetySignals.kind.${signal.kind}`)}: ${what}`;
}

/** A p-value as people read them: two significant figures, or powers of ten when tiny. */
export function formatP(format: Formatters, p: number): string {
  if (p < 0.0001) return p.toExponential(1);
  return format.number(p, { maximumSignificantDigits: 2 });
}
