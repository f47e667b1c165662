import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FactCard } from '../assessment/fact-card';
import { OpenQuestionList } from '../assessment/open-question-list';
import { PrecautionList } from '../assessment/precaution-list';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { chartingMode, type Blocker, type TreatmentCheck } from './treatment-check';

const modeColor = { allowed: 'teal', override: 'yellow', blocked: 'red' } as const;

type ShownReason = Omit<Blocker, 'overridable'> & { overridable?: boolean };

/** The blockers first, then any other reason of the assessment: every one is shown, none folded away. */
function allReasons(check: TreatmentCheck): ShownReason[] {
  const reasons: ShownReason[] = [...check.blockers];
  for (const reason of check.assessment?.reasons ?? [])
    if (!reasons.some((r) => r.code === reason.code)) reasons.push(reason);
  return reasons;
}

/**
 * The session-day safety picture at the top of the chart page: whether the session may be charted
 * (and why not), every reason with its sources, the patient's allergies and the precautions.
 */
export function TreatmentCheckPanel({ check, patientId }: { check: TreatmentCheck; patientId: string }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  const mode = chartingMode(check);
  const reasons = allReasons(check);
  const blockerTitles = t('chart.safety.blockerTitles', { returnObjects: true }) as Record<string, string>;
  const verdict = check.assessment?.verdict;
  const why: string[] = [];
  if (check.intakeId === null) why.push(t('chart.safety.noIntake'));
  if (check.future)
    why.push(t('chart.safety.future', { date: format.date(check.sessionDate), today: format.date(check.today) }));
  if (verdict === 'contraindicated') why.push(t('chart.safety.contraindicated'));
  if (mode === 'override') why.push(t('chart.safety.overrideHelp'));
  if (mode === 'blocked' && why.length === 0) why.push(t('chart.safety.blockedOther'));

  return (
    <Paper
      withBorder
      p="md"
      mb="md"
      component="section"
      aria-labelledby="safety-heading"
      data-testid="treatment-check"
      data-mode={mode}
      data-verdict={verdict ?? 'none'}
    >
      <Title order={2} size="h4" id="safety-heading" mb="sm">
        {t('chart.safety.heading')}
      </Title>
      <Stack gap="md">
        <Alert
          color={modeColor[mode]}
          variant="light"
          title={t(`chart.safety.${mode}Title`)}
          data-testid="session-verdict"
        >
          <Stack gap={4}>
            {verdict && (
              <Text size="sm">
                {t('chart.safety.screening', {
                  date: format.date(check.sessionDate),
                  verdict: label('verdict', verdict),
                })}{' '}
                {label('verdictHelp', verdict)}
              </Text>
            )}
            {why.map((line) => (
              <Text size="sm" key={line}>
                {line}
              </Text>
            ))}
            {check.intakeId === null && (
              <Anchor component={Link} to={`/patients/${patientId}/intake`} size="sm">
                {t('chart.safety.takeIntake')}
              </Anchor>
            )}
          </Stack>
        </Alert>

        {reasons.length > 0 && (
          <section aria-labelledby="safety-reasons-heading">
            <Title order={3} size="h5" id="safety-reasons-heading" mb="xs">
              {t('chart.safety.reasons')}
            </Title>
            <Stack gap="xs" component="ul" p={0} m={0} data-testid="safety-reasons">
              {reasons.map((reason) => (
                <FactCard
                  key={reason.code}
                  title={blockerTitles[reason.code] ?? label('reason', reason.code, reason.message)}
                  sourced={reason}
                  badges={
                    <>
                      <Badge color={reason.kind === 'absolute' ? 'red' : 'yellow'} size="sm">
                        {label('reasonKind', reason.kind)}
                      </Badge>
                      {reason.overridable === true && (
                        <Badge variant="outline" color="dark" size="sm">
                          {t('chart.safety.overridable')}
                        </Badge>
                      )}
                      {reason.until && (
                        <Badge variant="outline" color="dark" size="sm">
                          {t('assessment.until', { date: format.date(reason.until) })}
                        </Badge>
                      )}
                    </>
                  }
                >
                  <Text size="sm" mt={4}>
                    {reason.message}
                  </Text>
                  <OpenQuestionList questions={reason.questions} />
                </FactCard>
              ))}
            </Stack>
          </section>
        )}

        <section aria-labelledby="allergies-heading" data-testid="allergies">
          <Title order={3} size="h5" id="allergies-heading" mb="xs">
            {t('chart.safety.allergies')}
          </Title>
          {check.intakeId === null ? (
            <Text size="sm">{t('chart.safety.allergiesUnknown')}</Text>
          ) : check.allergies.length === 0 ? (
            <Text size="sm">{t('chart.safety.noAllergies')}</Text>
          ) : (
            <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {check.allergies.map((a) => (
                <Badge key={a.substance} component="li" color="red" variant="light" size="lg" tt="none">
                  {a.substance}
                </Badge>
              ))}
            </Group>
          )}
        </section>

        {check.assessment && <PrecautionList precautions={check.assessment.precautions} />}
      </Stack>
    </Paper>
  );
}
