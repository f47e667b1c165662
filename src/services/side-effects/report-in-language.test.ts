import { describe, expect, it } from 'vitest';
import type { SideEffectReportRecord } from '../../core/records/index.js';
import { triageSideEffect, type TriageResult } from '../../core/triage/triage-side-effect.js';
import { loadKnowledgeLibrary } from '../../knowledge-files/load-knowledge-library.js';
import { reportInLanguage, storedTriage } from './report-in-language.js';

const library = loadKnowledgeLibrary();
const knowledgeFor = (language: string | undefined) => library.for(language);
const session = '2026-11-20T10:00:00Z';
const triage = (language: 'en' | 'tr') =>
  triageSideEffect(
    { symptoms: ['lump_nodule'], sessionAt: session, now: '2026-11-21T10:00:00Z', onsetDays: 1 },
    library.for(language),
    library.languages.map((l) => library.for(l)),
  );
const reportWith = (stored: unknown): SideEffectReportRecord => ({
  id: 'r1',
  sessionId: 's1',
  reporterUserId: null,
  symptom: '',
  onset: null,
  severity: 'moderate',
  triage: JSON.parse(JSON.stringify(stored)) as unknown,
  createdAt: session,
  codes: [],
  ongoing: true,
  symptoms: ['lump_nodule'],
  onsetDays: 1,
  reportedBy: 'patient',
  reportedVia: 'portal',
});
const adviceOf = (report: SideEffectReportRecord) => (report.triage as TriageResult).findings.map((f) => f.advice);

describe('a side-effect report in its reader’s language', () => {
  it('gives a reader of the language it was made in the report as stored, tag or not', () => {
    const report = reportWith(storedTriage(triage('tr'), 'tr'));
    expect(reportInLanguage(report, knowledgeFor, 'tr')).toBe(report);
    expect(reportInLanguage(report, knowledgeFor, 'tr-TR')).toBe(report);
  });

  it('gives a reader of another language the advice and reasons in theirs, at the same level', () => {
    const report = reportWith(storedTriage(triage('tr'), 'tr'));
    const read = reportInLanguage(report, knowledgeFor, 'en');
    expect(read.triage).toEqual(JSON.parse(JSON.stringify(storedTriage(triage('en'), 'tr'))));
    expect((read.triage as TriageResult).level).toBe('urgent');
    expect(adviceOf(read)).not.toEqual(adviceOf(report));
    expect({ ...read, triage: null }).toEqual({ ...report, triage: null });
  });

  it('rebuilds a triage stored without its language for every reader', () => {
    const report = reportWith(triage('en'));
    expect(adviceOf(reportInLanguage(report, knowledgeFor, 'tr'))).toEqual(adviceOf(reportWith(triage('tr'))));
  });

  it('gives every reader a report stored before reasons were kept, as stored', () => {
    const { reasons: _reasons, ...old } = triage('en');
    const report = reportWith(old);
    expect(reportInLanguage(report, knowledgeFor, 'tr')).toBe(report);
    const untriaged = reportWith(null);
    expect(reportInLanguage(untriaged, knowledgeFor, 'tr')).toBe(untriaged);
  });
});
