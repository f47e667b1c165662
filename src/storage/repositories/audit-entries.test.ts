import { describe, expect, it } from 'vitest';
import { auditEntries } from './audit-entries.js';

const actor = { clinicId: 'c', userId: 'u', role: 'admin', route: 'GET /api/x' };

describe('auditEntries', () => {
  it('makes one entry per action and kind of record, keeping the records in the order given', () => {
    const entries = auditEntries(
      [
        { action: 'read', entity: 'course', entityId: 'c1', patientId: 'p1' },
        { action: 'read', entity: 'treatment_session', entityId: 's1', patientId: 'p1' },
        { action: 'read', entity: 'course', entityId: 'c2', patientId: 'p2' },
        { action: 'update', entity: 'course', entityId: 'c1', patientId: 'p1' },
      ],
      actor,
    );
    expect(entries).toEqual([
      {
        ...actor,
        action: 'read',
        entity: 'course',
        records: [
          { entityId: 'c1', patientId: 'p1' },
          { entityId: 'c2', patientId: 'p2' },
        ],
      },
      { ...actor, action: 'read', entity: 'treatment_session', records: [{ entityId: 's1', patientId: 'p1' }] },
      { ...actor, action: 'update', entity: 'course', records: [{ entityId: 'c1', patientId: 'p1' }] },
    ]);
  });

  it('leaves no entry for no events', () => {
    expect(auditEntries([], actor)).toEqual([]);
  });
});
