import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { documentLinks } from '../documents/document-links';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useFormat } from '../i18n/use-format';
import { EmptyState } from '../components/empty-state';

export function PatientConsents({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useLoad(
    async () => call(api.GET('/api/patients/{id}/consents', { params: { path: { id: patientId } } })),
    [patientId],
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consents-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="consents-heading">
          {t('patients.consents')}
        </Title>
        <Button size="xs" component={Link} to={`/patients/${patientId}/consent`}>
          {t('patients.signConsent')}
        </Button>
      </Group>
      <Loaded state={state}>
        {({ signatures, standings }) => (
          <>
            {standings
              // Without any signature, the empty state below says what to do.
              .filter((s) => s.status === 'resign_needed' || (s.status === 'unsigned' && signatures.length > 0))
              .map((s) => (
                <Alert
                  key={s.procedure}
                  color="orange"
                  mb="sm"
                  role="status"
                  title={s.status === 'resign_needed' ? t('patients.consentResignNeeded') : undefined}
                  data-testid="consent-standing"
                >
                  {s.status === 'resign_needed'
                    ? t('patients.consentResignDetail', {
                        procedure: s.procedure,
                        signed: s.signed?.version,
                        current: s.current.version,
                      })
                    : t('patients.consentUnsigned', { procedure: s.procedure, current: s.current.version })}
                </Alert>
              ))}
            {signatures.length === 0 ? (
              <EmptyState
                size="sm"
                text={t('empty.consents')}
                action={{ to: `/patients/${patientId}/consent`, label: t('empty.signConsent') }}
              />
            ) : (
              <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="consents">
                {signatures.map((s) => (
                  <Text key={s.id} size="sm" component="li">
                    {t('patients.consentSigned', {
                      procedure: s.consentText.procedure,
                      version: s.consentText.version,
                      date: format.dateTime(s.signedAt),
                    })}
                    {!s.consentText.current && ` (${t('patients.consentOutdated')})`}{' '}
                    <Anchor href={documentLinks.consentPdf(s.id)} download size="sm">
                      {t('patients.consentPdf')}
                    </Anchor>
                  </Text>
                ))}
              </Stack>
            )}
          </>
        )}
      </Loaded>
    </Paper>
  );
}
