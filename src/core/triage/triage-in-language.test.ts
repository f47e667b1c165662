import { describe, expect, it } from 'vitest';
import { en, hoursAfter, report, tr } from './test-support/triage-reports.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { triageInLanguage } from './triage-in-language.js';
import { symptomCodes } from './symptom-signs.js';
import { triageSideEffect, type SideEffectReport, type TriageResult } from './triage-side-effect.js';

/** The triage as a report made with `kb` stores it (the JSON column), read back. */
const stored = (r: Partial<SideEffectReport>, kb: KnowledgeBase, other: KnowledgeBase): unknown =>
  JSON.parse(JSON.stringify(triageSideEffect(report(r), kb, [other])));
const read = (triage: unknown, kb: KnowledgeBase) => triageInLanguage(triage, kb) as TriageResult;

/** Reports that give every kind of reason: within the usual time, late, lasting, warning, severe, unknown, denied. */
const reports: Partial<SideEffectReport>[] = [
  { symptoms: ['redness', 'bruising'] },
  { symptoms: ['swelling'], now: hoursAfter(80) },
  { symptoms: ['itching'], onsetDays: 4, onsetAt: undefined, now: hoursAfter(4 * 24 + 3) },
  { symptoms: ['lump_nodule'], onsetAt: hoursAfter(24 * 18), now: hoursAfter(24 * 19) },
  { symptoms: ['redness'], severity: 'severe', area: 'periorbital' },
  { text: 'something odd' },
  { text: 'no pus, just some redness' },
  { text: 'irin yok, sadece biraz kızarıklık var' },
  ...symptomCodes(en).map((code) => ({ symptoms: [code], onsetDays: 2, onsetAt: undefined, now: hoursAfter(60) })),
];

describe('a stored triage read in another language', () => {
  it('reads a report made in English, in Turkish, as the Turkish triage of it - with the same level', () => {
    for (const r of reports) {
      const english = stored(r, en, tr) as TriageResult;
      const turkish = triageSideEffect(report(r), tr, [en]);
      const shown = read(english, tr);
      expect(shown.level, JSON.stringify(r)).toBe(english.level);
      expect(shown.level).toBe(turkish.level);
      expect(shown.findings).toEqual(turkish.findings);
      expect(shown.findings.map((f) => f.advice)).toEqual(
        english.findings.map((f) => tr.sideEffects.get(f.code)?.advice),
      );
      // The denied words stay as the report's text matched them; every other reason is Turkish's own.
      if (!shown.reasons.some((x) => x.phrase === 'denied')) expect(shown.why).toEqual(turkish.why);
      expect(shown.sources).toEqual(english.sources);
      expect(shown.citations).toEqual(english.citations);
    }
  });

  it('reads a report made in Turkish, in English, as the English triage of it', () => {
    for (const r of reports) {
      const turkish = stored(r, tr, en) as TriageResult;
      const english = triageSideEffect(report(r), en, [tr]);
      const shown = read(turkish, en);
      expect(shown.level).toBe(turkish.level);
      expect(shown.findings).toEqual(english.findings);
      if (!shown.reasons.some((x) => x.phrase === 'denied')) expect(shown.why).toEqual(english.why);
    }
  });

  it('keeps the figures and the denied words in every language', () => {
    const t = read(stored({ symptoms: ['swelling'], text: 'irin yok', now: hoursAfter(80) }, en, tr), tr);
    expect(t.level).toBe('urgent');
    expect(t.why.join(' ')).toContain('79');
    expect(t.why.at(-1)).toBe('Açıklamada olmadığı belirtildiği için sayılmadı: irin.');
  });

  it('shows a triage stored before its reasons were kept exactly as stored', () => {
    const old = stored({ symptoms: ['lump_nodule'] }, en, tr) as Record<string, unknown>;
    delete old.reasons;
    expect(triageInLanguage(old, tr)).toBe(old);
    expect(triageInLanguage(null, tr)).toBeNull();
    expect(triageInLanguage({ level: 'urgent' }, tr)).toEqual({ level: 'urgent' });
    expect(triageInLanguage('urgent', tr)).toBe('urgent');
  });

  it('shows the stored words when the reader’s knowledge base cannot word every part, never a mix', () => {
    const base = stored({ symptoms: ['redness'] }, en, tr) as TriageResult;
    const unknownEffect = {
      ...base,
      reasons: base.reasons.map((x) => ({ ...x, effect: 'retired_effect' })),
    };
    expect(triageInLanguage(unknownEffect, tr)).toBe(unknownEffect);
    const unknownFinding = { ...base, findings: base.findings.map((f) => ({ ...f, code: 'retired_effect' })) };
    expect(triageInLanguage(unknownFinding, tr)).toBe(unknownFinding);
    const unfilled = { ...base, reasons: base.reasons.map(({ phrase }) => ({ phrase })) };
    expect(triageInLanguage(unfilled, tr)).toBe(unfilled);
    const shortReasons = { ...base, reasons: [] };
    expect(triageInLanguage(shortReasons, tr)).toBe(shortReasons);
    const badPhrase = { ...base, reasons: base.reasons.map((x) => ({ ...x, phrase: 'constructor' })) };
    expect(triageInLanguage(badPhrase, tr)).toBe(badPhrase);
  });

  it('never changes a level, whatever the stored reasons say', () => {
    const urgent = stored({ symptoms: ['lump_nodule'] }, en, tr) as TriageResult;
    const claimsExpected = { ...urgent, reasons: [{ phrase: 'withinUsual', effect: 'redness', max: 48 }] };
    expect(read({ ...claimsExpected, why: ['x'] }, tr).level).toBe('urgent');
  });
});
