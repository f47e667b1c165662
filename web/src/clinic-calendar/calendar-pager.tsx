import { Button, Checkbox, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnPage } from './calendar-events';
import type { CalendarGrouping } from './calendar-types';

/**
 * Which of the week's columns are shown: a page of them with the previous and next pages a button
 * away, or all at once. A week of every practitioner of a large location is many screens wide and
 * slow to draw; a page of them is the usual way to look at a team's week.
 */
export function ColumnPager({
  grouping,
  shown,
  onPage,
}: {
  grouping: CalendarGrouping;
  shown: ColumnPage;
  onPage: (page: number | 'all') => void;
}) {
  const { t } = useTranslation();
  const { first, last, count } = shown;
  // Ticked at once: drawing every column takes a moment, and the box should not wait for it.
  const [all, setAll] = useState(shown.all);
  useEffect(() => setAll(shown.all), [shown.all]);
  const what = shown.all
    ? t(grouping === 'rooms' ? 'clinicCalendar.pager.allRooms' : 'clinicCalendar.pager.allPractitioners', { count })
    : t(grouping === 'rooms' ? 'clinicCalendar.pager.rooms' : 'clinicCalendar.pager.practitioners', {
        first,
        last,
        count,
      });
  return (
    <Group gap="sm" align="center" wrap="wrap" role="group" aria-label={t('clinicCalendar.pager.label')}>
      <Button
        variant="default"
        size="xs"
        disabled={shown.all || shown.page <= 1}
        onClick={() => onPage(shown.page - 1)}
      >
        {t('clinicCalendar.pager.previous')}
      </Button>
      <Text size="sm" aria-live="polite">
        {what}
      </Text>
      <Button
        variant="default"
        size="xs"
        disabled={shown.all || shown.page >= shown.pages}
        onClick={() => onPage(shown.page + 1)}
      >
        {t('clinicCalendar.pager.next')}
      </Button>
      <Checkbox
        label={t('clinicCalendar.pager.showAll')}
        checked={all}
        onChange={(e) => {
          const checked = e.currentTarget.checked;
          setAll(checked);
          onPage(checked ? 'all' : 1);
        }}
      />
    </Group>
  );
}
