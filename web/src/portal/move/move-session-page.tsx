import { Alert, Anchor, Button, List, Paper, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { useLoad } from '../../hooks/use-load';
import { useSubmit } from '../../hooks/use-submit';
import type { MoveChoices, PortalCourse } from '../portal-api';
import { PortalRefusal } from '../portal-refusal';
import { SessionWords } from '../session-line';
import { shortDate, useFormattingLocale } from '../session-words';

/**
 * Moving a session online: the days that keep the course's interval, free times on them, and the
 * move; within the notice period the server refuses even to offer times and the page says to call.
 */
export function MoveSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const state = useLoad(
    () => call(api.GET('/api/portal/sessions/{id}/move-options', { params: { path: { id } } })),
    [id],
  );
  const [moved, setMoved] = useState<{ course: PortalCourse; moved: string[] } | null>(null);

  return (
    <>
      <PageTitle>{t('selfService.moveTitle')}</PageTitle>
      <Stack gap="md" maw={760}>
        {state.status === 'error' && <PortalRefusal error={state.error} />}
        {state.status === 'ready' &&
          (moved ? (
            <Alert color="green" role="status" data-testid="moved">
              <Text size="sm" mb="xs">
                {t('selfService.moved')}
              </Text>
              <List size="sm" spacing={2}>
                {moved.course.sessions.map((s) => (
                  <List.Item key={s.id}>
                    <SessionWords session={s} />
                  </List.Item>
                ))}
              </List>
              {moved.moved.length > 1 && (
                <Text size="sm" mt="xs">
                  {t('selfService.movedAlso')}
                </Text>
              )}
            </Alert>
          ) : (
            <MoveForm choices={state.data} onMoved={setMoved} />
          ))}
        <Anchor component={Link} to="/portal">
          {t('selfService.backToPlan')}
        </Anchor>
      </Stack>
    </>
  );
}

function MoveForm({
  choices,
  onMoved,
}: {
  choices: MoveChoices;
  onMoved: (result: { course: PortalCourse; moved: string[] }) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const { session, window, options, noticeHours } = choices;
  const days = [...new Set(options.map((o) => o.localDate))];
  const [day, setDay] = useState<string | null>(days[0] ?? null);
  const [start, setStart] = useState<string | null>(null);
  const { submit, pending, error } = useSubmit((at: string) =>
    call(
      api.POST('/api/portal/sessions/{id}/reschedule', { params: { path: { id: session.id } }, body: { start: at } }),
    ),
  );
  const times = options.filter((o) => o.localDate === day);

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-labelledby="move-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!start) return;
        const result = await submit(start);
        if (result) onMoved(result);
      }}
    >
      <Stack gap="sm">
        <Text id="move-heading" fw={600}>
          <SessionWords session={session} />
        </Text>
        <Text size="sm">
          {window
            ? t('selfService.moveWindow', {
                number: session.number,
                from: shortDate(locale, window.from),
                to: shortDate(locale, window.to),
              })
            : t('selfService.moveNoWindow')}
        </Text>
        {window && days.length === 0 && <Text size="sm">{t('selfService.moveNoTimes')}</Text>}
        {days.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('selfService.moveDay')}
              data={days.map((d) => ({ value: d, label: shortDate(locale, d) }))}
              value={day}
              onChange={(value) => {
                setDay(value);
                setStart(null);
              }}
              allowDeselect={false}
            />
            <Radio.Group label={t('selfService.moveTime')} value={start} onChange={setStart}>
              <SimpleGrid cols={3} mt={4} spacing={4}>
                {times.map((o) => (
                  <Radio key={o.start} value={o.start} label={o.localTime} />
                ))}
              </SimpleGrid>
            </Radio.Group>
          </SimpleGrid>
        )}
        {error !== null && <PortalRefusal error={error} noticeHours={noticeHours} />}
        {days.length > 0 && (
          <Button type="submit" loading={pending} disabled={!start} w="fit-content">
            {pending ? t('selfService.moving') : t('selfService.moveDo')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
