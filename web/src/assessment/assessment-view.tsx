import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../api/assessment-types';
import { ConflictList } from './conflict-list';
import { PlanView } from './plan-view';
import { PrecautionList } from './precaution-list';
import { ReasonList } from './reason-list';
import { VerdictBanner } from './verdict-banner';

/** The whole result: verdict, reasons, precautions, plan and conflicts, every fact with its sources. */
export function AssessmentView({ result }: { result: AssessmentResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <VerdictBanner result={result} />
      <ReasonList reasons={result.reasons} conflicts={result.conflicts} />
      <PrecautionList precautions={result.precautions} />
      {result.plan ? (
        <PlanView plan={result.plan} deferred={result.verdict === 'defer'} />
      ) : (
        <Text size="sm">{t('assessment.noPlan')}</Text>
      )}
      <ConflictList conflicts={result.conflicts} />
    </Stack>
  );
}
