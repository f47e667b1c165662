import { describe, expect, it } from 'vitest';
import { extractPdf } from '../test-support/pdf-text.js';
import { sampleAftercare } from '../test-support/sample-records.js';
import { aftercareSheetPdf, aftercareStartMs, renderAftercareSheet } from './aftercare-sheet.js';
import { aftercareTimeline } from './aftercare-timeline.js';

const base = {
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
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(entry!.untilMs)).toBe('11:00');
  });
});

describe('aftercare sheet PDF', () => {
  it('shows each deadline in the clinic zone and locale, with its citations', async () => {
    const pdf = await aftercareSheetPdf({ ...base, session: { scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: 0 }, endedAt: '2026-11-23T07:00:00Z' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { flat: text } = await extractPdf(pdf);
    // Session ended 10:00 Istanbul time; no water for 15 hours: until 01:00 the next day.
    expect(text).toContain('until 01:00 on Tue 24 Nov');
    expect(text).toContain('Keep water off the treated area.');
    expect(text).toContain('until 10:00 on Tue 24 Nov');
    expect(text).toContain('until 10:00 on Wed 25 Nov');
    expect(text).toContain('Sources: 000_28eead5230689bfd.txt:93');
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
      aftercare: [{ ...sampleAftercare[0]!, text: 'İğneli mezoterapi sonrası: şişlik, kızarıklık olabilir; bölgeyi ıslatmayın.' }],
      labels: { title: 'Mezoterapi sonrası bakım', patient: 'Hasta', sessionEnded: 'Seans bitişi', until: '{day} {time} saatine kadar', sources: 'Kaynaklar', duration: 'seanstan sonra {hours} saat' },
    });
    const { flat: text } = await extractPdf(pdf);
    expect(text).toContain('İğneli mezoterapi sonrası: şişlik, kızarıklık olabilir; bölgeyi ıslatmayın.');
    expect(text).toContain('Mezoterapi sonrası bakım');
    expect(text).toContain('24 Kas Sal 01:45 saatine kadar');
    expect(text).toContain('Kaynaklar: 000_28eead5230689bfd.txt:93');
    expect(pdf.includes(Buffer.from('DejaVuSans'))).toBe(true);
  });

  it('flows onto more pages when the list is long, numbering them', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...sampleAftercare[1]!, code: `item_${i}`, text: `Instruction number ${i}.`, hours: { min: i, max: i + 1 } }));
    const { pages } = await extractPdf(await aftercareSheetPdf({ ...base, aftercare: many }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)).toContain(`${pages.length} / ${pages.length}`);
    expect(pages.join('\n')).toContain('Instruction number 39.');
  });

  it('refuses to guess when the session length is unknown', () => {
    expect(() => aftercareStartMs({ session: { scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: null } })).toThrow(/endedAt/);
    expect(() => renderAftercareSheet({ ...base, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('is also available as a stream', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of renderAftercareSheet(base)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
