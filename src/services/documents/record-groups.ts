import type { AuditRecord, PatientRecordGroup } from '../../interop/records.js';
import type { PatientRecord } from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { catalogueCache, type CatalogueCache } from './catalogue-cache.js';
import { groupBy } from '../../core/group-by.js';

/**
 * The records of a batch of patients, one group each, in the order given: one query per table for
 * the whole batch (not per patient), and catalogue rows from `catalogue`.
 */
export async function loadRecordGroups(
  repos: Repositories,
  patients: readonly PatientRecord[],
  catalogue: CatalogueCache = catalogueCache(repos),
): Promise<PatientRecordGroup[]> {
  if (patients.length === 0) return [];
  const ids = patients.map((p) => p.id);
  const [intakes, courses, sessions, charts, sideEffects, outcomes, signatures] = await Promise.all([
    repos.intakes.listByPatients(ids),
    repos.courses.listByPatients(ids),
    repos.treatmentSessions.listByPatients(ids),
    repos.charts.listByPatients(ids),
    repos.sideEffects.listByPatients(ids),
    repos.outcomes.listByPatients(ids),
    repos.consent.listSignaturesByPatients(ids),
  ]);
  const patientOfSession = new Map(sessions.map((s) => [s.id, s.patientId]));
  const bySession = <T extends { sessionId: string }>(rows: readonly T[]) =>
    groupBy(rows, (r) => patientOfSession.get(r.sessionId));

  const lots = new Map(
    (await catalogue.lots(charts.flatMap((c) => c.points.flatMap((p) => (p.lotId ? [p.lotId] : []))))).map((l) => [
      l.id,
      l,
    ]),
  );
  const productIds = [
    ...[...lots.values()].map((l) => l.productId),
    ...charts.flatMap((c) => c.points.flatMap((p) => (p.productId ? [p.productId] : []))),
  ];
  const products = new Map((await catalogue.products(productIds)).map((p) => [p.id, p]));
  const texts = new Map((await catalogue.consentTexts(signatures.map((s) => s.consentTextId))).map((t) => [t.id, t]));

  const intakesOf = groupBy(intakes, (r) => r.patientId);
  const coursesOf = groupBy(courses, (r) => r.patientId);
  const sessionsOf = groupBy(sessions, (r) => r.patientId);
  const chartsOf = bySession(charts);
  const sideEffectsOf = bySession(sideEffects);
  const outcomesOf = bySession(outcomes);
  const signaturesOf = groupBy(signatures, (r) => r.patientId);

  return patients.map((patient) => {
    const chartEntries = chartsOf.get(patient.id) ?? [];
    const points = chartEntries.flatMap((c) => c.points);
    const lotIds = new Set(points.flatMap((p) => (p.lotId ? [p.lotId] : [])));
    const groupLots = [...lotIds].flatMap((id) => lots.get(id) ?? []);
    const groupProductIds = new Set([
      ...groupLots.map((l) => l.productId),
      ...points.flatMap((p) => (p.productId ? [p.productId] : [])),
    ]);
    const consentSignatures = signaturesOf.get(patient.id) ?? [];
    const textIds = new Set(consentSignatures.map((s) => s.consentTextId));
    return {
      patient,
      intakes: intakesOf.get(patient.id) ?? [],
      courses: coursesOf.get(patient.id) ?? [],
      sessions: sessionsOf.get(patient.id) ?? [],
      chartEntries,
      sideEffects: sideEffectsOf.get(patient.id) ?? [],
      outcomes: outcomesOf.get(patient.id) ?? [],
      consentSignatures,
      consentTexts: [...textIds].flatMap((id) => texts.get(id) ?? []),
      products: [...groupProductIds].flatMap((id) => products.get(id) ?? []),
      lots: groupLots,
    };
  });
}

const auditPage = 500;

/** The patient's whole audit trail, oldest first, read a page at a time. */
export async function loadAuditTrail(repos: Repositories, patient: PatientRecord): Promise<AuditRecord[]> {
  // Keyed by id: entries appended while paging shift the pages, and a Bundle may hold each entry once.
  const rows = new Map<string, AuditRecord>();
  for (let offset = 0; ; offset += auditPage) {
    const page = await repos.audit.list({
      clinicId: patient.clinicId,
      patientId: patient.id,
      limit: auditPage,
      offset,
    });
    for (const row of page) rows.set(row.id, row);
    if (page.length < auditPage)
      return [...rows.values()].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  }
}

/** Everything of one patient, with the audit trail when asked for (it is only exported on request). */
export async function loadPatientRecordGroup(
  repos: Repositories,
  patient: PatientRecord,
  options: { includeAudit?: boolean } = {},
): Promise<PatientRecordGroup> {
  const [group] = await loadRecordGroups(repos, [patient]);
  if (!group) throw new Error(`no record group for patient ${patient.id}`);
  return options.includeAudit ? { ...group, audit: await loadAuditTrail(repos, patient) } : group;
}
