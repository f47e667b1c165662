import type { SafetySignal } from '../core/safety-signals/signal-types.js';

/**
 * A clinic-wide rate signal, as detection stores one: six reports where half of one was expected
 * over a week, well past its threshold. `change` sets the key and whatever a test looks at.
 */
export function sampleRateSignal(change: Partial<SafetySignal> & Pick<SafetySignal, 'key'>): SafetySignal {
  return {
    kind: 'rate',
    unit: { type: 'clinic', id: null, label: '' },
    window: { from: '2026-11-30', to: '2026-12-06', week: '2026-W49' },
    exposure: 10,
    observed: 6,
    expected: 0.5,
    pValue: 1.4e-6,
    threshold: 1e-4,
    patientIds: [],
    lots: [],
    reportIds: [],
    ...change,
  };
}
