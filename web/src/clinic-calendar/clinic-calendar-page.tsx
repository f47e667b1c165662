import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import './clinic-calendar.css';
import { Alert, Text } from '@mantine/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useUser } from '../auth/auth-context';
import { Loaded } from '../components/loaded';
import { PageTitle } from '../components/page-title';
import { addDays, localDayBounds, localToday } from '../dates/local-date';
import { formattingLocale, useFormat } from '../i18n/use-format';
import { CalendarGrid } from './calendar-grid';
import { calendarLocalizer } from './calendar-localizer';
import { CalendarToolbar } from './calendar-toolbar';
import { pageColumns } from './calendar-events';
import type { CalendarData, CalendarGrouping, CalendarSession, CalendarView, MoveRequest } from './calendar-types';
import { CloseSessionDialog } from './close-session-dialog';
import { MoveDialog } from './move-dialog';
import { ReflowPreviewDialog } from './reflow-preview-dialog';
import type { SessionActionContext } from './session-actions';
import { SessionMenu } from './session-menu';
import { prefetchCalendar, useCalendarData } from './use-calendar-data';

type Page = number | 'all';

type Dialog =
  { kind: 'move' | 'cancel' | 'no_show'; session: CalendarSession } | { kind: 'preview'; request: MoveRequest };

/** The first day (YYYY-MM-DD) of the week holding `day`, weeks starting on `firstDay` (0 = Sunday). */
function weekStart(day: string, firstDay: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return addDays(day, -((new Date(y, m - 1, d).getDay() - firstDay + 7) % 7));
}

/** The first day shown and the instants the view covers: the day, or the week holding it. */
function windowOf(view: CalendarView, day: string, firstDay: number) {
  const firstShown = view === 'week' ? weekStart(day, firstDay) : day;
  const { from } = localDayBounds(firstShown);
  const { to } = localDayBounds(addDays(firstShown, view === 'week' ? 6 : 0));
  return { firstShown, from, to };
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
  // The week's page of columns (calendar-pager.tsx): cols=2 for the second, cols=all for all at once.
  const cols = params.get('cols');
  const page: Page = cols === 'all' ? 'all' : Number(cols) || 1;
  const [showClosed, setShowClosed] = useState(false);
  const [notice, setNotice] = useState<{ text: string; color: 'green' | 'yellow' } | null>(null);
  const [menu, setMenu] = useState<CalendarSession | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);

  const language = i18n.resolvedLanguage ?? 'en';
  const localizer = useMemo(() => calendarLocalizer(formattingLocale(language)), [language]);
  const firstDay = Number(localizer.startOfWeek(language));
  const { firstShown, from, to } = windowOf(view, day, firstDay);

  // A week asks only for its page of columns, as the location's last answer lists them.
  const known = useRef<CalendarData | undefined>(undefined);
  const columnsOf = (change: { view?: CalendarView; grouping?: CalendarGrouping; locationId?: string; page?: Page }) =>
    pageColumns(known.current, {
      locationId: change.locationId ?? locationId,
      view: change.view ?? view,
      grouping: change.grouping ?? grouping,
      page: change.page ?? page,
    });
  const state = useCalendarData({ from, to, locationId, columns: columnsOf({}) });
  known.current = state.last ?? known.current;

  const update = (change: { view?: CalendarView; grouping?: CalendarGrouping; day?: string; locationId?: string }) => {
    const next = new URLSearchParams(params);
    const set = (key: string, value: string | undefined, omit: string) =>
      value === undefined || value === omit ? next.delete(key) : next.set(key, value);
    if (change.view) set('view', change.view, 'day');
    if (change.grouping) set('by', change.grouping, 'practitioners');
    if (change.day) set('date', change.day, localToday());
    if (change.locationId) next.set('location', change.locationId);
    // Another location or kind of column starts again at the first page (or stays on all).
    const restart = (change.locationId || change.grouping) && next.get('cols') !== 'all';
    if (restart) next.delete('cols');
    if (change.view || change.day || change.locationId) {
      const { from, to } = windowOf(change.view ?? view, change.day ?? day, firstDay);
      const columns = columnsOf({ ...change, ...(restart ? { page: 1 } : {}) });
      prefetchCalendar({ from, to, locationId: change.locationId ?? locationId, columns });
    }
    setParams(next);
  };

  const done = (text: string, color: 'green' | 'yellow' = 'green') => {
    setDialog(null);
    setMenu(null);
    setNotice({ text, color });
    state.reload();
  };
  const stale = () => done(t('clinicCalendar.changed'), 'yellow');
  const drop = useCallback((request: MoveRequest) => setDialog({ kind: 'preview', request }), []);
  const onPage = useCallback(
    (shown: number | 'all') =>
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        if (shown === 1) next.delete('cols');
        else next.set('cols', String(shown));
        return next;
      }),
    [setParams],
  );

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
            page={page}
            localizer={localizer}
            rangeLabel={rangeLabel}
            onOpen={setMenu}
            onDrop={drop}
            onPage={onPage}
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
