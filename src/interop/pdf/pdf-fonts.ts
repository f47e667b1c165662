import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans is embedded (as a subset) because pdfkit's built-in fonts are WinAnsi only: Turkish
 * "İ, ğ, ş, ı", Greek or Cyrillic would come out as wrong glyphs.
 */
export const fontFiles = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
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
