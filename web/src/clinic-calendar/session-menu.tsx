import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenedOnce } from '../hooks/use-opened-once';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { patientName } from './calendar-events';
import { sessionActions, type SessionActionContext } from './session-actions';

/** A session's details and what can be done with it, reached by click, Enter or Space on the session. */
export function SessionMenu({ context, onClose }: { context: SessionActionContext | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const session = context?.session;
  // The dialog keeps its name while it closes: a dialog without one fails screen readers (and axe).
  const lastSession = useRef(session);
  if (session) lastSession.current = session;
  const named = session ?? lastSession.current;
  const drawn = useOpenedOnce(context !== null);
  const actions = context ? sessionActions.filter((a) => a.available(context)) : [];
  const rows: [string, string][] = session
    ? [
        [t('clinicCalendar.menu.when'), `${format.dateTime(session.scheduledAt)} – ${format.time(session.endsAt)}`],
        [t('clinicCalendar.menu.practitioner'), session.practitionerName ?? t('clinicCalendar.unassigned')],
        [t('clinicCalendar.menu.room'), session.roomName ?? t('clinicCalendar.unassigned')],
        [t('clinicCalendar.menu.status'), label('sessionStatus', session.status)],
        ...(session.course
          ? ([
              [
                t('clinicCalendar.menu.course'),
                [
                  label('indication', session.course.indication),
                  label('area', session.course.area),
                  session.number === null
                    ? null
                    : t('clinicCalendar.sessionOf', { number: session.number, of: session.of }),
                ]
                  .filter(Boolean)
                  .join(' · '),
              ],
            ] as [string, string][])
          : []),
        ...(session.closure ? ([[t('clinicCalendar.menu.reason'), session.closure.reason]] as [string, string][]) : []),
      ]
    : [];

  if (!drawn) return null;
  return (
    <Modal
      opened={context !== null}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={named ? t('clinicCalendar.menu.title', { patient: patientName(named) }) : t('clinicCalendar.title')}
    >
      {context && session && (
        <Stack gap="sm" data-testid="session-menu">
          <Table>
            <Table.Tbody>
              {rows.map(([name, value]) => (
                <Table.Tr key={name}>
                  <Table.Th scope="row" w="35%">
                    {name}
                  </Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
              {session.flagVerdict && (
                <Table.Tr>
                  <Table.Th scope="row">{t('clinicCalendar.flagged')}</Table.Th>
                  <Table.Td>{label('verdict', session.flagVerdict)}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          {actions.length === 0 && <Text size="sm">{t('clinicCalendar.menu.none')}</Text>}
          {actions.map((action) => (
            <Button
              key={action.key}
              variant={action.destructive ? 'light' : 'default'}
              color={action.destructive ? 'red' : undefined}
              onClick={() => void action.run(context)}
            >
              {action.label(t, session)}
            </Button>
          ))}
        </Stack>
      )}
    </Modal>
  );
}
