import { Button, Checkbox, Group, NativeSelect, SegmentedControl, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarGrouping, CalendarView } from './calendar-types';

export interface ToolbarProps {
  view: CalendarView;
  grouping: CalendarGrouping;
  day: string;
  locations: { id: string; name: string }[];
  locationId: string | undefined;
  showClosed: boolean;
  onChange(change: { view?: CalendarView; grouping?: CalendarGrouping; day?: string; locationId?: string }): void;
  onStep(direction: -1 | 1): void;
  onToday(): void;
  onShowClosed(show: boolean): void;
}

/** The calendar's own controls (day or week, columns, where and when), all plain form fields. */
export function CalendarToolbar(props: ToolbarProps) {
  const { t } = useTranslation();
  return (
    <Group mb="sm" align="flex-end" wrap="wrap" gap="sm">
      <Button variant="default" onClick={() => props.onStep(-1)}>
        {t('clinicCalendar.previous')}
      </Button>
      <TextInput
        label={t('clinicCalendar.dateLabel')}
        type="date"
        value={props.day}
        onChange={(e) => e.currentTarget.value && props.onChange({ day: e.currentTarget.value })}
      />
      <Button variant="default" onClick={() => props.onStep(1)}>
        {t('clinicCalendar.next')}
      </Button>
      <Button variant="subtle" onClick={props.onToday}>
        {t('clinicCalendar.today')}
      </Button>
      <SegmentedControl
        aria-label={t('clinicCalendar.view')}
        value={props.view}
        onChange={(value) => props.onChange({ view: value as CalendarView })}
        data={[
          { value: 'day', label: t('clinicCalendar.day') },
          { value: 'week', label: t('clinicCalendar.week') },
        ]}
      />
      <SegmentedControl
        aria-label={t('clinicCalendar.columns')}
        value={props.grouping}
        onChange={(value) => props.onChange({ grouping: value as CalendarGrouping })}
        data={[
          { value: 'practitioners', label: t('clinicCalendar.byPractitioner') },
          { value: 'rooms', label: t('clinicCalendar.byRoom') },
        ]}
      />
      {props.locations.length > 1 && (
        <NativeSelect
          label={t('clinicCalendar.location')}
          data={props.locations.map((l) => ({ value: l.id, label: l.name }))}
          value={props.locationId ?? props.locations[0]?.id}
          onChange={(e) => props.onChange({ locationId: e.currentTarget.value })}
        />
      )}
      <Checkbox
        label={t('clinicCalendar.showClosed')}
        checked={props.showClosed}
        onChange={(e) => props.onShowClosed(e.currentTarget.checked)}
        mb={6}
      />
    </Group>
  );
}
