import { Alert, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SourceRefs } from '../assessment/source-refs';
import { triageColor, type Triage } from './side-effect-types';

/**
 * The knowledge base's triage of a report, for the patient (`audience="patient"`: what to do now)
 * or the clinic: the level, why, and each recognised effect with its advice and sources.
 */
export function TriageResult({ triage, audience }: { triage: Triage; audience: 'patient' | 'clinic' }) {
  const { t } = useTranslation();
  const title = audience === 'patient' ? t(`portal.triage.${triage.level}`) : t(`sideEffects.level.${triage.level}`);
  return (
    <Stack gap="sm" data-testid="triage-result" data-level={triage.level}>
      <Alert
        color={triageColor[triage.level]}
        variant="filled"
        title={title}
        role={triage.level === 'urgent' ? 'alert' : 'status'}
      >
        {audience === 'patient' ? t(`portal.triageHelp.${triage.level}`) : null}
      </Alert>
      {triage.findings.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {triage.findings.map((finding) => (
            <li key={finding.code}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div>
                  <Title order={3} size="h6">
                    {finding.name}
                  </Title>
                  <Text size="sm">{finding.advice}</Text>
                </div>
                <SourceRefs sourced={finding} what={finding.name} />
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {triage.why.length > 0 && (
        <div>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('portal.why')}
            </Text>
            <SourceRefs sourced={triage} what={t('portal.why')} />
          </Group>
          <List size="sm">
            {triage.why.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
