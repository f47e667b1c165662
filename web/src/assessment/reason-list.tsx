import { Badge, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConflictReport, Reason } from '../api/assessment-types';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { FactCard } from './fact-card';
import { OpenQuestionList } from './open-question-list';

export function ReasonList({ reasons, conflicts }: { reasons: Reason[]; conflicts: ConflictReport[] }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  const topic = (id: string) => conflicts.find((c) => c.id === id)?.topic ?? id;
  return (
    <section aria-labelledby="reasons-heading">
      <Title order={2} size="h4" id="reasons-heading" mb="xs">
        {t('assessment.reasons')}
      </Title>
      {reasons.length === 0 ? (
        <Text size="sm">{t('assessment.noReasons')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} data-testid="reasons">
          {reasons.map((reason) => (
            <FactCard
              key={reason.code}
              title={label('reason', reason.code, reason.message)}
              sourced={reason}
              badges={
                <>
                  <Badge color={reason.kind === 'absolute' ? 'red' : 'yellow'} size="sm">
                    {label('reasonKind', reason.kind)}
                  </Badge>
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
              {reason.conflictIds && reason.conflictIds.length > 0 && (
                <Text size="xs" mt={4} c="dimmed">
                  {t('assessment.conflictRelied', { topics: format.list(reason.conflictIds.map(topic)) })}
                </Text>
              )}
            </FactCard>
          ))}
        </Stack>
      )}
    </section>
  );
}
