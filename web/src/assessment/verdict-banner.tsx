import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../api/assessment-types';
import { useCodeLabel } from '../i18n/use-code-label';
import { useFormat } from '../i18n/use-format';
import { verdictColor } from './verdict-colors';

/** The latest date a temporary reason lasts to: when the patient may be treated. */
function deferredUntil(result: AssessmentResult): string | undefined {
  const dates = result.reasons.map((r) => r.until).filter((d): d is string => Boolean(d));
  return dates.sort().at(-1);
}

export function VerdictBanner({ result }: { result: AssessmentResult }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const format = useFormat();
  const until = result.verdict === 'defer' ? deferredUntil(result) : undefined;
  return (
    <Alert
      color={verdictColor[result.verdict]}
      variant="filled"
      title={`${t('assessment.verdict')}: ${label('verdict', result.verdict)}`}
      data-testid="verdict"
      data-verdict={result.verdict}
    >
      <Text size="sm">
        {label('verdictHelp', result.verdict)}
        {until ? ` (${t('assessment.until', { date: format.date(until) })})` : ''}
      </Text>
    </Alert>
  );
}
