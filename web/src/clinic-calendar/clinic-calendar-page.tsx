import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import './clinic-calendar.css';
import { Alert, Box, Stack, Text } from '@mantine/core';
import { useMemo, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Calendar, type HeaderProps, type SlotPropGetter } from 'react-big-calendar';
import dragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useUser } from '../auth/auth-context';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { addDays, localDateOf, localDayBounds, localToday } from '../dates/local-date';
import { formattingLocale, useFormat } from '../i18n/use-format';
import { CalendarLegend } from './calendar-legend';
import { calendarLocalizer } from './calendar-localizer';
import { calendarEvents, calendarResources, dropTarget, slotShade, visibleHours } from './calendar-events';
import { CalendarToolbar } from './calendar-toolbar';
import type {
  CalendarData,
  CalendarEvent,
  CalendarGrouping,
  CalendarResource,
  CalendarSession,
  CalendarView,
  MoveRequest,
} from './calendar-types';
import { CloseSessionDialog } from './close-session-dialog';
import { MoveDialog } from './move-dialog';
import { ReflowPreviewDialog } from './reflow-preview-dialog';
import type { SessionActionContext } from './session-actions';
import { SessionEvent } from './session-event';
import { SessionMenu } from './session-menu';
import { useCalendarData } from './use-calendar-data';

// The addon is CommonJS: depending on the bundler's interop, its default import is the function or
// the module object holding it.
const withDragAndDrop = (dragAndDrop as unknown as { default?: typeof dragAndDrop }).default ?? dragAndDrop;
const DragAndDropCalendar = withDragAndDrop<CalendarEvent, CalendarResource>(Calendar);
const slotMinutes = 15;
/** Pixels per hour (clinic-calendar.css): a half-hour session has room for two lines. */
const hourHeight = 72;

/** A plain column heading: the calendar's own marks it as a table header outside any table. */
function ColumnHeader({ label }: HeaderProps) {
  return <span>{label}</span>;
}

type Dialog =
  { kind: 'move' | 'cancel' | 'no_show'; session: CalendarSession } | { kind: 'preview'; request: MoveRequest };

/** The first day (YYYY-MM-DD) of the week holding `day`, weeks starting on `firstDay` (0 = Sunday). */
function weekStart(day: string, firstDay: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return addDays(day, -((new Date(y, m - 1, d).getDay() - firstDay + 7) % 7));
}

/**
 * The clinic's calendar: a day or a week, one column per practitioner or per room, sessions coloured
 * by status and re-screening flag, working hours, closures and holidays shaded. A session moves by
 * drag and drop or by its menu's Move… dialog, always through the course re-flow preview; its menu
 * also cancels it or records a no-show, with the reason.
 */
export function ClinicCalendarPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'day';
  const grouping: CalendarGrouping = params.get('by') === 'rooms' ? 'rooms' : 'practitioners';
  const day = params.get('date') ?? localToday();
  const locationId = params.get('location') ?? undefined;
  const [showClosed, setShowClosed] = useState(false);
  const [notice, setNotice] = useState<{ text: string; color: 'green' | 'yellow' } | null>(null);
  const [menu, setMenu] = useState<CalendarSession | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const language = i18n.resolvedLanguage ?? 'en';
  const localizer = useMemo(() => calendarLocalizer(formattingLocale(language)), [language]);
  const firstDay = Number(localizer.startOfWeek(language));
  const firstShown = view === 'week' ? weekStart(day, firstDay) : day;
  const from = localDayBounds(firstShown).from;
  const to = localDayBounds(addDays(firstShown, view === 'week' ? 6 : 0)).to;

  const state = useCalendarData({ from, to, locationId });

  const update = (change: { view?: CalendarView; grouping?: CalendarGrouping; day?: string; locationId?: string }) => {
    const next = new URLSearchParams(params);
    const set = (key: string, value: string | undefined, omit: string) =>
      value === undefined || value === omit ? next.delete(key) : next.set(key, value);
    if (change.view) set('view', change.view, 'day');
    if (change.grouping) set('by', change.grouping, 'practitioners');
    if (change.day) set('date', change.day, localToday());
    if (change.locationId) next.set('location', change.locationId);
    setParams(next);
  };

  const done = (text: string, color: 'green' | 'yellow' = 'green') => {
    setDialog(null);
    setMenu(null);
    setNotice({ text, color });
    state.reload();
  };
  const stale = () => done(t('clinicCalendar.changed'), 'yellow');

  const actionContext = (session: CalendarSession): SessionActionContext => ({
    session,
    role: user.role,
    now: new Date(),
    navigate: (path) => void navigate(path),
    openDialog: (kind) => {
      setMenu(null);
      setDialog({ kind, session });
    },
    reload: state.reload,
  });

  const rangeLabel =
    view === 'week'
      ? `${format.date(firstShown)} – ${format.date(addDays(firstShown, 6))}`
      : format.longDate(firstShown);

  return (
    <>
      <PageTitle>{t('clinicCalendar.title')}</PageTitle>
      <CalendarToolbar
        view={view}
        grouping={grouping}
        day={day}
        locations={state.last?.locations ?? []}
        locationId={locationId}
        showClosed={showClosed}
        onChange={update}
        onStep={(direction) => update({ day: addDays(day, direction * (view === 'week' ? 7 : 1)) })}
        onToday={() => update({ day: localToday() })}
        onShowClosed={setShowClosed}
      />
      <Text fw={600} mb="xs" component="h2" size="lg">
        {rangeLabel}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('clinicCalendar.keyboardHint')}
      </Text>
      {notice && (
        <Alert
          color={notice.color}
          role="status"
          mb="sm"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
        >
          {notice.text}
        </Alert>
      )}
      <Loaded state={state}>
        {(data) => (
          <CalendarGrid
            data={data}
            view={view}
            grouping={grouping}
            date={firstShown}
            showClosed={showClosed}
            localizer={localizer}
            rangeLabel={rangeLabel}
            onOpen={setMenu}
            onDrop={(request) => setDialog({ kind: 'preview', request })}
          />
        )}
      </Loaded>
      <SessionMenu context={menu ? actionContext(menu) : null} onClose={() => setMenu(null)} />
      {dialog?.kind === 'move' && (
        <MoveDialog
          session={dialog.session}
          practitioners={state.data?.practitioners ?? []}
          onClose={() => setDialog(null)}
          onPreview={(request) => setDialog({ kind: 'preview', request })}
        />
      )}
      {dialog?.kind === 'preview' && (
        <ReflowPreviewDialog
          request={dialog.request}
          onClose={() => setDialog(null)}
          onMoved={(count) => done(t('clinicCalendar.moved', { count }))}
          onStale={stale}
        />
      )}
      {(dialog?.kind === 'cancel' || dialog?.kind === 'no_show') && (
        <CloseSessionDialog
          session={dialog.session}
          how={dialog.kind}
          onClose={() => setDialog(null)}
          onDone={(text) => done(text)}
          onStale={stale}
        />
      )}
    </>
  );
}

function CalendarGrid({
  data,
  view,
  grouping,
  date,
  showClosed,
  localizer,
  rangeLabel,
  onOpen,
  onDrop,
}: {
  data: CalendarData;
  view: CalendarView;
  grouping: CalendarGrouping;
  date: string;
  showClosed: boolean;
  localizer: ReturnType<typeof calendarLocalizer>;
  rangeLabel: string;
  onOpen: (session: CalendarSession) => void;
  onDrop: (request: MoveRequest) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const now = useMemo(() => new Date(), [data]);
  const events = useMemo(() => calendarEvents(data, grouping, now, showClosed), [data, grouping, now, showClosed]);
  const resources = useMemo(
    () => calendarResources(data, grouping, t('clinicCalendar.unassigned')),
    [data, grouping, t],
  );
  const { min, max } = useMemo(() => visibleHours(data), [data]);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];

  const slotProps: SlotPropGetter = (slot, resourceId) => {
    const shade = slotShade(data, grouping, slot, resourceId as string | undefined, slotMinutes * 60_000);
    return shade ? { className: shade === 'closed' ? 'cal-closed' : 'cal-off' } : {};
  };
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
      <Box className="cal cal-scroll" role="region" aria-label={t('clinicCalendar.grid', { range: rangeLabel })}>
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
          components={{ event: SessionEvent, header: ColumnHeader }}
          eventPropGetter={(event) => ({
            className: `cal-event-${event.session.status}${event.session.flagVerdict ? ' cal-event-flagged' : ''}`,
          })}
          slotPropGetter={slotProps}
          onSelectEvent={open}
          onKeyPressEvent={onKey}
          draggableAccessor={(event) => event.movable}
          resizable={false}
          onEventDrop={drop}
        />
      </Box>
      <CalendarLegend />
    </Stack>
  );
}
