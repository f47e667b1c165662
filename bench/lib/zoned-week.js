// Weeks as the web calendar asks for them: from a location's local midnight on a Monday to the
// local midnight seven days later (web/src/clinic-calendar/clinic-calendar-page.tsx computes the same
// instants in the browser, whose time zone the benchmark sets to the location's).

const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD) `days` after `date`. */
export const addDays = (date, days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The calendar date of `instant` in `timeZone`. */
export const localDate = (instant, timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant);

/** The Monday on or before `date`. */
export function mondayOf(date) {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** How far `timeZone` is ahead of UTC at `ms`, in ms. */
function offsetMs(ms, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant of local midnight starting `date` in `timeZone`. */
export function localMidnight(date, timeZone) {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const guess = utc - offsetMs(utc, timeZone);
  return utc - offsetMs(guess, timeZone);
}

/** The week starting on `monday` in `timeZone`: its `from` and `to` as the page sends them. */
export function weekWindow(monday, timeZone) {
  return {
    monday,
    from: new Date(localMidnight(monday, timeZone)).toISOString(),
    to: new Date(localMidnight(addDays(monday, 7), timeZone)).toISOString(),
  };
}
