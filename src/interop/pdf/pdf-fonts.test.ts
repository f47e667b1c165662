import { describe, expect, it } from 'vitest';
import { extractPdf } from '../test-support/pdf-text.js';
import { createPdf, finishPdf, pdfToBuffer } from './pdf-document.js';
import { fontFiles } from './pdf-fonts.js';

describe('PDF fonts', () => {
  it('come from the fonts folder beside the PDF code, not from a package', () => {
    for (const file of Object.values(fontFiles))
      expect(file).toMatch(/[/\\]src[/\\]interop[/\\]pdf[/\\]fonts[/\\]DejaVuSans(-Bold)?\.ttf$/);
  });

  it('write every Turkish letter, in both faces, as itself', async () => {
    const letters = 'ğĞ şŞ ıI iİ çÇ öÖ üÜ';
    const meta = {
      title: 'Yazı tipi',
      clinicName: 'Klinik',
      lang: 'tr-TR',
      createdAt: new Date('2026-01-01T00:00:00Z'),
    };
    const doc = createPdf(meta);
    doc.text(`Düz: ${letters}`).font('bold').text(`Kalın: ${letters}`);
    const { flat } = await extractPdf(await pdfToBuffer(finishPdf(doc, meta)));
    expect(flat).toContain(`Düz: ${letters}`);
    expect(flat).toContain(`Kalın: ${letters}`);
  });
});
