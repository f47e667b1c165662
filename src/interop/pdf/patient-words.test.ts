import { describe, expect, it } from 'vitest';
import { lateSignsNotice } from '../../core/messages/late-signs-notice.js';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { popplerText } from '../test-support/poppler.js';
import { id, overriddenChart, sampleAftercare, sampleGroup } from '../test-support/sample-records.js';
import { aftercareSheetPdf, englishAftercareLabels } from './aftercare-sheet.js';
import { codeInWords, englishCodeNames, knowledgeCodeNames, mergeCodeNames, nameCode } from './code-names.js';
import { consentFormPdf, englishConsentLabels } from './consent-form.js';
import { turkishAftercareLabels, turkishCodeNames, turkishConsentLabels, turkishSummaryLabels } from './labels-tr.js';
import { englishSummaryLabels, treatmentSummaryPdf } from './treatment-summary.js';

// What a reader must never meet on a sheet: a seed file name, or a code in lower_snake_case (or an upper one).
const seedFileName = /\d{3}_[0-9a-f]{16}\.txt/;
const lowerSnake = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;
const upperSnake = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/;

const kb = testKnowledgeBase();
const sources = kb.data.sources.sources;
const english = mergeCodeNames(englishCodeNames, knowledgeCodeNames(kb));
const turkish = mergeCodeNames(englishCodeNames, knowledgeCodeNames(kb), turkishCodeNames);
const titleOf = (file: string) => sources.find((s) => s.file === file)!.title;

/** The records with an override, a ticked-symptom side effect and a chart over two areas: every code the summary prints. */
function richGroup() {
  const group = sampleGroup();
  const [chart, ...rest] = group.chartEntries;
  const [effect] = group.sideEffects;
  return {
    ...group,
    chartEntries: [overriddenChart(chart!), ...rest],
    sideEffects: [{ ...effect!, symptoms: ['lump_nodule', 'spreading_redness'] }],
  };
}

const languages = [
  {
    language: 'English',
    locale: 'en-GB',
    names: english,
    labels: englishSummaryLabels,
    aftercare: englishAftercareLabels,
    consent: englishConsentLabels,
  },
  {
    language: 'Turkish',
    locale: 'tr-TR',
    names: turkish,
    labels: turkishSummaryLabels,
    aftercare: turkishAftercareLabels,
    consent: turkishConsentLabels,
  },
] as const;

/** pdftotext's reading, with line breaks from wrapping folded, so a wrapped title reads as one. */
async function readBack(pdf: Buffer): Promise<string> {
  return (await popplerText(pdf)).replace(/\s+/g, ' ');
}

function expectNoInternals(text: string): void {
  expect(text).not.toMatch(seedFileName);
  expect(text).not.toMatch(lowerSnake);
  expect(text).not.toMatch(upperSnake);
}

describe.each(languages)('patient documents in $language', ({ locale, names, labels, aftercare, consent }) => {
  const common = { clinic: { name: 'Klinik Işıl' }, timeZone: 'Europe/Istanbul', locale };

  it('the treatment summary names codes in words and cites sources by title', async () => {
    const records = richGroup();
    const text = await readBack(
      await treatmentSummaryPdf({ ...common, records, courseId: id('course', 1), sources, names, labels }),
    );
    expectNoInternals(text);
    expect(text).toContain(`${labels.indication}: ${names.indication.skin_rejuvenation}`);
    expect(text).toContain(`${labels.area}: ${names.area.face}`);
    expect(text).toContain(`${names.area.face}, ${names.area.neck}`);
    expect(text).toContain(names.reason.NSAID_WITHIN_7_DAYS);
    expect(text).toContain(names.symptom.lump_nodule);
    expect(text).toContain(names.severity.mild);
    expect(text).toContain(titleOf('000_28eead5230689bfd.txt'));
  });

  it('the aftercare sheet cites its sources by number and title', async () => {
    const text = await readBack(
      await aftercareSheetPdf({
        ...common,
        patient: { firstName: 'Ayşe', lastName: 'Yılmaz' },
        session: { scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: 45 },
        aftercare: sampleAftercare,
        lateSigns: lateSignsNotice(kb),
        sources,
        labels: aftercare,
      }),
    );
    expectNoInternals(text);
    const cited = new Set(
      [...sampleAftercare.flatMap((a) => a.citations), ...lateSignsNotice(kb).citations].map((c) => c.split(':')[0]!),
    );
    for (const file of cited) expect(text).toContain(titleOf(file));
    expect(text).toMatch(/\[\d+(, \d+)*\]/);
  });

  it('the consent form names the procedure in words', async () => {
    const group = sampleGroup();
    const text = await readBack(
      await consentFormPdf({
        ...common,
        patient: group.patient,
        signature: group.consentSignatures[0]!,
        text: group.consentTexts[0]!,
        names,
        labels: consent,
      }),
    );
    expectNoInternals(text);
    expect(text).toContain(names.procedure.mesotherapy);
  });
});

describe('code names', () => {
  it('takes the knowledge base’s display names, under a language’s own words', () => {
    expect(english.indication.skin_rejuvenation).toBe(kb.indications.get('skin_rejuvenation')!.name);
    expect(english.area.periorbital).toBe(kb.areas.get('periorbital')!.name);
    expect(turkish.indication.skin_rejuvenation).toBe('Cilt gençleştirme');
    // Where Turkish has no word, the knowledge base's English name stands rather than a code.
    const unnamed = [...kb.indications.keys()].find((code) => !(code in turkishCodeNames.indication));
    if (unnamed) expect(turkish.indication[unnamed]).toBe(kb.indications.get(unnamed)!.name);
  });

  it('spells out a code nothing names', () => {
    expect(codeInWords('under_eye')).toBe('Under eye');
    expect(codeInWords('NSAID_WITHIN_7_DAYS')).toBe('Nsaid within 7 days');
    expect(nameCode(undefined, 'indication', 'new_indication')).toBe('New indication');
    expect(nameCode(english, 'indication', 'hair_loss')).toBe(kb.indications.get('hair_loss')!.name);
  });
});
