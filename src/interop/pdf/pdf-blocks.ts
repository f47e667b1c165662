import type { Pdf } from './pdf-document.js';

/** The few typographic pieces every mesodesk document is built from, so they look alike. */

export const colours = { text: '#111111', muted: '#555555', rule: '#bbbbbb', accent: '#1d4e89' } as const;

export function title(doc: Pdf, text: string, subtitle?: string): void {
  doc.font('bold').fontSize(18).fillColor(colours.accent).text(text);
  if (subtitle) doc.font('regular').fontSize(10).fillColor(colours.muted).text(subtitle);
  doc.moveDown(0.8);
}

export function heading(doc: Pdf, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.6).font('bold').fontSize(12).fillColor(colours.accent).text(text);
  rule(doc);
}

export function rule(doc: Pdf): void {
  const y = doc.y + 2;
  doc
    .save()
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.5)
    .strokeColor(colours.rule)
    .stroke()
    .restore();
  doc.moveDown(0.4);
}

export function paragraph(doc: Pdf, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(colours.text)
    .text(text, { paragraphGap: 4, ...options });
}

/** Source citations and other fine print. */
export function smallPrint(doc: Pdf, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('regular').fontSize(7).fillColor(colours.muted).text(text, options);
}

/** The numbered references list at the end of a document ("1. <title>"), under its heading; nothing when nothing is cited. */
export function referencesBlock(
  doc: Pdf,
  headingText: string,
  lines: readonly string[],
  options: PDFKit.Mixins.TextOptions = {},
): void {
  if (!lines.length) return;
  heading(doc, headingText);
  for (const line of lines)
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(colours.muted)
      .text(line, { paragraphGap: 2, ...options });
}

/** "Label: value" lines, the label in bold. */
export function fields(doc: Pdf, rows: readonly (readonly [string, string])[]): void {
  for (const [label, value] of rows) {
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(colours.text)
      .text(`${label}: `, { continued: true })
      .font('regular')
      .text(value);
  }
}

/** A bordered table with a bold header row; pdfkit breaks it across pages. A column is a width or a whole style (width and alignment). */
export function table(
  doc: Pdf,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths?: readonly (number | string | PDFKit.Mixins.ColumnStyle)[],
): void {
  const headerRow = header.map((text) => ({
    text,
    font: { src: 'bold' },
    backgroundColor: '#eef2f7',
    type: 'TH' as const,
  }));
  doc.font('regular').fontSize(8.5).fillColor(colours.text);
  doc.table({
    ...(widths ? { columnStyles: [...widths] } : {}),
    defaultStyle: { border: 0.5, borderColor: colours.rule, padding: [3, 4, 3, 4] },
    data: [headerRow, ...rows.map((r) => [...r])],
  });
  doc.x = doc.page.margins.left;
  doc.moveDown(0.5);
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
