import { Button, Group, NumberInput, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { api, call } from '../../api/client';
import { Loaded } from '../../components/loaded';
import { useLoad } from '../../hooks/use-load';
import { SaveOutcome, useSavedForm } from './saved-form';

/** How long before a session patients may still move or cancel it in the portal (24 hours unless changed). */
export function PortalNoticeForm({ clinicId }: { clinicId: string }) {
  const { t } = useTranslation();
  const path = { params: { path: { id: clinicId } } };
  const state = useLoad(() => call(api.GET('/api/clinics/{id}/portal-settings', path)), [clinicId]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="portal-notice-heading">
      <Title order={2} size="h3" id="portal-notice-heading" mb={4}>
        {t('selfService.noticeTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('selfService.noticeHelp')}
      </Text>
      <Loaded state={state}>
        {(settings) => <NoticeHoursForm clinicId={clinicId} initial={settings.noticeHours} />}
      </Loaded>
    </Paper>
  );
}

function NoticeHoursForm({ clinicId, initial }: { clinicId: string; initial: number }) {
  const { t } = useTranslation();
  const [hours, setHours] = useState<number | string>(initial);
  const { onSubmit, pending, error, saved, edited } = useSavedForm(
    () =>
      call(
        api.PUT('/api/clinics/{id}/portal-settings', {
          params: { path: { id: clinicId } },
          body: { noticeHours: Number(hours) },
        }),
      ),
    () => undefined,
  );
  return (
    <form onSubmit={onSubmit} aria-labelledby="portal-notice-heading" noValidate>
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('selfService.noticeHours')}
          min={0}
          max={720}
          allowDecimal={false}
          value={hours}
          onChange={(value) => {
            edited();
            setHours(value);
          }}
          error={isApiError(error) ? error.problemFor('noticeHours') : undefined}
          w={220}
        />
        <Button type="submit" loading={pending} disabled={hours === ''}>
          {t('clinicSetup.save')}
        </Button>
      </Group>
      <SaveOutcome error={error} saved={saved} />
    </form>
  );
}
