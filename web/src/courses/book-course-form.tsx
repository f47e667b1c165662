import { Alert, Button, List, NumberInput, Paper, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/assessment-types';
import { ErrorAlert } from '../components/error-alert';
import { useFormat } from '../i18n/use-format';
import { sessionDates, tomorrowMorning } from './session-dates';

export interface Booking {
  dates: Date[];
  practitionerId: string | null;
  locationId: string | null;
  durationMinutes: number;
}

interface Props {
  plan: Plan;
  staff: { id: string; displayName: string; role: string }[];
  locations: { id: string; name: string }[];
  defaultPractitionerId: string | null;
  pending: boolean;
  error: unknown;
  /** Sessions already booked by an earlier, partly failed attempt. */
  booked: number;
  onSubmit: (booking: Booking) => void;
}

/** The course's sessions at the plan's spacing, from a first date; each can be moved later. */
export function BookCourseForm({
  plan,
  staff,
  locations,
  defaultPractitionerId,
  pending,
  error,
  booked,
  onSubmit,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [start, setStart] = useState(tomorrowMorning());
  const [count, setCount] = useState<number>(plan.sessions.min);
  const [interval, setInterval] = useState<number>(plan.intervalDays.min);
  const [practitionerId, setPractitionerId] = useState<string | null>(defaultPractitionerId);
  const [locationId, setLocationId] = useState<string | null>(locations[0]?.id ?? null);
  const dates = sessionDates(start, count, interval);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ dates, practitionerId, locationId, durationMinutes: plan.durationMinutes.max });
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} maw={760}>
      <Text size="sm" mb="md">
        {t('course.planSummary', { sessions: format.range(plan.sessions), interval: format.range(plan.intervalDays) })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('course.start')}
          type="datetime-local"
          required
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
        />
        <NumberInput
          label={t('course.count')}
          min={1}
          max={plan.sessions.max}
          allowDecimal={false}
          value={count}
          onChange={(n) => setCount(Number(n) || 1)}
        />
        <NumberInput
          label={t('course.interval')}
          min={1}
          max={90}
          allowDecimal={false}
          value={interval}
          onChange={(n) => setInterval(Number(n) || 1)}
        />
        <Select
          label={t('course.practitioner')}
          data={staff
            .filter((s) => s.role === 'practitioner' || s.role === 'admin')
            .map((s) => ({ value: s.id, label: s.displayName }))}
          value={practitionerId}
          onChange={setPractitionerId}
          clearable
          placeholder={t('course.anyone')}
        />
        <Select
          label={t('course.location')}
          data={locations.map((l) => ({ value: l.id, label: l.name }))}
          value={locationId}
          onChange={setLocationId}
          clearable
          placeholder={t('course.anyone')}
        />
      </SimpleGrid>
      <Title order={2} size="h5" mt="md" mb={4}>
        {t('course.preview')}
      </Title>
      <List size="sm" type="ordered" data-testid="booking-preview">
        {dates.map((d, i) => (
          <List.Item key={d.toISOString()} c={i < booked ? 'dimmed' : undefined}>
            {format.dateTime(d.toISOString())}
          </List.Item>
        ))}
      </List>
      {booked > 0 && (
        <Alert color="yellow" mt="sm">
          {t('course.partlyBooked', { booked, total: dates.length })}
        </Alert>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <Button type="submit" mt="md" loading={pending} disabled={dates.length === 0}>
        {pending ? t('course.submitting') : t('course.submit')}
      </Button>
    </Paper>
  );
}
