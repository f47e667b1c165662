import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../i18n/use-code-label';
import type { OfferedSession, PortalSession } from './portal-api';
import { shortDate, useFormattingLocale } from './session-words';

type Described = Pick<PortalSession, 'number' | 'of' | 'localDate' | 'localTime' | 'practitionerName' | 'roomName'> &
  Partial<Pick<PortalSession, 'area' | 'areaName'>>;

/** "Session 2 of 6, 14 Jan, 10:00, with Dr Weber, Room 2, Scalp": what, when, with whom, where, in words. */
export function useSessionWords(): (session: Described) => string {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const label = useCodeLabel();
  return (session) =>
    [
      t('selfService.sessionOf', { number: session.number, of: session.of }),
      shortDate(locale, session.localDate),
      session.localTime,
      session.practitionerName ? t('selfService.withPractitioner', { name: session.practitionerName }) : null,
      session.roomName,
      session.area ? label('area', session.area, session.areaName) : null,
    ]
      .filter(Boolean)
      .join(', ');
}

/** An offered session in the same words (its place in the offer, and how many it has). */
export function offeredWords(session: OfferedSession, of: number): Described {
  return {
    number: session.number,
    of,
    localDate: session.localDate,
    localTime: session.localStart,
    practitionerName: session.practitionerName || null,
    roomName: session.roomName || null,
  };
}

export function SessionWords({ session }: { session: Described }) {
  const words = useSessionWords();
  return (
    <Text size="sm" component="span" fw={500}>
      {words(session)}
    </Text>
  );
}
