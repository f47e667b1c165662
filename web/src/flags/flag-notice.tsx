import { Alert, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SourceRefs } from '../assessment/source-refs';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { flagReasons } from './flag-reasons';

/** A session's re-screening flag in full, on the session's own page: each reason with its sources. */
export function FlagNotice({ flag }: { flag: { verdict: string; reasons: unknown; flaggedAt?: string | null } }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  const reasons = flagReasons(flag.reasons);
  return (
    <Alert
      color="red"
      variant="light"
      title={t('schedule.flagged', { verdict: label('verdict', flag.verdict) })}
      data-testid="chart-flag"
      data-verdict={flag.verdict}
      mb="md"
    >
      <Text size="sm">
        {t('schedule.flagIntro')}
        {flag.flaggedAt ? ` ${t('schedule.flaggedAt', { date: format.dateTime(flag.flaggedAt) })}` : ''}
      </Text>
      {reasons.length > 0 && (
        <List size="sm" mt="xs" spacing={4}>
          {reasons.map((reason, i) => {
            const title = label('reason', reason.code, reason.message || reason.code);
            return (
              <List.Item key={`${reason.code}:${i}`}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" span>
                    <strong>{title}</strong>
                    {reason.message && reason.message !== title ? `: ${reason.message}` : ''}
                    {reason.until ? ` (${t('assessment.until', { date: format.date(reason.until) })})` : ''}
                  </Text>
                  <SourceRefs sourced={reason} what={title} />
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Alert>
  );
}
