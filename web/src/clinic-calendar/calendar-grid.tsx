import { Alert, Box, Stack } from '@mantine/core';
import { memo, useDeferredValue, useMemo, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Calendar, type HeaderProps } from 'react-big-calendar';
import dragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../dates/local-date';
import { useFormat } from '../i18n/use-format';
import { ColumnShadeProvider, GutterSlotsOnly, ShadedDayColumn } from './calendar-columns';
import { calendarEvents, calendarResources, columnPage, dropTarget, visibleHours } from './calendar-events';
import { CalendarLegend } from './calendar-legend';
import type { calendarLocalizer } from './calendar-localizer';
import { ColumnPager } from './calendar-pager';
import { shadeOf } from './calendar-shading';
import type {
  CalendarData,
  CalendarEvent,
  CalendarGrouping,
  CalendarResource,
  CalendarSession,
  CalendarView,
  MoveRequest,
} from './calendar-types';
import { SessionEvent, SessionWordsProvider, useSessionWords } from './session-event';

// The addon is CommonJS: depending on the bundler's interop, its default import is the function or
// the module object holding it.
const withDragAndDrop = (dragAndDrop as unknown as { default?: typeof dragAndDrop }).default ?? dragAndDrop;
const DragAndDropCalendar = withDragAndDrop<CalendarEvent, CalendarResource>(Calendar);
const slotMinutes = 15;
/** Pixels per hour (clinic-calendar.css): a half-hour session has room for two lines. */
const hourHeight = 72;
/**
 * The time gutter's width in pixels (clinic-calendar.css), given to the calendar so that it need not
 * measure the gutter after the first render and then render the whole grid again.
 */
const gutterWidth = 72;
/** Passed through the calendar to its time grid, which takes `width` but the calendar's types do not list it. */
const timeGridProps: object = { width: gutterWidth };

/** A plain column heading: the calendar's own marks it as a table header outside any table. */
function ColumnHeader({ label }: HeaderProps) {
  return <span>{label}</span>;
}

const components = {
  event: SessionEvent,
  header: ColumnHeader,
  dayColumnWrapper: ShadedDayColumn,
  timeSlotWrapper: GutterSlotsOnly,
};

export interface CalendarGridProps {
  data: CalendarData;
  view: CalendarView;
  grouping: CalendarGrouping;
  date: string;
  showClosed: boolean;
  /** The page of columns the week shows (from 1), or every column at once. */
  page: number | 'all';
  localizer: ReturnType<typeof calendarLocalizer>;
  rangeLabel: string;
  onOpen: (session: CalendarSession) => void;
  onDrop: (request: MoveRequest) => void;
  onPage: (page: number | 'all') => void;
}

/**
 * The grid, drawn again only when what it shows changes: react-big-calendar draws every column and
 * session again on each render, which for a week of twenty practitioners is no small thing, and
 * opening a session's menu or a dialog changes nothing in it. The week shows its columns a page at
 * a time (columnPage), or all of them when asked.
 */
const GridNow = memo(function GridNow({
  data,
  view,
  grouping,
  date,
  showClosed,
  page,
  localizer,
  rangeLabel,
  onOpen,
  onDrop,
  onPage,
}: CalendarGridProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const now = useMemo(() => new Date(), [data]);
  const columns = useMemo(() => calendarResources(data, grouping, t('clinicCalendar.unassigned')), [data, grouping, t]);
  const shown = useMemo(() => columnPage(columns, view, page), [columns, view, page]);
  const resources = shown.columns;
  const events = useMemo(() => {
    const all = calendarEvents(data, grouping, now, showClosed);
    if (resources.length === columns.length) return all;
    const ids = new Set(resources.map((r) => r.id));
    return all.filter((e) => ids.has(e.resourceId));
  }, [data, grouping, now, showClosed, resources, columns]);
  const { min, max } = useMemo(() => visibleHours(data), [data]);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];

  const shade = useMemo(() => ({ shade: shadeOf(data, grouping), slotMs: slotMinutes * 60_000 }), [data, grouping]);
  const words = useSessionWords();
  const open = (event: CalendarEvent) => onOpen(event.session);
  const onKey = (event: CalendarEvent, e: SyntheticEvent<HTMLElement>) => {
    const key = (e as KeyboardEvent<HTMLElement>).key;
    if (key !== 'Enter' && key !== ' ') return;
    e.preventDefault();
    open(event);
  };
  const drop = ({ event, start, resourceId }: EventInteractionArgs<CalendarEvent>) => {
    if (!event.movable) return;
    onDrop({ session: event.session, start: new Date(start), ...dropTarget(grouping, event.session, resourceId) });
  };

  return (
    <Stack gap={4}>
      {data.closures.map((c) => {
        const first = localDateOf(new Date(c.start));
        const values = { date: format.longDate(first), reason: c.reason ?? '' };
        return (
          <Alert key={`${c.start}:${c.end}`} color="gray" py={6} data-testid="closure">
            {c.reason ? t('clinicCalendar.closed', values) : t('clinicCalendar.closedNoReason', values)}
          </Alert>
        );
      })}
      {shown.pages > 1 || shown.all ? <ColumnPager grouping={grouping} shown={shown} onPage={onPage} /> : null}
      <Box className="cal cal-scroll" role="region" aria-label={t('clinicCalendar.grid', { range: rangeLabel })}>
        <ColumnShadeProvider value={shade}>
          <SessionWordsProvider value={words}>
            <DragAndDropCalendar
              localizer={localizer}
              culture={i18n.resolvedLanguage ?? 'en'}
              date={new Date(y, m - 1, d)}
              view={view}
              views={['day', 'week']}
              onView={() => undefined}
              onNavigate={() => undefined}
              toolbar={false}
              events={events}
              resources={resources}
              resourceIdAccessor="id"
              resourceTitleAccessor="title"
              resourceAccessor="resourceId"
              step={slotMinutes}
              timeslots={4}
              min={min}
              max={max}
              dayLayoutAlgorithm="no-overlap"
              // A session running past midnight stays in the time grid: the all-day row, where the
              // calendar would otherwise put it, is hidden (no session lasts all day).
              showMultiDayTimes
              // Tall enough for every hour shown, so the page scrolls rather than a box inside it.
              style={{
                height: ((max.getTime() - min.getTime()) / 3_600_000) * hourHeight + (view === 'week' ? 110 : 80),
                minWidth: resources.length * (view === 'week' ? 7 : 1) * 120,
              }}
              components={components}
              {...timeGridProps}
              eventPropGetter={(event) => ({
                className: `cal-event-${event.session.status}${event.session.flagVerdict ? ' cal-event-flagged' : ''}`,
              })}
              onSelectEvent={open}
              onKeyPressEvent={onKey}
              draggableAccessor={(event) => event.movable}
              resizable={false}
              onEventDrop={drop}
            />
          </SessionWordsProvider>
        </ColumnShadeProvider>
      </Box>
      <CalendarLegend />
    </Stack>
  );
});

/**
 * The grid as a deferred value: the page's heading and hints are painted first, and the grid (a
 * week is thousands of elements) is rendered after, in slices between which the browser stays free.
 * Later changes render the same way, the grid on screen staying until the new one is ready.
 */
export const CalendarGrid = memo(function CalendarGrid(props: CalendarGridProps) {
  const shown = useDeferredValue<CalendarGridProps | null>(props, null);
  return shown && <GridNow {...shown} />;
});
