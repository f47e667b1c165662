import type { AuditRecord } from '../records.js';
import { fhirTerminology, localIdentifiers, localSystems } from './code-maps.js';
import { fhirId, fhirInstant, reference } from './fhir-references.js';
import type { AuditEvent } from './fhir-types.js';

const actions: Record<AuditRecord['action'], AuditEvent['action']> = {
  create: 'C',
  read: 'R',
  update: 'U',
  delete: 'D',
};

/**
 * Each patient whose data it was, then each record read or changed (a page of results is one event).
 * In one patient's export, an entry about a record since merged into that patient names the exported
 * patient: the bundle holds no other (`exportedPatientId`).
 */
export function auditEventResource(a: AuditRecord, exportedPatientId?: string): AuditEvent {
  const merged = new Set(exportedPatientId === undefined ? [] : (a.mergedFrom ?? []));
  const asExported = (id: string) => (merged.has(id) && exportedPatientId !== undefined ? exportedPatientId : id);
  const patients = [...new Set(a.records.flatMap((r) => (r.patientId ? [asExported(r.patientId)] : [])))];
  const entity: NonNullable<AuditEvent['entity']> = patients.map((patientId) => ({
    what: reference('Patient', patientId),
    role: { system: fhirTerminology.objectRole, code: '1', display: 'Patient' },
  }));
  for (const { entityId } of a.records)
    entity.push({
      what: {
        identifier: { system: `${localSystems.auditEntity}/${a.entity}`, ...(entityId ? { value: entityId } : {}) },
        display: a.entity,
      },
      ...(a.route ? { description: a.route } : {}),
    });
  return {
    resourceType: 'AuditEvent',
    id: fhirId(a.id),
    type: { system: fhirTerminology.auditEventType, code: 'rest', display: 'RESTful Operation' },
    action: actions[a.action],
    recorded: fhirInstant(a.at),
    outcome: '0',
    agent: [
      {
        who: a.userId
          ? { identifier: { system: localIdentifiers.user, value: a.userId } }
          : { display: 'mesodesk (no signed-in user)' },
        ...(a.role ? { role: [{ text: a.role }] } : {}),
        requestor: true,
      },
    ],
    source: { observer: { display: 'mesodesk' } },
    entity,
  };
}
