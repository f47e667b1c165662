import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../knowledge/catalogue';
import { reportText } from './report-text';

interface Reported {
  symptom: string;
  symptoms: string[];
  onsetDays: number | null;
  reportedBy: string | null;
  /** How it came in (portal, phone, in person); null on older reports. */
  reportedVia?: string | null;
  reporterName?: string | null;
}

/** A report's symptoms and words, with when it began, who recorded it and how it came in, for the clinic's lists. */
export function ReportSummary({ report }: { report: Reported }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const label = (code: string) =>
    t(`sideEffects.symptoms.${code}`, {
      defaultValue: catalogue.symptoms.find((s) => s.code === code)?.patient ?? code.replace(/_/g, ' '),
    });
  const about = [
    report.onsetDays === null ? null : t('sideEffects.onsetDay', { days: report.onsetDays }),
    report.reportedVia
      ? t(`sideEffects.channel.${report.reportedVia}`, { name: report.reporterName ?? t('sideEffects.someStaff') })
      : report.reportedBy
        ? t(`sideEffects.reportedBy.${report.reportedBy}`, { defaultValue: report.reportedBy })
        : null,
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
