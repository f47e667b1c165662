import { ActionIcon, Button, Checkbox, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { api, call } from '../../api/client';
import { SaveOutcome, useSavedForm } from './saved-form';
import { nextSpan, toWeekForm, toWeeklyHours, type Span, type WeekForm } from './week-spans';

interface Props {
  locationId: string;
  /** The stored hours (null: none, always open). */
  openingHours: unknown;
  onSaved: () => void;
}

/** A location's opening hours per weekday, or none (then practitioners' own hours alone count). */
export function OpeningHoursForm({ locationId, openingHours, onSaved }: Props) {
  const { t } = useTranslation();
  const days = t('clinicSetup.weekdays', { returnObjects: true }) as string[];
  const [limited, setLimited] = useState(openingHours !== null);
  const [week, setWeek] = useState<WeekForm>(() => toWeekForm(openingHours));
  const { onSubmit, pending, error, saved, edited } = useSavedForm(
    () =>
      call(
        api.PUT('/api/locations/{id}/opening-hours', {
          params: { path: { id: locationId } },
          body: { weeklyHours: limited ? toWeeklyHours(week) : null },
        }),
      ),
    onSaved,
  );
  const problem = (day: number, span: number, end: 'start' | 'end') =>
    isApiError(error) ? error.problemFor(`weeklyHours.${day + 1}[${span}].${end}`) : undefined;

  const change = (day: number, spans: Span[]) => {
    edited();
    setWeek((w) => w.map((d, i) => (i === day ? spans : d)));
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-labelledby="opening-hours-heading">
      <Title order={3} size="h4" id="opening-hours-heading" mb={4}>
        {t('clinicSetup.openingHoursHeading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('clinicSetup.openingHoursHelp')}
      </Text>
      <Switch
        label={t('clinicSetup.limitToOpeningHours')}
        checked={limited}
        onChange={(e) => {
          edited();
          setLimited(e.currentTarget.checked);
        }}
        mb="sm"
      />
      {limited ? (
        <Stack gap="xs" data-testid="opening-hours">
          {days.map((name, day) => {
            const spans = week[day] ?? [];
            return (
              <Group key={name} align="flex-end" gap="sm" wrap="wrap">
                <Checkbox
                  label={t('clinicSetup.open', { day: name })}
                  checked={spans.length > 0}
                  onChange={(e) => change(day, e.currentTarget.checked ? [nextSpan([])] : [])}
                  w={190}
                  mb={8}
                />
                {spans.map((span, i) => (
                  <Group key={i} gap={6} align="flex-end" wrap="nowrap">
                    <TextInput
                      type="time"
                      label={t('clinicSetup.opens', { day: name })}
                      value={span.start}
                      onChange={(e) =>
                        change(
                          day,
                          spans.map((s, j) => (j === i ? { ...s, start: e.currentTarget.value } : s)),
                        )
                      }
                      error={problem(day, i, 'start')}
                      required
                      w={130}
                    />
                    <TextInput
                      type="time"
                      label={t('clinicSetup.closes', { day: name })}
                      value={span.end}
                      onChange={(e) =>
                        change(
                          day,
                          spans.map((s, j) => (j === i ? { ...s, end: e.currentTarget.value } : s)),
                        )
                      }
                      error={problem(day, i, 'end')}
                      required
                      w={130}
                    />
                    {spans.length > 1 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mb={4}
                        aria-label={t('clinicSetup.removeSpan', { day: name })}
                        onClick={() =>
                          change(
                            day,
                            spans.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                ))}
                {spans.length > 0 && spans.length < 4 && (
                  <Button
                    variant="subtle"
                    size="xs"
                    mb={6}
                    aria-label={t('clinicSetup.addSpan', { day: name })}
                    onClick={() => change(day, [...spans, nextSpan(spans)])}
                  >
                    +
                  </Button>
                )}
              </Group>
            );
          })}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('clinicSetup.alwaysOpen')}
        </Text>
      )}
      <SaveOutcome error={error} saved={saved} />
      <Button type="submit" mt="md" loading={pending}>
        {t('clinicSetup.saveOpeningHours')}
      </Button>
    </Paper>
  );
}
