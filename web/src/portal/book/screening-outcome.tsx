import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../i18n/use-code-label';
import { useFormat } from '../../i18n/use-format';
import { openQuestionText } from '../../assessment/open-question-label';
import type { Screening } from '../portal-api';

/** What the screening allows, in the patient's words, and (when it needs a clinician) what the clinic will talk about. */
export function ScreeningOutcome({ screening }: { screening: Screening }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  const bookable = screening.outcome === 'bookable';
  const plan = screening.plan;
  return (
    <Alert
      color={bookable ? 'green' : 'orange'}
      title={t('selfService.screeningTitle')}
      role="status"
      data-testid="screening-outcome"
      data-outcome={screening.outcome}
    >
      <Text size="sm">{t(`selfService.outcome.${screening.outcome}`)}</Text>
      {bookable && plan && (
        <Text size="sm" mt="xs">
          {t('selfService.planSummary', {
            min: plan.sessions.min,
            max: plan.sessions.max,
            intervalMin: plan.intervalDays.min,
            intervalMax: plan.intervalDays.max,
            minutes: plan.durationMinutes.max,
          })}
        </Text>
      )}
      {!bookable && (screening.reasons.length > 0 || screening.precautions.length > 0) && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('selfService.whyTitle')}
          </Text>
          <List size="sm">
            {screening.reasons.map((r) => (
              <List.Item key={r.code}>{label('reason', r.code, r.message)}</List.Item>
            ))}
            {screening.precautions.map((p) => (
              <List.Item key={p.code}>{label('precaution', p.code, p.message)}</List.Item>
            ))}
          </List>
          {screening.openQuestions.length > 0 && (
            <Text size="sm" mt="xs">
              {t('selfService.openQuestions', {
                list: format.list(
                  screening.openQuestions.map((q) => {
                    const { name, values } = openQuestionText(q);
                    return t(`assessment.questions.${name}`, values);
                  }),
                ),
              })}
            </Text>
          )}
        </>
      )}
    </Alert>
  );
}
