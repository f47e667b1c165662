import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ok } from '../api/api-types';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import type { Opening } from './opening';

type Candidate = Ok<'/api/waiting-list/openings/{id}/candidates', 'get'>['candidates'][number];

const fitColor: Record<string, string> = {
  fits: 'teal',
  starts_later: 'yellow',
  no_course: 'gray',
  not_ready: 'gray',
  outside_preferences: 'gray',
  not_checked: 'gray',
};

/**
 * Who on the waiting list an opened slot suits, best fits first, each with the whole course the
 * course finder offers (keeping the plan's intervals); booking one books it and closes their entry.
 */
export function OpeningCandidates({ opening, onBooked }: { opening: Opening; onBooked: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLoad(
    async () =>
      (await call(api.GET('/api/waiting-list/openings/{id}/candidates', { params: { path: { id: opening.id } } })))
        .candidates,
    [opening.id],
  );
  const book = useSubmit(async (candidate: Candidate) => {
    if (!candidate.course) return;
    const { sessions } = await call(
      api.POST('/api/waiting-list/{id}/booking', {
        params: { path: { id: candidate.entry.id } },
        body: {
          locationId: opening.locationId,
          sessions: candidate.course.sessions.map(({ start, practitionerId, roomId }) => ({
            start,
            practitionerId,
            roomId,
          })),
        },
      }),
    );
    onBooked(t('frontDesk.booked', { count: sessions.length, name: nameOf(candidate) }));
  });

  return (
    <Stack gap="sm" mt="sm" data-testid="candidates">
      <Title order={3} size="h5">
        {t('frontDesk.candidatesTitle', {
          date: format.longDate(opening.localDate),
          start: opening.localStart,
          end: opening.localEnd,
        })}
      </Title>
      {book.error !== null && <ErrorAlert error={book.error} />}
      <Loaded state={state}>
        {(candidates) =>
          candidates.length === 0 ? (
            <Text size="sm">{t('frontDesk.noCandidates')}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {candidates.map((c) => (
                <CandidateLine
                  key={c.entry.id}
                  candidate={c}
                  pending={book.pending}
                  onBook={() => void book.submit(c)}
                />
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Stack>
  );
}

const nameOf = (c: Candidate) => `${c.entry.patient.firstName} ${c.entry.patient.lastName}`;

function CandidateLine({ candidate, pending, onBook }: { candidate: Candidate; pending: boolean; onBook: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const { course, fit, reason } = candidate;
  const first = course?.sessions[0];
  return (
    <Paper
      withBorder
      p="xs"
      component="li"
      bg={fit === 'fits' ? 'teal.0' : undefined}
      data-testid="candidate"
      data-fit={fit}
    >
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <div>
          <Group gap="xs">
            <Text fw={600}>{nameOf(candidate)}</Text>
            <Text size="sm" c="dimmed">
              {label('indication', candidate.entry.indication)}
            </Text>
          </Group>
          <Badge color={fitColor[fit] ?? 'gray'} variant="light" mt={4} style={{ textTransform: 'none' }}>
            {t(`frontDesk.fit.${fit}`)}
          </Badge>
          {reason && (
            <Text size="xs" c="dimmed" mt={2}>
              {reason}
            </Text>
          )}
          {course && first && (
            <>
              <Text size="sm" mt={4}>
                {t('frontDesk.offerFirst', { date: format.longDate(first.localDate), time: first.localStart })}
              </Text>
              <Text size="sm">
                {t('frontDesk.offer', {
                  count: course.sessions.length,
                  first: format.date(course.firstDate),
                  last: format.date(course.lastDate),
                })}
              </Text>
              <List size="xs" c="dimmed">
                {course.sessions.map((s) => (
                  <List.Item key={s.number}>
                    {format.date(s.localDate)} {s.localStart}–{s.localEnd}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </div>
        {course && (fit === 'fits' || fit === 'starts_later') && (
          <Button
            size="xs"
            onClick={onBook}
            loading={pending}
            aria-label={t('frontDesk.bookFor', { name: nameOf(candidate) })}
          >
            {t('frontDesk.book')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
