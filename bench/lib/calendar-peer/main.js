// The calendar benchmark's render peer (bench/calendar-week.js): react-big-calendar alone, the same
// version as the app, given the week's answer captured from the real server (/week.json, read once at
// start, before anything is timed) and the same props the app derives from it: events, resources,
// localizer, hours, 15-minute steps, the layout algorithm. Strictly less than the app: no app shell,
// no data request, no drag and drop, no session component, no shading, no slot boxes, no prop getters.
// Two radio buttons switch between the day and the week view, as the app's do; the week shows the
// same page of columns as the app's (the first five practitioners, or all with ?cols=all).
import 'react-big-calendar/lib/css/react-big-calendar.css';
import './peer.css';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Calendar } from 'react-big-calendar';
import {
  calendarEvents,
  calendarResources,
  columnPage,
  visibleHours,
} from '../../../web/src/clinic-calendar/calendar-events.ts';
import { calendarLocalizer } from '../../../web/src/clinic-calendar/calendar-localizer.ts';

const params = new URLSearchParams(location.search);
const [y, m, d] = (params.get('date') ?? '').split('-').map(Number);
const data = await (await fetch('./week.json')).json();
const localizer = calendarLocalizer('en-GB');
const now = new Date();
const events = calendarEvents(data, 'practitioners', now, false);
const resources = calendarResources(data, 'practitioners', 'Not assigned');
const { min, max } = visibleHours(data);
const date = new Date(y, m - 1, d);
const page = params.get('cols') === 'all' ? 'all' : Number(params.get('cols')) || 1;
const pages = {
  day: { resources, events },
  week: (() => {
    const shown = columnPage(resources, 'week', page).columns;
    const ids = new Set(shown.map((r) => r.id));
    return { resources: shown, events: events.filter((e) => ids.has(e.resourceId)) };
  })(),
};
const hours = (max.getTime() - min.getTime()) / 3_600_000;
/** The day columns without a box per slot, as the app draws them (the time gutter keeps its labels). */
const GutterSlotsOnly = ({ resource, children }) => (resource === undefined ? children : null);
const components = { timeSlotWrapper: GutterSlotsOnly };

function Page() {
  const [view, setView] = useState('day');
  const { resources, events } = pages[view];
  const radio = (value) =>
    h(
      'label',
      { key: value },
      h('input', { type: 'radio', name: 'view', value, checked: view === value, onChange: () => setView(value) }),
      value,
    );
  return h(
    'div',
    null,
    h('div', null, radio('day'), radio('week')),
    h(Calendar, {
      localizer,
      date,
      view,
      views: ['day', 'week'],
      onView: () => undefined,
      onNavigate: () => undefined,
      toolbar: false,
      events,
      resources,
      resourceIdAccessor: 'id',
      resourceTitleAccessor: 'title',
      resourceAccessor: 'resourceId',
      step: 15,
      timeslots: 4,
      min,
      max,
      dayLayoutAlgorithm: 'no-overlap',
      showMultiDayTimes: true,
      components,
      width: 72,
      style: {
        height: hours * 72 + (view === 'week' ? 110 : 80),
        minWidth: resources.length * (view === 'week' ? 7 : 1) * 120,
      },
    }),
  );
}

createRoot(document.getElementById('root')).render(h(Page));
