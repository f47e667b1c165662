import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const keys = ['planned', 'done', 'cancelled', 'no_show', 'flagged', 'off', 'closed'] as const;

/** What the colours and shading mean (each session also says its status and flag in words). */
export function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" mt="sm" wrap="wrap" aria-label={t('clinicCalendar.legendTitle')} role="group">
      <Text size="sm" fw={600}>
        {t('clinicCalendar.legendTitle')}
      </Text>
      {keys.map((key) => (
        <Group key={key} gap={6} wrap="nowrap">
          <span className={`cal-swatch cal-swatch-${key}`} aria-hidden />
          <Text size="sm">{t(`clinicCalendar.legend.${key}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
