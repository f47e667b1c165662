import QRCode from 'qrcode';
import { colours } from './pdf-blocks.js';
import type { Pdf } from './pdf-document.js';

/** Side of the printed code in points (about 2.5 cm): scans from a phone held at reading distance. */
export const QR_SIZE = 72;

/**
 * Draws `url` as a QR code of side `QR_SIZE` at (x, y), as vector squares (sharp at any zoom, no image
 * to embed), with a caption under it. Error correction M: a creased or smudged sheet still scans.
 */
export function qrCode(doc: Pdf, url: string, x: number, y: number, caption: string): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = QR_SIZE / (modules.size + 2 * quiet);
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
  doc.fill().restore();
  doc
    .font('regular')
    .fontSize(6.5)
    .fillColor(colours.muted)
    .text(caption, x - 14, y + QR_SIZE + 1, { width: QR_SIZE + 28, align: 'center' });
}
