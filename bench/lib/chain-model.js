// The peak hour of a 200-clinic chain, written down as numbers: who is at work, how many API requests
// each of them sends a minute, and which. The open-loop benchmark (bench/chain-load.js) sends its
// requests in these proportions at fixed arrival rates; this file is the model its section quotes.
//
// A clinic of the chain at its peak (a weekday late morning): 3 practitioners and 2 reception staff
// signed in. A practitioner opens a screen about every 10 s between patients (the day's calendar, a
// patient, a chart, an assessment), a receptionist a little more often (arrivals, searches, bookings
// on the phone); a screen is one to three requests, so 8 and 10 requests a minute. Patients use the
// portal: of 1,000,000 patients, 5 % visit on the busiest day and a fifth of those visits fall in
// its busiest hour, each visit three requests (who am I, the plan, the consultation requests).

export const MODEL = {
  clinics: 200,
  staff: [
    {
      role: 'practitioner',
      perClinic: 3,
      perMinute: 8,
      // Requests a minute of one person, by kind (they sum to perMinute).
      mix: {
        calendar: 1.5,
        patient: 1.5,
        patientSessions: 0.5,
        search: 1,
        chartRead: 1.5,
        assessment: 1,
        intake: 0.5,
        chartWrite: 0.5,
      },
    },
    {
      role: 'reception',
      perClinic: 2,
      perMinute: 10,
      mix: { arrivals: 2.5, calendar: 1, search: 3, patient: 2, patientSessions: 1, booking: 0.5 },
    },
  ],
  portal: {
    patients: 1_000_000,
    busiestDayShare: 0.05,
    busiestHourShare: 0.2,
    mix: { portalMe: 1, portalPlan: 1, portalRequests: 1 },
  },
};

/** What each kind of request is, for the section's table: the category and the route. */
export const KINDS = {
  calendar: { group: 'schedule views', route: 'GET /api/calendar (a location, one day)' },
  arrivals: { group: 'schedule views', route: "GET /api/front-desk/arrivals (a location's day)" },
  patient: { group: 'patient reads', route: 'GET /api/patients/:id' },
  patientSessions: { group: 'patient reads', route: 'GET /api/patients/:id/sessions' },
  search: { group: 'searches', route: 'GET /api/patients?name=' },
  assessment: { group: 'assessments', route: 'POST /api/assessments (stores nothing)' },
  intake: { group: 'intakes', route: 'POST /api/patients/:id/intakes (stored and assessed)' },
  booking: { group: 'bookings', route: 'POST /api/courses/:id/sessions (a session in an active course)' },
  chartRead: { group: 'charts', route: 'GET /api/sessions/:id/chart' },
  chartWrite: { group: 'charts', route: 'POST /api/sessions/:id/chart/addenda' },
  portalMe: { group: 'portal visits', route: 'GET /api/auth/me (as a patient)' },
  portalPlan: { group: 'portal visits', route: 'GET /api/portal/plan' },
  portalRequests: { group: 'portal visits', route: 'GET /api/portal/consultation-requests' },
};

/** Requests a second at the peak, by kind, and their sum. */
export function peakRates(model = MODEL) {
  const perSecond = {};
  const add = (kind, rate) => {
    perSecond[kind] = (perSecond[kind] ?? 0) + rate;
  };
  for (const s of model.staff)
    for (const [kind, perMinute] of Object.entries(s.mix)) add(kind, (model.clinics * s.perClinic * perMinute) / 60);
  const p = model.portal;
  const visitsPerSecond = (p.patients * p.busiestDayShare * p.busiestHourShare) / 3600;
  for (const [kind, perVisit] of Object.entries(p.mix)) add(kind, visitsPerSecond * perVisit);
  const total = Object.values(perSecond).reduce((a, b) => a + b, 0);
  return { perSecond, total, visitsPerSecond };
}

/** Who sends each kind: a staff role, or 'patient' for the portal. */
export function roleOf(kind, model = MODEL) {
  if (kind in model.portal.mix) return 'patient';
  return model.staff.find((s) => kind in s.mix)?.role ?? 'practitioner';
}

/**
 * The kinds of `count` requests in a fixed order (the same every run) that keeps the model's
 * proportions over any stretch: each request goes to the kind furthest behind its share.
 */
export function kindSequence(count, model = MODEL) {
  const { perSecond, total } = peakRates(model);
  const kinds = Object.keys(perSecond);
  const shares = kinds.map((k) => perSecond[k] / total);
  const credit = kinds.map(() => 0);
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let k = 0; k < kinds.length; k++) {
      credit[k] += shares[k];
      if (credit[k] > credit[best]) best = k;
    }
    credit[best] -= 1;
    out[i] = kinds[best];
  }
  return out;
}
