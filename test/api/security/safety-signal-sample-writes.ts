import { sampleRateSignal } from '../../../src/test-support/sample-signal.js';
import type { SampleRecords } from './sample-records.js';
import type { SampleWrite } from './sample-request.js';

/** Sample writes of safety signals: acknowledging and closing a fresh open signal, and a run of detection. */
export function safetySignalSampleWrites({
  repos,
  clinicId,
  unique,
  newPatient,
}: SampleRecords): Record<string, SampleWrite> {
  /** An open signal naming a new patient, as detection stores one. */
  const openSignal = async () => {
    const patient = await newPatient();
    const signal = await repos.transaction((tx) =>
      tx.safetySignals.insertNew(
        clinicId,
        sampleRateSignal({ key: `rate:clinic:clinic:sample-${unique()}`, patientIds: [patient.id] }),
      ),
    );
    if (!signal) throw new Error('sample signal not stored');
    return signal.id;
  };
  return {
    'POST /api/safety-signals/:id/acknowledge': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/safety-signals/${await openSignal()}/acknowledge`,
        payload: { note: 'Lot held, patients called' },
      }),
    },
    'POST /api/safety-signals/:id/close': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/safety-signals/${await openSignal()}/close`,
        payload: { note: 'Nothing found' },
      }),
    },
    // Stores nothing in a clinic without reports, but it is the write an admin sends.
    'POST /api/safety-signals/run': {
      role: 'admin',
      stores: false,
      make: async () => ({ url: '/api/safety-signals/run' }),
    },
  };
}
