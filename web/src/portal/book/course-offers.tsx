import {
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useSubmit } from '../../hooks/use-submit';
import type { OfferedCourse, OfferRequest, PortalCourse, Screening } from '../portal-api';
import { PortalRefusal } from '../portal-refusal';
import { offeredWords, SessionWords } from '../session-line';
import { shortDate, useFormattingLocale } from '../session-words';
import { ConsultationRequestForm } from './consultation-request-form';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The course finder for the patient: courses that keep the plan's intervals, from the earliest on,
 * each booked whole with one click. A time taken meanwhile is a refusal that says to ask again.
 */
export function CourseOffers({
  screening,
  onBooked,
}: {
  screening: Screening;
  onBooked: (course: PortalCourse) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormattingLocale();
  const plan = screening.plan;
  const [locationId, setLocationId] = useState<string | null>(screening.locations[0]?.id ?? null);
  const [sessions, setSessions] = useState<number>(plan?.sessions.min ?? 1);
  const [earliestStart, setEarliestStart] = useState(screening.requestDate);
  const [days, setDays] = useState<string[]>([]);
  const [noTimeSuits, setNoTimeSuits] = useState(false);
  const request = (): OfferRequest | null =>
    locationId
      ? {
          assessmentId: screening.assessmentId,
          locationId,
          sessions,
          ...(earliestStart ? { earliestStart } : {}),
          ...(days.length ? { preferences: { weekdays: days.map(Number) } } : {}),
        }
      : null;
  const finder = useSubmit((body: OfferRequest) => call(api.POST('/api/portal/course-proposals', { body })));
  const [offers, setOffers] = useState<Awaited<ReturnType<typeof finder.submit>>>(undefined);
  const booking = useSubmit((course: OfferedCourse) =>
    call(
      api.POST('/api/portal/bookings', {
        body: {
          assessmentId: screening.assessmentId,
          locationId: locationId ?? '',
          sessions: course.sessions.map(({ start, practitionerId, roomId }) => ({ start, practitionerId, roomId })),
          ...(days.length ? { preferences: { weekdays: days.map(Number) } } : {}),
        },
      }),
    ),
  );
  const find = async (event?: FormEvent) => {
    event?.preventDefault();
    const body = request();
    if (!body) return;
    booking.clearError();
    setOffers(await finder.submit(body));
  };
  const titleOf = (course: OfferedCourse) => {
    const date = shortDate(locale, course.sessions[0]?.localDate ?? '');
    if (course.label === 'earliest') return t('selfService.offerEarliest', { date });
    if (course.label === 'later') return t('selfService.offerLater', { date });
    return t('selfService.offerAlternative', {
      date,
      relaxed: course.relaxed.map((r) => t(`selfService.relaxed.${r}`, { defaultValue: r })).join(', '),
    });
  };

  return (
    <Stack gap="md" maw={760}>
      <Paper withBorder p="md" component="form" onSubmit={find} aria-labelledby="finder-heading">
        <Title order={2} size="h4" id="finder-heading" mb={4}>
          {t('selfService.finderTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('selfService.finderHelp', { hours: screening.noticeHours })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('selfService.location')}
            data={screening.locations.map((l) => ({ value: l.id, label: l.name }))}
            value={locationId}
            onChange={setLocationId}
            allowDeselect={false}
            required
          />
          <NumberInput
            label={t('selfService.sessions')}
            min={plan?.sessions.min ?? 1}
            max={plan?.sessions.max ?? 1}
            allowDecimal={false}
            value={sessions}
            onChange={(n) => setSessions(Number(n) || (plan?.sessions.min ?? 1))}
          />
          <TextInput
            label={t('selfService.earliest')}
            type="date"
            value={earliestStart}
            onChange={(e) => setEarliestStart(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Checkbox.Group label={t('selfService.weekdays')} value={days} onChange={setDays} mt="sm">
          <Group gap="sm" mt={4}>
            {weekdays.map((d) => (
              <Checkbox key={d} value={String(d)} label={t(`selfService.weekdayNames.${d}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Button type="submit" mt="md" loading={finder.pending} disabled={!locationId}>
          {finder.pending ? t('selfService.finding') : t('selfService.find')}
        </Button>
      </Paper>
      {finder.error !== null && <PortalRefusal error={finder.error} />}
      {booking.error !== null && (
        <PortalRefusal
          error={booking.error}
          action={{ label: t('selfService.findAgain'), onClick: () => void find() }}
        />
      )}
      {offers && (
        <Stack gap="sm" aria-live="polite" data-testid="offers">
          {offers.status === 'not_found' && <Text size="sm">{t('selfService.noOffer')}</Text>}
          {offers.courses.map((course, i) => (
            <Paper key={i} withBorder p="md" data-testid="offer" component="section" aria-labelledby={`offer-${i}`}>
              <Title order={3} size="h5" mb="xs" id={`offer-${i}`}>
                {titleOf(course)}
              </Title>
              <List type="ordered" size="sm" spacing={2}>
                {course.sessions.map((s) => (
                  <List.Item key={s.number}>
                    <SessionWords
                      session={{
                        ...offeredWords(s, course.sessions.length),
                        ...(plan ? { area: plan.area, areaName: plan.areaName } : {}),
                      }}
                    />
                  </List.Item>
                ))}
              </List>
              <Button
                mt="sm"
                loading={booking.pending}
                onClick={async () => {
                  const booked = await booking.submit(course);
                  if (booked) onBooked(booked.course);
                }}
              >
                {booking.pending ? t('selfService.booking') : t('selfService.book', { count: course.sessions.length })}
              </Button>
            </Paper>
          ))}
          <Button variant="subtle" w="fit-content" onClick={() => setNoTimeSuits(true)}>
            {t('selfService.noTimeSuits')}
          </Button>
        </Stack>
      )}
      {noTimeSuits && <ConsultationRequestForm assessmentId={screening.assessmentId} reason="no_suitable_time" />}
    </Stack>
  );
}
