import { describe, expect, it } from 'vitest';
import { lateSignsNotice } from '../../core/messages/late-signs-notice.js';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { extractPdf } from '../test-support/pdf-text.js';
import { sampleAftercare } from '../test-support/sample-records.js';
import {
  aftercareSheetPdf,
  aftercareStartMs,
  englishAftercareLabels,
  renderAftercareSheet,
} from './aftercare-sheet.js';
import { aftercareTimeline } from './aftercare-timeline.js';
import { turkishAftercareLabels } from './labels-tr.js';

const kb = testKnowledgeBase();
const lateSigns = lateSignsNotice(kb);
const sources = kb.data.sources.sources;
const seedFileName = /[0-9]{3}_[0-9a-f]{16}\.txt/;
/** A source's number on every sheet: its place in sources.yaml. */
const numberOf = (file: string) => sources.findIndex((s) => s.file === file) + 1;
const source = (file: string) => sources.find((s) => s.file === file)!;
const englishClosing = englishAftercareLabels.closing;

const base = {
  lateSigns,
  sources,
  clinic: { name: 'Klinik Işıl' },
  patient: { firstName: 'Ayşe', lastName: 'Yılmaz' },
  // 07:00Z is 10:00 in Istanbul (UTC+3); 45 minutes, so the session ends 10:45 local.
  session: { scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: 45 },
  aftercare: sampleAftercare,
  timeZone: 'Europe/Istanbul',
  locale: 'en-GB',
  createdAt: new Date('2026-11-23T08:00:00Z'),
};

describe('aftercareTimeline', () => {
  it('ends each item hours.max after the session, earliest first', () => {
    const end = Date.parse('2026-11-23T07:00:00Z');
    const t = aftercareTimeline(end, sampleAftercare);
    expect(t.map((e) => [e.code, new Date(e.untilMs).toISOString()])).toEqual([
      ['no_water', '2026-11-23T22:00:00.000Z'],
      ['no_strenuous_exercise', '2026-11-24T07:00:00.000Z'],
      ['no_makeup', '2026-11-25T07:00:00.000Z'],
    ]);
    expect(t[2]?.citations).toEqual(['000_28eead5230689bfd.txt:95', '003_20f0594d4ef02dbe.txt:70']);
  });

  it('counts real hours across a daylight-saving change', () => {
    // Europe/London falls back on 25 Oct 2026 at 02:00 BST; 24 h after 12:00 BST is 11:00 GMT.
    const end = Date.parse('2026-10-24T11:00:00Z');
    const [entry] = aftercareTimeline(end, [sampleAftercare[2]!]);
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(
        entry!.untilMs,
      ),
    ).toBe('11:00');
  });
});

describe('aftercare sheet PDF', () => {
  it('shows each deadline in the clinic zone and locale, with its citations', async () => {
    const pdf = await aftercareSheetPdf({
      ...base,
      session: { scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: 0 },
      endedAt: '2026-11-23T07:00:00Z',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { flat: text } = await extractPdf(pdf);
    // Session ended 10:00 Istanbul time; no water for 15 hours: until 01:00 the next day.
    expect(text).toContain('until 01:00 on Tue 24 Nov');
    expect(text).toContain('Keep water off the treated area.');
    expect(text).toContain('until 10:00 on Tue 24 Nov');
    expect(text).toContain('until 10:00 on Wed 25 Nov');
    expect(text).toContain(
      `Keep water off the treated area. 10-15 hours after the session Sources: [${numberOf('000_28eead5230689bfd.txt')}]`,
    );
    expect(text).toContain(
      `Sources: [${numberOf('000_28eead5230689bfd.txt')}, ${numberOf('003_20f0594d4ef02dbe.txt')}]`,
    );
    expect(text).toContain('10-15 hours after the session');
    expect(text).toContain('Ayşe Yılmaz');
    expect(text).toContain('Europe/Istanbul');
    expect(text.indexOf('Keep water off')).toBeLessThan(text.indexOf('No make-up'));
  });

  it('counts from the session end (start plus length) when no real end is given', async () => {
    const { flat: text } = await extractPdf(await aftercareSheetPdf(base));
    expect(text).toContain('until 01:45 on Tue 24 Nov');
  });

  it('renders Turkish labels and text with the embedded font, dates in Turkish', async () => {
    const pdf = await aftercareSheetPdf({
      ...base,
      locale: 'tr-TR',
      aftercare: [
        { ...sampleAftercare[0]!, text: 'İğneli mezoterapi sonrası: şişlik, kızarıklık olabilir; bölgeyi ıslatmayın.' },
      ],
      labels: {
        title: 'Mezoterapi sonrası bakım',
        patient: 'Hasta',
        sessionEnded: 'Seans bitişi',
        until: '{day} {time} saatine kadar',
        sources: 'Kaynaklar',
        duration: 'seanstan sonra {hours} saat',
        lateSigns: 'Aynı gün kliniği aramanızı gerektiren belirtiler',
      },
    });
    const { flat: text } = await extractPdf(pdf);
    expect(text).toContain('İğneli mezoterapi sonrası: şişlik, kızarıklık olabilir; bölgeyi ıslatmayın.');
    expect(text).toContain('Mezoterapi sonrası bakım');
    expect(text).toContain('24 Kas Sal 01:45 saatine kadar');
    expect(text).toContain(`Kaynaklar: [${numberOf('000_28eead5230689bfd.txt')}]`);
    expect(text).toContain('Aynı gün kliniği aramanızı gerektiren belirtiler');
    expect(pdf.includes(Buffer.from('DejaVuSans'))).toBe(true);
  });

  it('flows onto more pages when the list is long, numbering them', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...sampleAftercare[1]!,
      code: `item_${i}`,
      text: `Instruction number ${i}.`,
      hours: { min: i, max: i + 1 },
    }));
    const { pages } = await extractPdf(await aftercareSheetPdf({ ...base, aftercare: many }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)).toContain(`${pages.length} / ${pages.length}`);
    expect(pages.join('\n')).toContain('Instruction number 39.');
  });

  it('refuses to guess when the session length is unknown', () => {
    expect(() => aftercareStartMs({ session: { scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: null } })).toThrow(
      /endedAt/,
    );
    expect(() => renderAftercareSheet({ ...base, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('lists the late signs that need a same-day call, in patient words, with their sources', async () => {
    const { flat: text } = await extractPdf(await aftercareSheetPdf(base));
    expect(text).toContain('Signs that need a call to the clinic the same day');
    expect(text).toContain(lateSigns.intro);
    for (const item of lateSigns.items) expect(text).toContain(item);
    const lateSignsNumbers = [...new Set(lateSigns.citations.map((c) => numberOf(c.split(':')[0]!)))].sort(
      (a, b) => a - b,
    );
    expect(lateSignsNumbers).not.toContain(0);
    expect(text).toContain(`Sources: [${lateSignsNumbers.join(', ')}]`);
    expect(text).toMatch(/lump, bump or hard knot/);
    expect(text).toMatch(/open sore/);
    expect(text.indexOf('No make-up')).toBeLessThan(text.indexOf(lateSigns.intro));
  });

  describe('aspirin and prescribed blood thinners', () => {
    const painRelief = kb.data.aftercare.aftercare.find((i) => i.code === 'pain_relief')!;
    const withPainRelief = {
      ...base,
      aftercare: [
        ...sampleAftercare,
        {
          code: painRelief.code,
          text: painRelief.text,
          hours: painRelief.hours,
          sources: [],
          citations: [...painRelief.sources],
        },
      ],
    };
    const sheetText = async (medications?: { name?: string; class: string }[]) =>
      (await extractPdf(await aftercareSheetPdf({ ...withPainRelief, ...(medications ? { medications } : {}) }))).flat;

    it.each([
      ['clopidogrel', [{ name: 'Clopidogrel 75 mg', class: 'antiplatelet' }]],
      ['prescribed low-dose aspirin', [{ name: 'Aspirin 100 mg', class: 'antiplatelet' }]],
    ])('a patient on %s gets no "avoid aspirin", only the keep-taking line', async (_, medications) => {
      const text = await sheetText(medications);
      expect(text).not.toMatch(/avoid aspirin|avoid NSAID|aspirin taken for pain/i);
      expect(text).toContain('For discomfort use an ice pack, or ask the clinic which painkiller to take.');
      expect(text).toContain(
        'Keep taking any prescribed anticoagulant or antiplatelet medicine (blood thinner) exactly as prescribed',
      );
    });

    it('a patient with no blood thinner, or unknown medicines, still reads it', async () => {
      for (const medications of [[{ name: 'Ibuprofen', class: 'nsaid' }], undefined]) {
        const text = await sheetText(medications);
        expect(text).toMatch(/avoid NSAID painkillers such as ibuprofen, or aspirin taken for pain/);
        expect(text).not.toContain('Keep taking any prescribed anticoagulant');
      }
    });
  });

  it('names each source by its title in a numbered list at the end, with no seed file name and no line numbers', async () => {
    const { flat: text } = await extractPdf(await aftercareSheetPdf(base));
    expect(text).not.toMatch(seedFileName);
    const list = text.slice(text.indexOf('Sources of this advice'));
    expect(text.indexOf('Sources of this advice')).toBeGreaterThan(text.indexOf(englishClosing));
    const cited = [
      ...new Set([...sampleAftercare.flatMap((a) => a.citations), ...lateSigns.citations].map((c) => c.split(':')[0]!)),
    ];
    for (const file of cited) {
      const s = source(file);
      const name =
        s.kind === 'outside'
          ? `outside reference: ${s.title}`
          : s.kind === 'house'
            ? `mesodesk house rule: ${s.title}`
            : s.title;
      expect(list).toContain(`${numberOf(file)}. ${name}`);
    }
    // Only the sources cited are listed, and a patient gets no line numbers.
    for (const s of sources.filter((x) => !cited.includes(x.file))) expect(list).not.toContain(s.title);
    expect(list).not.toMatch(/\blines? \d/);
  });

  it('translates the references heading and the kinds of source on a Turkish sheet', async () => {
    const { flat: text } = await extractPdf(
      await aftercareSheetPdf({ ...base, locale: 'tr-TR', labels: turkishAftercareLabels }),
    );
    expect(text).not.toMatch(seedFileName);
    expect(text).toContain(turkishAftercareLabels.references);
    expect(text).not.toContain(englishAftercareLabels.references);
    expect(text).toContain(
      `${numberOf('outside-references.txt')}. ${turkishAftercareLabels.outsideReference}: ${source('outside-references.txt').title}`,
    );
    expect(text).toContain(`${numberOf('000_28eead5230689bfd.txt')}. ${source('000_28eead5230689bfd.txt').title}`);
  });

  it('is also available as a stream', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of renderAftercareSheet(base)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
