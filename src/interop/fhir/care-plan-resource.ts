import type { CourseRecord, TreatmentSessionRecord } from '../records.js';
import { codingFor } from './code-maps.js';
import { fhirId, fhirInstant, reference } from './fhir-references.js';
import type { Annotation, CarePlan } from './fhir-types.js';

const statuses: Record<CourseRecord['status'], CarePlan['status']> = {
  active: 'active',
  completed: 'completed',
  cancelled: 'revoked',
};

function range(r: { min: number; max: number }): string {
  return r.min === r.max ? String(r.min) : `${r.min}-${r.max}`;
}

/** A course is the plan; its sessions are the activities, each an Appointment in the same Bundle. */
export function carePlanResource(course: CourseRecord, sessions: readonly TreatmentSessionRecord[]): CarePlan {
  const plan = course.plan;
  const notes: Annotation[] = [];
  const ingredients = plan.mixture.ingredients.map((i) => i.name).join(', ');
  if (plan.mixture.name) notes.push({ text: `Mixture: ${plan.mixture.name}${ingredients ? ` (${ingredients})` : ''}` });
  const cited = plan.citations.length ? plan.citations : plan.sources;
  if (cited.length) notes.push({ text: `Sources: ${cited.join(', ')}` });
  return {
    resourceType: 'CarePlan',
    id: fhirId(course.id),
    meta: { lastUpdated: fhirInstant(course.updatedAt) },
    status: statuses[course.status],
    intent: 'plan',
    category: [{ coding: [codingFor('indication', course.indication)], text: course.indication }],
    title: `Mesotherapy: ${course.indication} (${course.area})`,
    description: `Initial course of ${range(plan.sessions)} sessions, ${range(plan.intervalDays)} days apart.`,
    subject: reference('Patient', course.patientId),
    created: fhirInstant(course.createdAt),
    ...(sessions.length ? { activity: sessions.map((s) => ({ reference: reference('Appointment', s.id) })) } : {}),
    ...(notes.length ? { note: notes } : {}),
  };
}
