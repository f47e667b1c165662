import { describe, expect, it } from 'vitest';
import { safetySignalMessage } from './signal-message.js';
import type { SafetySignal } from './signal-types.js';

const lot = { lotId: 'l1', lotNumber: 'A-100', productId: 'p1', productName: 'Hair cocktail' };
const cluster: SafetySignal = {
  key: 'infection_cluster:lot:l1',
  kind: 'infection_cluster',
  unit: { type: 'lot', id: 'l1', label: 'Hair cocktail, lot A-100' },
  window: { from: '2026-11-02', to: '2026-11-12', week: null },
  exposure: 5,
  observed: 2,
  expected: null,
  pValue: null,
  threshold: null,
  patientIds: ['pa', 'pb', 'pc'],
  lots: [lot],
  reportIds: ['r1', 'r2'],
};
const rate: SafetySignal = {
  ...cluster,
  key: 'rate:practitioner:u1:2026-W49',
  kind: 'rate',
  unit: { type: 'practitioner', id: 'u1', label: 'Dr One' },
  window: { from: '2026-11-30', to: '2026-12-06', week: '2026-W49' },
  exposure: 8,
  observed: 7,
  expected: 0.444,
  pValue: 4.6e-7,
  threshold: 3e-5,
  lots: [],
};

describe('the e-mail about new safety signals', () => {
  it('names each signal, its lots and its patients as links, and says where to act', () => {
    const { subject, body } = safetySignalMessage([cluster, rate], 'https://clinic.example/');
    expect(subject).toBe('mesodesk: possible infection cluster - 2 new safety signals');
    expect(body).toContain('1. Possible infection cluster - Hair cocktail, lot A-100: 2 patients');
    expect(body).toContain(
      '2. More side-effect reports than expected - practitioner Dr One, week 2026-W49: 7 of 8 sessions reported, 0.4 expected (p = 4.6e-7).',
    );
    expect(body).toContain('  - Hair cocktail, lot A-100');
    for (const id of ['pa', 'pb', 'pc']) expect(body).toContain(`  - https://clinic.example/patients/${id}`);
    expect(body).toContain('  - none charted');
    expect(body).toContain('https://clinic.example/safety-signals');
    expect(body).not.toContain('//patients');
  });

  it('a rate signal alone is not called an infection', () => {
    const { subject, body } = safetySignalMessage([rate], 'https://clinic.example');
    expect(subject).toBe('mesodesk: 1 new safety signal');
    expect(body).not.toMatch(/infection/i);
  });
});
