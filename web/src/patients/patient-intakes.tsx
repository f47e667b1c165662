import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { Loaded } from '../components/loaded';
import { useLoad } from '../hooks/use-load';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { verdictColor } from '../assessment/verdict-colors';
import type { Verdict } from '../api/assessment-types';
import { EmptyState } from '../components/empty-state';

/** Every intake version, newest first, with its assessment's verdict. */
export function PatientIntakes({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useCodeLabel();
  const state = useLoad(
    async () => (await call(api.GET('/api/patients/{id}/intakes', { params: { path: { id: patientId } } }))).intakes,
    [patientId],
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="intakes-heading">
      <Title order={2} size="h4" id="intakes-heading" mb="sm">
        {t('patients.intakes')}
      </Title>
      <Loaded state={state}>
        {(intakes) =>
          intakes.length === 0 ? (
            <EmptyState
              size="sm"
              text={t('empty.intakes')}
              action={{ to: `/patients/${patientId}/intake`, label: t('empty.takeIntake') }}
            />
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {intakes.map((intake) => (
                <Group key={intake.id} component="li" justify="space-between" wrap="wrap" gap="xs">
                  <Text size="sm">
                    {t('patients.intakeVersion', { version: intake.version, date: format.dateTime(intake.createdAt) })}{' '}
                    · {label('indication', intake.data.request.indication)}, {label('area', intake.data.request.area)}
                  </Text>
                  {intake.assessment && (
                    <Group gap="xs">
                      <Badge color={verdictColor[intake.assessment.verdict as Verdict] ?? 'gray'}>
                        {label('verdict', intake.assessment.verdict)}
                      </Badge>
                      <Anchor component={Link} to={`/assessments/${intake.assessment.id}`} size="sm">
                        {t('patients.openAssessment')}
                      </Anchor>
                    </Group>
                  )}
                </Group>
              ))}
            </Stack>
          )
        }
      </Loaded>
    </Paper>
  );
}
