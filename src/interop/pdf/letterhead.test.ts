import { createRequire } from 'node:module';
import type { QRCode } from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { lateSignsNotice } from '../../core/messages/late-signs-notice.js';
import { testKnowledgeBase } from '../../test-support/intake-builder.js';
import { extractPdf } from '../test-support/pdf-text.js';
import { pageImage } from '../test-support/poppler.js';
import { sampleAftercare } from '../test-support/sample-records.js';
import { aftercareSheetPdf } from './aftercare-sheet.js';
import { turkishAftercareLabels } from './labels-tr.js';

// jsqr is CommonJS whose types declare an ES default export; required, it is the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => QRCode | null;
const kb = testKnowledgeBase();
const logo = async () => ({
  mime: 'image/png' as const,
  data: await sharp({ create: { width: 240, height: 80, channels: 3, background: '#1d4e89' } })
    .png()
    .toBuffer(),
});

const clinic = {
  name: 'Klinik Işıl',
  contact: ['Bağdat Caddesi 12, İstanbul', '+90 212 555 0101', 'info@isil.example'],
};

const sheet = async (extra: object) =>
  aftercareSheetPdf({
    lateSigns: lateSignsNotice(kb),
    sources: kb.data.sources.sources,
    clinic,
    patient: { firstName: 'Ayşe', lastName: 'Yılmaz' },
    session: { scheduledAt: '2026-11-23T07:00:00Z', durationMinutes: 45 },
    aftercare: sampleAftercare,
    timeZone: 'Europe/Istanbul',
    locale: 'tr-TR',
    labels: turkishAftercareLabels,
    createdAt: new Date('2026-11-23T08:00:00Z'),
    ...extra,
  });

/** Decodes the QR code on page 1 the way a phone camera would: from the printed page's pixels. */
async function qrOnFirstPage(pdf: Uint8Array): Promise<string | undefined> {
  const png = await pageImage(pdf, 1, 150);
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('the letterhead on a patient sheet', () => {
  it("prints the clinic's name, contact details and logo, and a QR code that opens the portal's aftercare", async () => {
    const url = 'https://portal.isil.example/portal/aftercare';
    const pdf = await sheet({ clinic: { ...clinic, logo: await logo() }, portalUrl: url });
    const content = await extractPdf(pdf);
    expect(content.pages[0]).toContain('Klinik Işıl');
    expect(content.flat).toContain('Bağdat Caddesi 12, İstanbul · +90 212 555 0101 · info@isil.example');
    expect(content.flat).toContain(turkishAftercareLabels.portalLink);
    expect(content.images).toBe(1);
    expect(await qrOnFirstPage(pdf)).toBe(url);
  });

  it('prints neither QR code nor image without a portal address or logo', async () => {
    const pdf = await sheet({});
    const content = await extractPdf(pdf);
    expect(content.images).toBe(0);
    expect(content.flat).not.toContain(turkishAftercareLabels.portalLink);
    expect(await qrOnFirstPage(pdf)).toBeUndefined();
  });
});
