import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TreatmentSession } from '../api/api-types';
import { useCodeLabel } from '../i18n/use-code-label';
import { flagReasons } from './flag-reasons';

type Flag = NonNullable<TreatmentSession['flag']>;

/**
 * A session's re-screening flag where sessions are listed (schedule, patient page): the verdict and
 * what it is about, in words, so the flag reads without colour and without opening anything.
 */
export function SessionFlagBadge({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const reasons = flagReasons(flag.reasons).map((r) => label('reason', r.code, r.message || r.code));
  return (
    <Group gap={4} wrap="wrap" data-testid="session-flag" data-verdict={flag.verdict}>
      <Badge color="red" size="sm">
        {t('schedule.flagged', { verdict: label('verdict', flag.verdict) })}
      </Badge>
      {reasons.length > 0 && (
        <Text size="xs" c="var(--mantine-color-red-light-color)" fw={500}>
          {reasons.join(' · ')}
        </Text>
      )}
    </Group>
  );
}
