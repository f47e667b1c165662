// The people of the chain's load, signed in over HTTP before it starts: staff of each role, and
// patients with portal accounts. seed-large makes staff logins only; portal accounts are made here
// through the admin's invitation and its acceptance, as a clinic makes them, under fixed emails, so
// a later run on the same database signs the same accounts in instead of making more.
import { browserHeaders, signIn } from './bench-options.js';

const PORTAL_DOMAIN = 'portal.bench.example';

/** Posts JSON as `headers`' user; the parsed answer, or an error naming the status. */
export async function postJson(origin, path, headers, body, expect = [200, 201]) {
  const response = await fetch(`${origin}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!expect.includes(response.status)) {
    const error = new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
    error.status = response.status;
    error.body = text;
    throw error;
  }
  return text ? JSON.parse(text) : null;
}

/** Up to `count` staff of `role` (of the sample's staff), each signed in, with write headers. */
export async function signInStaff(origin, sample, role, count, password) {
  const emails = sample.staff
    .filter((s) => s.role === role)
    .map((s) => s.email)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .slice(0, count);
  const out = [];
  for (const email of emails) out.push(await browserHeaders(origin, await signIn(origin, email, password)));
  return out;
}

/** `count` patients of the sample with portal accounts, each signed in (accounts made when missing). */
export async function signInPortalPatients(origin, sample, count, { admin, password }) {
  const adminHeaders = await browserHeaders(origin, await signIn(origin, admin, password));
  const out = [];
  for (const patient of sample.patients.slice(0, count)) {
    const email = `patient-${patient.id}@${PORTAL_DOMAIN}`.toLowerCase();
    const cookie = await portalCookie(origin, adminHeaders, patient, email, password);
    out.push(await browserHeaders(origin, cookie));
  }
  return out;
}

async function portalCookie(origin, adminHeaders, patient, email, password) {
  const invite = () =>
    postJson(origin, '/api/invitations', adminHeaders, {
      email,
      displayName: `${patient.first_name} ${patient.last_name}`,
      role: 'patient',
      patientId: patient.id,
    });
  let invited;
  try {
    invited = await invite();
  } catch (error) {
    if (error.status !== 409) throw error;
    if (error.body.includes('email_taken')) return signIn(origin, email, password);
    // An invitation left waiting by a run cut short: withdrawn, and made again.
    const open = await (await fetch(`${origin}/api/invitations`, { headers: adminHeaders })).json();
    const waiting = open.invitations.find((i) => i.email === email);
    if (!waiting) throw error;
    await fetch(`${origin}/api/invitations/${waiting.id}`, { method: 'DELETE', headers: adminHeaders });
    invited = await invite();
  }
  const token = invited.link.split('/invite/')[1];
  const response = await fetch(`${origin}/api/invite/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`accepting ${email}: ${response.status} ${text.slice(0, 300)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('mesodesk_session='));
  if (!cookie) throw new Error(`accepting ${email} set no session cookie`);
  return cookie;
}

/** A healthy hair-loss intake of `patient` (as on record), asking to start on `date`. */
export function healthyIntake(patient, date) {
  // Pregnancy answered unless male, as the contract's policy asks: an open question would defer.
  return {
    patient: {
      birthDate: patient.birth_date,
      ...(patient.sex === 'male' ? {} : { pregnant: false, breastfeeding: false }),
      conditions: [],
      medications: [],
      allergies: [],
      recentProcedures: [],
      site: { inflammation: false, skinDamage: false },
    },
    request: { indication: 'hair_loss', area: 'scalp', date, combineWith: [] },
  };
}
