import { describe, expect, it } from 'vitest';
import { catalogue } from '../knowledge/catalogue';
import { en } from '../i18n/en';
import { draftBody, draftReady, emptyDraft, latestOnsetDay } from './report-draft';
import { reportText } from './report-text';

describe('a side-effect report draft', () => {
  it('is ready once a symptom is ticked or words are written, not before', () => {
    expect(draftReady(emptyDraft())).toBe(false);
    expect(draftReady({ ...emptyDraft(), details: '   ' })).toBe(false);
    expect(draftReady({ ...emptyDraft(), symptoms: ['lump_nodule'] })).toBe(true);
    expect(draftReady({ ...emptyDraft(), details: 'a bump' })).toBe(true);
  });

  it('sends ticked codes, the words only when there are some, and the onset in days', () => {
    expect(draftBody({ ...emptyDraft(), symptoms: ['swelling'], onsetDays: 21 })).toEqual({
      symptoms: ['swelling'],
      onsetDays: 21,
      ongoing: true,
      severity: 'mild',
    });
    expect(draftBody({ ...emptyDraft(), details: '  a weeping sore ', ongoing: false, severity: 'severe' })).toEqual({
      symptoms: [],
      symptom: 'a weeping sore',
      onsetDays: 0,
      ongoing: false,
      severity: 'severe',
    });
  });

  it('allows onset days up to the calendar day now begun', () => {
    const session = '2026-11-20T18:00:00Z';
    expect(latestOnsetDay(session, Date.parse('2026-11-20T20:00:00Z'))).toBe(1);
    expect(latestOnsetDay(session, Date.parse('2026-11-23T19:00:00Z'))).toBe(4);
    expect(latestOnsetDay(session, Date.parse('2026-11-19T19:00:00Z'))).toBe(1);
  });

  it('shows ticked symptoms by their label, then the words quoted', () => {
    expect(reportText({ symptoms: ['lump_nodule', 'fever'], symptom: 'since Monday' }, (c) => c.toUpperCase())).toBe(
      'LUMP_NODULE; FEVER — “since Monday”',
    );
    expect(reportText({ symptoms: [], symptom: 'red' }, (c) => c)).toBe('“red”');
  });

  it('every symptom the knowledge base offers has an English label, the same words as the knowledge base', () => {
    expect(catalogue.symptoms.length).toBeGreaterThan(20);
    for (const s of catalogue.symptoms) expect(en.sideEffects.symptoms[s.code], s.code).toBe(s.patient);
  });
});
