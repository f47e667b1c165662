import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { ErrorAlert } from '../components/error-alert';
import { useLoad } from '../hooks/use-load';
import { useSubmit } from '../hooks/use-submit';
import { useFormat } from '../i18n/use-format';

/**
 * A secret address a phone or desktop calendar can subscribe to: the user's appointments, kept up
 * to date by the calendar app. The address is shown once, when made; making a new one ends the old.
 */
export function CalendarSubscription() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useLoad(() => call(api.GET('/api/calendar-feed')), []);
  const [address, setAddress] = useState<string | null>(null);
  const create = useSubmit(async () => {
    const made = await call(api.POST('/api/calendar-feed'));
    setAddress(`${window.location.origin}${made.url}`);
    status.reload();
  });
  const stop = useSubmit(async () => {
    await call(api.DELETE('/api/calendar-feed'));
    setAddress(null);
    status.reload();
  });
  const active = status.status === 'ready' && status.data.active;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-subscription-heading">
      <Title order={2} size="h4" id="calendar-subscription-heading" mb="xs">
        {t('calendar.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{t('calendar.help')}</Text>
        {status.status === 'ready' && status.data.active && status.data.createdAt && !address && (
          <Text size="sm" data-testid="calendar-subscription-status">
            {t('calendar.active', { date: format.dateTime(status.data.createdAt) })}
          </Text>
        )}
        {address && (
          <Group gap="xs" align="end">
            <TextInput
              label={t('calendar.address')}
              description={t('calendar.shownOnce')}
              value={address}
              readOnly
              style={{ flex: 1 }}
              data-testid="calendar-subscription-address"
            />
            <CopyButton value={address}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {copied ? t('calendar.copied') : t('calendar.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        <Group gap="xs">
          <Button variant="default" onClick={() => void create.submit()} loading={create.pending}>
            {active ? t('calendar.replace') : t('calendar.create')}
          </Button>
          {active && (
            <Button variant="subtle" color="red" onClick={() => void stop.submit()} loading={stop.pending}>
              {t('calendar.stop')}
            </Button>
          )}
        </Group>
        {(create.error ?? stop.error) ? <ErrorAlert error={create.error ?? stop.error} /> : null}
      </Stack>
    </Paper>
  );
}
