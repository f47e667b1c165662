import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { catalogue } from '../knowledge/catalogue';
import { reportText } from './report-text';

interface Reported {
  symptom: string;
  symptoms: string[];
  onsetDays: number | null;
  reportedBy: string | null;
}

/** A report's symptoms and words, with when it began and who reported it, for the clinic's lists. */
export function ReportSummary({ report }: { report: Reported }) {
  const { t } = useTranslation();
  const label = (code: string) =>
    t(`sideEffects.symptoms.${code}`, {
      defaultValue: catalogue.symptoms.find((s) => s.code === code)?.patient ?? code.replace(/_/g, ' '),
    });
  const about = [
    report.onsetDays === null ? null : t('sideEffects.onsetDay', { days: report.onsetDays }),
    report.reportedBy ? t(`sideEffects.reportedBy.${report.reportedBy}`, { defaultValue: report.reportedBy }) : null,
  ].filter(Boolean);
  return (
    <>
      <Text size="sm" fw={600}>
        {reportText(report, label)}
      </Text>
      {about.length > 0 && (
        <Text size="xs" c="dimmed">
          {about.join(' · ')}
        </Text>
      )}
    </>
  );
}
