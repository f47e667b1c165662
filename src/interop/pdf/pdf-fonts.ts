import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * DejaVu Sans is embedded (as a subset) because pdfkit's built-in fonts are WinAnsi only: Turkish
 * "İ, ğ, ş, ı", Greek or Cyrillic would come out as wrong glyphs. The two faces live beside this
 * file in fonts/ (see its README); the path goes through the repository root, so the compiled copy
 * in dist/ finds the same files without the build copying them.
 */
const fontsDir = new URL('../../../src/interop/pdf/fonts/', import.meta.url);

export const fontFiles = {
  regular: fileURLToPath(new URL('DejaVuSans.ttf', fontsDir)),
  bold: fileURLToPath(new URL('DejaVuSans-Bold.ttf', fontsDir)),
} as const;

export type FontName = keyof typeof fontFiles;

const cache = new Map<FontName, Buffer>();

/** The font bytes, read once per process: documents are made per request. */
export function fontBytes(name: FontName): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(fontFiles[name]);
    cache.set(name, bytes);
  }
  return bytes;
}
