import { describe, expect, it } from 'vitest';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { extractPdf } from '../test-support/pdf-text.js';
import { id, overriddenChart, sampleGroup } from '../test-support/sample-records.js';
import { englishCodeNames, knowledgeCodeNames, mergeCodeNames } from './code-names.js';
import { turkishSummaryLabels } from './labels-tr.js';
import { englishSummaryLabels, renderTreatmentSummary, treatmentSummaryPdf } from './treatment-summary.js';

const kb = testKnowledgeBase();
const sources = kb.data.sources.sources;
const names = mergeCodeNames(englishCodeNames, knowledgeCodeNames(kb));
const seedFileName = /[0-9]{3}_[0-9a-f]{16}\.txt/;
const prosAndCons = sources.findIndex((s) => s.file === '000_28eead5230689bfd.txt');

const base = {
  sources,
  names,
  clinic: { name: 'Klinik Işıl' },
  records: sampleGroup(),
  courseId: id('course', 1),
  timeZone: 'Europe/Istanbul',
  locale: 'en-GB',
  createdAt: new Date('2026-12-01T09:00:00Z'),
};

describe('treatment summary PDF', () => {
  it('prints the plan, the sessions in order, lots, side effects and outcomes', async () => {
    const { flat } = await extractPdf(await treatmentSummaryPdf(base));
    for (const expected of [
      'Treatment summary',
      'Patient: Ayşe Yılmaz',
      `Indication: ${kb.indications.get('skin_rejuvenation')!.name}`,
      'Area: Face',
      'Status: Active',
      'Plan: 4-6 sessions, 7-14 days apart',
      'Mixture: Rejuvenation mixture (Hyaluronic acid, Vitamin C)',
      `Sources: [${prosAndCons + 1}:101]`,
      '23 Nov 2026, 10:00',
      'Face, Neck · LOT-2026-A, LOT-2026-B',
      'Meso Glow',
      'Örnek İlaç A.Ş.',
      'LOT-2026-B',
      'RECALLED',
      'şişlik ve kızarıklık',
      'mild',
      'expected',
      'Brighter skin.',
    ])
      expect(flat).toContain(expected);
    expect(flat.indexOf('23 Nov 2026, 10:00')).toBeLessThan(flat.indexOf('7 Dec 2026, 12:30'));
  });

  it('says "none recorded" for empty sections', async () => {
    const records = { ...sampleGroup(), chartEntries: [], sideEffects: [], outcomes: [] };
    const { flat } = await extractPdf(await treatmentSummaryPdf({ ...base, records }));
    expect(flat.split('None recorded.').length - 1).toBe(3);
  });

  it('prints each override with its reason, confirmed out-of-plan values and the addenda, under the session’s number', async () => {
    const group = sampleGroup();
    const [chart] = group.chartEntries;
    const gated = overriddenChart(chart!);
    const { flat } = await extractPdf(
      await treatmentSummaryPdf({ ...base, records: { ...group, chartEntries: [gated] } }),
    );
    for (const expected of [
      'Overrides and addenda',
      `Treated despite ${names.reason.NSAID_WITHIN_7_DAYS} (treatment deferred), overridden by the clinician: Prescriber agreed by phone`,
      'Depths or volumes outside the plan, confirmed by the clinician.',
      'Addendum: Bruise at the temple the next day.',
      'Dr Pia',
      '24 Nov 2026, 11:00',
    ])
      expect(flat).toContain(expected);
    // Without any, the section is left out.
    expect((await extractPdf(await treatmentSummaryPdf(base))).flat).not.toContain('Overrides and addenda');
  });

  it('breaks long tables across pages', async () => {
    const group = sampleGroup();
    const template = group.sessions[0]!;
    const sessions = Array.from({ length: 70 }, (_, i) => ({
      ...template,
      id: id('session', 1000 + i),
      scheduledAt: new Date(Date.parse('2027-01-04T07:00:00Z') + i * 7 * 86_400_000).toISOString(),
    }));
    const { pages, flat } = await extractPdf(
      await treatmentSummaryPdf({ ...base, records: { ...group, sessions: [...group.sessions, ...sessions] } }),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(flat).toContain('72');
    expect(flat).toContain(`1 / ${pages.length}`);
  });

  it('names the plan’s sources by title, with the lines cited, in a references list at the end and never by file name', async () => {
    const { flat } = await extractPdf(await treatmentSummaryPdf(base));
    expect(flat).not.toMatch(seedFileName);
    expect(flat).toContain(`References ${prosAndCons + 1}. ${sources[prosAndCons]!.title}, line 101`);
    expect(flat.indexOf('References')).toBeGreaterThan(flat.indexOf('Brighter skin.'));
    // Only the sources the plan cites are listed.
    for (const s of sources.filter((_, i) => i !== prosAndCons)) expect(flat).not.toContain(s.title);
  });

  it('translates the references heading and the line on a Turkish summary', async () => {
    const { flat } = await extractPdf(
      await treatmentSummaryPdf({ ...base, locale: 'tr-TR', labels: turkishSummaryLabels }),
    );
    expect(flat).not.toMatch(seedFileName);
    expect(flat).not.toContain(englishSummaryLabels.references);
    expect(flat).toContain(`Kaynaklar: [${prosAndCons + 1}:101]`);
    expect(flat).toContain(
      `${turkishSummaryLabels.references} ${prosAndCons + 1}. ${sources[prosAndCons]!.title}, satır 101`,
    );
  });

  it('refuses a course that is not the patient’s', () => {
    expect(() => renderTreatmentSummary({ ...base, courseId: 'nope' })).toThrow(/not among/);
  });
});
