import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';

/** The patient's requests for a call, once there are any: asked when, and whether the clinic has been in touch. */
export function MyConsultationRequests() {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLoad(async () => (await call(api.GET('/api/portal/consultation-requests'))).requests, []);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="requests-heading">
      <Title order={2} size="h4" id="requests-heading" mb="xs">
        {t('selfService.requestsTitle')}
      </Title>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="consultation-requests">
        {state.data.map((request) => (
          <Text key={request.id} size="sm" component="li">
            {t(request.status === 'open' ? 'selfService.requestOpen' : 'selfService.requestHandled', {
              date: format.dateTime(request.createdAt),
            })}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
