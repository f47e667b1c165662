import { describe, expect, it } from 'vitest';
import { reportedSymptoms } from './reported-symptoms.js';

describe('reportedSymptoms', () => {
  it('names the ticked symptoms in words, then the reporter’s own words', () => {
    expect(reportedSymptoms({ symptom: 'a firm bump on the cheek', symptoms: ['lump_nodule', 'discharge'] })).toBe(
      'lump nodule; discharge; a firm bump on the cheek',
    );
  });

  it('is never blank for a report with ticks alone, and keeps older reports’ words as they were', () => {
    expect(reportedSymptoms({ symptom: '', symptoms: ['fever'] })).toBe('fever');
    expect(reportedSymptoms({ symptom: 'Bruising', symptoms: undefined })).toBe('Bruising');
  });
});
