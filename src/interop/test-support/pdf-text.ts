// pdfjs-dist is a dev dependency: this module is for tests only.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  pages: string[];
  /** All pages' text, lines joined with newlines. */
  text: string;
  /** The text with every run of whitespace (line breaks from wrapping included) as one space. */
  flat: string;
  /** How many images are painted, over all pages. */
  images: number;
}

/** The text of each page, one line per run of text items on the same baseline. */
export async function extractPdf(pdf: Uint8Array): Promise<PdfContent> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  let images = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const lines: string[] = [];
    let y: number | undefined;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const itemY = item.transform[5] as number;
      if (y !== undefined && Math.abs(itemY - y) < 1 && lines.length) lines[lines.length - 1] += item.str;
      else lines.push(item.str);
      y = itemY;
      if (item.hasEOL) y = undefined;
    }
    pages.push(lines.join('\n'));
    const ops = await page.getOperatorList();
    images += ops.fnArray.filter((f) => f === OPS.paintImageXObject || f === OPS.paintInlineImageXObject).length;
  }
  await doc.destroy();
  const text = pages.join('\n');
  return { pages, text, flat: text.replace(/\s+/g, ' '), images };
}
