import { colours, rule } from './pdf-blocks.js';
import type { Pdf } from './pdf-document.js';

/** Who a patient's sheet is from, as printed at its head: the clinic's name, logo and how to reach it. */
export interface ClinicLetterhead {
  name: string;
  /** Address, phone, email: each printed when given. */
  contact?: readonly string[];
  /** PNG or JPEG, as pdfkit embeds them. */
  logo?: { mime: 'image/png' | 'image/jpeg'; data: Uint8Array };
}

const LOGO_BOX: [number, number] = [110, 44];

/**
 * The clinic's block at the top of the first page, then a rule. `beside` keeps room on the right
 * for something printed next to it (the aftercare sheet's QR code): its width, and its height, so
 * the rule runs under it.
 */
export function letterhead(doc: Pdf, clinic: ClinicLetterhead, beside = { width: 0, height: 0 }): void {
  const left = doc.page.margins.left;
  const top = doc.y;
  const right = doc.page.width - doc.page.margins.right - beside.width;
  let textX = left;
  if (clinic.logo) {
    doc.image(Buffer.from(clinic.logo.data), left, top, { fit: LOGO_BOX, valign: 'center' });
    textX = left + LOGO_BOX[0] + 12;
  }
  const width = right - textX;
  doc.font('bold').fontSize(12).fillColor(colours.text).text(clinic.name, textX, top, { width });
  const contact = (clinic.contact ?? []).filter((line) => line.trim() !== '');
  if (contact.length) doc.font('regular').fontSize(8).fillColor(colours.muted).text(contact.join(' · '), { width });
  doc.x = left;
  doc.y = Math.max(doc.y, clinic.logo ? top + LOGO_BOX[1] : 0, top + beside.height) + 4;
  rule(doc);
  doc.moveDown(0.4);
}
