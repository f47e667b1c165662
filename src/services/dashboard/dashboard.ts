import { paymentMethods, type PaymentMethod } from '../../core/money/money-types.js';
import type { Role, SessionStatus } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { clinicTimeZone } from '../documents/clinic-zone.js';
import { openSafetySignalCount } from '../safety-signals/open-signal-count.js';
import { unknownLengthMinutes } from '../scheduling/slot-claims.js';
import { dashboardWindow, type DashboardWindow } from './dashboard-window.js';
import { workingMinutes } from './working-minutes.js';
import { defaultLanguage, nameCollator } from '../../core/localization/reader-language.js';

/**
 * The clinic's dashboard over a window of local days: what happened (sessions, no-shows, courses
 * completed, takings) and what is waiting (side effects still there, safety signals open). Each
 * panel is one grouped query (src/storage/repositories/kysely-dashboard-repository.ts); this module
 * only lays the counts out per day and divides.
 */

export type StatusCounts = Record<'planned' | 'done' | 'cancelled' | 'noShow', number> & { total: number };

export interface UtilisationRow {
  id: string;
  name: string;
  /** Rooms: the location's name. */
  location?: string;
  sessions: number;
  bookedMinutes: number;
  availableMinutes: number;
  /** booked / available, rounded to 3 places; null without working time in the window. */
  utilisation: number | null;
}

export interface TakingsSeries {
  currency: string;
  totalMinor: number;
  payments: number;
  byMethod: Record<PaymentMethod, number>;
  days: ({ date: string; totalMinor: number } & Record<PaymentMethod, number>)[];
}

export const sideEffectLevels = ['urgent', 'review', 'expected', 'untriaged'] as const;
export type SideEffectLevel = (typeof sideEffectLevels)[number];

export interface Dashboard {
  from: string;
  to: string;
  timeZone: string;
  sessions: { days: ({ date: string } & StatusCounts)[]; totals: StatusCounts };
  noShows: {
    days: { date: string; noShows: number; rate: number | null }[];
    total: number;
    /** Missed of those due to be held (done or missed); null when none were. */
    rate: number | null;
  };
  utilisation: { practitioners: UtilisationRow[]; rooms: UtilisationRow[] };
  coursesCompleted: { days: { date: string; courses: number }[]; total: number };
  takings: { currencies: TakingsSeries[] };
  /** Clinical panels: admins only. */
  sideEffects?: { levels: { level: SideEffectLevel; reports: number; open: number }[]; reports: number; open: number };
  /** Safety signals raised and not yet closed: open (nobody on it yet) and acknowledged. */
  signals?: { open: number; acknowledged: number };
}

/** Who sees which panel: reception the clinic's operations and money, admins everything. */
export const dashboardRoles: readonly Role[] = ['admin', 'reception'];
const clinicalPanelRoles: ReadonlySet<Role> = new Set(['admin']);

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
const statusKey: Record<SessionStatus, keyof Omit<StatusCounts, 'total'>> = {
  planned: 'planned',
  done: 'done',
  cancelled: 'cancelled',
  no_show: 'noShow',
};
const emptyCounts = (): StatusCounts => ({ planned: 0, done: 0, cancelled: 0, noShow: 0, total: 0 });

async function sessionPanels(repos: Repositories, window: DashboardWindow) {
  const byDay = new Map(window.days.map((date) => [date, emptyCounts()]));
  const totals = emptyCounts();
  for (const row of await repos.dashboard.sessionsByDay(window.query)) {
    const day = byDay.get(row.date);
    const key = statusKey[row.status];
    for (const counts of day ? [day, totals] : [totals]) {
      counts[key] += row.sessions;
      counts.total += row.sessions;
    }
  }
  const days = window.days.map((date) => ({ date, ...(byDay.get(date) ?? emptyCounts()) }));
  const sessions = { days, totals };
  const noShows = {
    days: days.map((d) => ({ date: d.date, noShows: d.noShow, rate: ratio(d.noShow, d.done + d.noShow) })),
    total: totals.noShow,
    rate: ratio(totals.noShow, totals.done + totals.noShow),
  };
  return { sessions, noShows };
}

async function utilisationPanel(
  repos: Repositories,
  window: DashboardWindow,
  language: string,
): Promise<Dashboard['utilisation']> {
  const [booked, availability] = await Promise.all([
    repos.dashboard.bookedTime(window.query, unknownLengthMinutes),
    repos.dashboard.clinicAvailability(window.query.clinicId, { from: window.from, to: window.to }),
  ]);
  const working = workingMinutes(availability, window);
  const byPractitioner = new Map<string, { sessions: number; minutes: number }>();
  const byRoom = new Map<string, { sessions: number; minutes: number }>();
  const add = (map: typeof byPractitioner, id: string | null, sessions: number, minutes: number) => {
    if (id === null) return;
    const seen = map.get(id) ?? { sessions: 0, minutes: 0 };
    map.set(id, { sessions: seen.sessions + sessions, minutes: seen.minutes + minutes });
  };
  for (const row of booked) {
    add(byPractitioner, row.practitionerId, row.sessions, row.minutes);
    add(byRoom, row.roomId, row.sessions, row.minutes);
  }

  const missing = [...byPractitioner.keys()].filter((id) => !working.practitioners.has(id));
  const names = new Map((await repos.dashboard.userNames(window.query.clinicId, missing)).map((u) => [u.id, u.name]));
  const practitionerIds = new Set([...working.practitioners.keys(), ...byPractitioner.keys()]);
  const practitioners = [...practitionerIds].flatMap((id): UtilisationRow[] => {
    const name = working.practitioners.get(id)?.name ?? names.get(id);
    // A practitioner of another clinic (who booked here by mistake) is no row of this clinic's.
    if (name === undefined) return [];
    const used = byPractitioner.get(id) ?? { sessions: 0, minutes: 0 };
    const available = Math.round(working.practitioners.get(id)?.minutes ?? 0);
    return [row(id, name, used, available)];
  });

  const locationName = new Map(availability.locations.map((l) => [l.id, l.name]));
  const rooms = availability.rooms.flatMap((room): UtilisationRow[] => {
    const used = byRoom.get(room.id) ?? { sessions: 0, minutes: 0 };
    // A room taken out of use stays on the dashboard only for the sessions it still held.
    if (!room.active && used.sessions === 0) return [];
    const available = Math.round(working.rooms.get(room.id) ?? 0);
    const location = locationName.get(room.locationId);
    return [{ ...row(room.id, room.name, used, available), ...(location === undefined ? {} : { location }) }];
  });
  // Names in the reader's order (Turkish "Ç" after "C"); the id last, so equal names keep one order.
  const collator = nameCollator(language);
  const byName = (a: UtilisationRow, b: UtilisationRow) =>
    collator.compare(a.name, b.name) ||
    collator.compare(a.location ?? '', b.location ?? '') ||
    a.id.localeCompare(b.id);
  return { practitioners: practitioners.sort(byName), rooms: rooms.sort(byName) };
}

function row(id: string, name: string, used: { sessions: number; minutes: number }, available: number): UtilisationRow {
  return {
    id,
    name,
    sessions: used.sessions,
    bookedMinutes: used.minutes,
    availableMinutes: available,
    utilisation: ratio(used.minutes, available),
  };
}

async function coursesPanel(repos: Repositories, window: DashboardWindow): Promise<Dashboard['coursesCompleted']> {
  const counts = new Map((await repos.dashboard.coursesCompletedByDay(window.query)).map((r) => [r.date, r.count]));
  const days = window.days.map((date) => ({ date, courses: counts.get(date) ?? 0 }));
  return { days, total: days.reduce((sum, d) => sum + d.courses, 0) };
}

const noMethods = (): Record<PaymentMethod, number> => ({ cash: 0, card: 0, transfer: 0 });
const isMethod = (method: string): method is PaymentMethod => (paymentMethods as readonly string[]).includes(method);

async function takingsPanel(repos: Repositories, window: DashboardWindow): Promise<Dashboard['takings']> {
  const series = new Map<string, TakingsSeries & { byDate: Map<string, Record<PaymentMethod, number>> }>();
  for (const r of await repos.dashboard.takingsByDay(window.query)) {
    if (!isMethod(r.method)) continue;
    let s = series.get(r.currency);
    if (!s) {
      s = { currency: r.currency, totalMinor: 0, payments: 0, byMethod: noMethods(), days: [], byDate: new Map() };
      series.set(r.currency, s);
    }
    s.totalMinor += r.amountMinor;
    s.payments += r.payments;
    s.byMethod[r.method] += r.amountMinor;
    const day = s.byDate.get(r.date) ?? noMethods();
    day[r.method] += r.amountMinor;
    s.byDate.set(r.date, day);
  }
  const currencies = [...series.values()]
    .map(({ byDate, ...s }) => ({
      ...s,
      days: window.days.map((date) => {
        const m = byDate.get(date) ?? noMethods();
        return { date, totalMinor: m.cash + m.card + m.transfer, ...m };
      }),
    }))
    // The clinic's main currency first.
    .sort((a, b) => b.totalMinor - a.totalMinor || a.currency.localeCompare(b.currency));
  return { currencies };
}

async function sideEffectsPanel(repos: Repositories, window: DashboardWindow): Promise<Dashboard['sideEffects']> {
  const rows = await repos.dashboard.sideEffectsByLevel(window.query);
  const levels = sideEffectLevels.map((level) => {
    const match = rows.filter((r) => (r.level ?? 'untriaged') === level);
    return {
      level,
      reports: match.reduce((sum, r) => sum + r.reports, 0),
      open: match.reduce((sum, r) => sum + r.open, 0),
    };
  });
  return {
    levels,
    reports: levels.reduce((sum, l) => sum + l.reports, 0),
    open: levels.reduce((sum, l) => sum + l.open, 0),
  };
}

export interface DashboardRequest {
  clinicId: string;
  role: Role;
  from?: string | undefined;
  to?: string | undefined;
  now: Date;
  /** The reader's language, in whose order names are listed (English unless told). */
  language?: string;
}

/** The window in the clinic's zone (its first location's; UTC without one). */
export async function resolveDashboardWindow(
  repos: Repositories,
  request: Pick<DashboardRequest, 'clinicId' | 'from' | 'to' | 'now'>,
): Promise<DashboardWindow> {
  const timeZone = await clinicTimeZone(repos, request.clinicId);
  return dashboardWindow({ from: request.from, to: request.to }, { clinicId: request.clinicId, timeZone }, request.now);
}

export async function loadDashboard(repos: Repositories, request: DashboardRequest): Promise<Dashboard> {
  const window = await resolveDashboardWindow(repos, request);
  const clinical = clinicalPanelRoles.has(request.role);
  const [{ sessions, noShows }, utilisation, coursesCompleted, takings, sideEffects, signals] = await Promise.all([
    sessionPanels(repos, window),
    utilisationPanel(repos, window, request.language ?? defaultLanguage),
    coursesPanel(repos, window),
    takingsPanel(repos, window),
    clinical ? sideEffectsPanel(repos, window) : undefined,
    clinical ? openSafetySignalCount(repos, request.clinicId) : undefined,
  ]);
  return {
    from: window.from,
    to: window.to,
    timeZone: window.timeZone,
    sessions,
    noShows,
    utilisation,
    coursesCompleted,
    takings,
    ...(sideEffects ? { sideEffects } : {}),
    ...(signals ? { signals } : {}),
  };
}
