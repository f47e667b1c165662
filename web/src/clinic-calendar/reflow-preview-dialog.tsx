import { Alert, Badge, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { ErrorAlert } from '../components/error-alert';
import { LoadingState } from '../components/loading-state';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { confirmMove, previewMove } from './calendar-api';
import { patientName } from './calendar-events';
import type { MoveRequest, PreviewProblem, ReschedulePreview } from './calendar-types';

type PreviewSession = ReschedulePreview['sessions'][number];

/**
 * One reason a move cannot be made, in the reader's language (the server's English when the code is
 * new). The session moved out of its own window is told apart from a later one finding no room in its.
 */
function useProblemText(targetNumber: number | null) {
  const { t } = useTranslation();
  const format = useFormat();
  return (p: PreviewProblem) => {
    const values = {
      session: p.session ?? '?',
      from: p.from ? format.date(p.from) : '',
      to: p.to ? format.date(p.to) : '',
      reason: p.reason ? ` (${p.reason})` : '',
    };
    const key = p.code === 'interval_window_blocked' && p.session === targetNumber ? 'outsideWindow' : p.code;
    const known = t(`clinicCalendar.problems.${key}`, { ...values, defaultValue: '' }) as string;
    return known || p.message;
  };
}

/**
 * What a move would do to the course, before anything changes: each session now and after, whether
 * it moves, and the interval window it keeps; or why the move is not possible. Confirming sends
 * back exactly what was shown, and a re-flow that came out otherwise meanwhile is shown anew.
 */
export function ReflowPreviewDialog({
  request,
  onClose,
  onMoved,
  onStale,
}: {
  request: MoveRequest;
  onClose: () => void;
  onMoved: (moved: number) => void;
  /** Someone else changed the session meanwhile. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const problemText = useProblemText(request.session.number);
  const [generation, setGeneration] = useState(0);
  const [changed, setChanged] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const { session, start, practitionerId, roomId } = request;
  const target = { practitionerId, roomId };
  const state = useLoad(async () => {
    try {
      return await previewMove(session, start, target);
    } catch (failure) {
      if (isApiError(failure) && failure.code === 'session_changed') onStale();
      throw failure;
    }
  }, [session.id, start.getTime(), practitionerId, roomId, generation]);

  const confirm = async (preview: ReschedulePreview) => {
    setPending(true);
    setError(null);
    try {
      const result = await confirmMove(preview, start, target);
      onMoved(result.moved.length);
    } catch (failure) {
      if (isApiError(failure) && failure.code === 'session_changed') onStale();
      else if (isApiError(failure) && failure.code === 'reflow_changed') {
        setChanged(true);
        setGeneration((g) => g + 1);
      } else setError(failure);
    } finally {
      setPending(false);
    }
  };

  const place = (p: PreviewSession['current']) =>
    t('clinicCalendar.preview.placement', {
      when: format.dateTime(p.start),
      practitioner: p.practitionerName ?? t('clinicCalendar.unassigned'),
      room: p.roomName ?? t('clinicCalendar.unassigned'),
    });
  const windowText = (s: PreviewSession, previous: number) =>
    s.window
      ? `${t('clinicCalendar.preview.window', {
          min: s.window.minDays,
          max: s.window.maxDays,
          previous,
          from: format.date(s.window.from),
          to: format.date(s.window.to),
          days: s.window.days,
        })}: ${s.window.kept ? t('clinicCalendar.preview.kept') : t('clinicCalendar.preview.notKept')}`
      : t('clinicCalendar.preview.firstSession');
  const moving = state.data?.sessions.find((s) => s.target);

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="xl"
      title={t('clinicCalendar.preview.title', {
        patient: patientName(session),
        number: moving?.number ?? session.number ?? '?',
        of: state.data?.sessions.length ?? session.of,
      })}
    >
      <Stack gap="sm" data-testid="reflow-preview">
        <Text>
          {t('clinicCalendar.preview.target', {
            when: format.dateTime(start.toISOString()),
            practitioner:
              moving?.proposed?.practitionerName ?? moving?.current.practitionerName ?? session.practitionerName ?? '—',
            room: moving?.proposed?.roomName ?? moving?.current.roomName ?? session.roomName ?? '—',
          })}
        </Text>
        {changed && (
          <Alert color="yellow" role="status">
            {t('clinicCalendar.preview.reflowChanged')}
          </Alert>
        )}
        {state.status === 'loading' && <LoadingState />}
        {state.status === 'error' && <ErrorAlert error={state.error} onRetry={state.reload} />}
        {state.status === 'ready' && state.data.status === 'not_possible' && (
          <Alert color="red" role="alert" title={t('clinicCalendar.preview.notPossible')}>
            <List size="sm">
              {state.data.problems.map((p) => (
                <List.Item key={`${p.code}:${p.session ?? ''}:${p.message}`}>{problemText(p)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {state.status === 'ready' && state.data.status === 'possible' && (
          <>
            <Text fw={500}>{t('clinicCalendar.preview.possible')}</Text>
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="reflow-sessions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clinicCalendar.preview.session')}</Table.Th>
                    <Table.Th>{t('clinicCalendar.preview.now')}</Table.Th>
                    <Table.Th>{t('clinicCalendar.preview.after')}</Table.Th>
                    <Table.Th>{t('clinicCalendar.preview.interval')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {state.data.sessions.map((s, i) => (
                    <Table.Tr key={s.id} data-moves={s.moves} fw={s.target ? 600 : undefined}>
                      <Table.Td miw={130}>
                        <Group gap={6} wrap="nowrap">
                          {s.number}
                          <Badge size="sm" variant="light" color={s.moves ? 'orange' : 'gray'}>
                            {s.moves ? t('clinicCalendar.preview.moves') : t('clinicCalendar.preview.stays')}
                          </Badge>
                        </Group>
                      </Table.Td>
                      <Table.Td>{place(s.current)}</Table.Td>
                      <Table.Td>{s.proposed ? place(s.proposed) : '—'}</Table.Td>
                      <Table.Td>{windowText(s, state.data.sessions[i - 1]?.number ?? 0)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        {error !== null && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => state.data && void confirm(state.data)}
            loading={pending}
            disabled={state.status !== 'ready' || state.data.status !== 'possible'}
          >
            {t('clinicCalendar.preview.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
