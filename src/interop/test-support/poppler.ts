// For tests only: reads PDFs back the way a reader's viewer would, with poppler-utils (pdftoppm,
// pdftotext; .ci/run installs them), and compares page images with sharp.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Uint8Array, use: (dir: string, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'mesodesk-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await use(dir, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function poppler(tool: 'pdftoppm' | 'pdftotext', args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${tool} is not installed: install poppler-utils (apt-get install poppler-utils)`);
    throw error;
  }
}

/**
 * The text pdftotext reads from every page, in UTF-8, pages separated by form feeds. In reading
 * order by default (a wrapped table cell stays together); `layout` keeps each printed line as it
 * stands, so a label and the amount beside it come out on one line.
 */
export function popplerText(pdf: Uint8Array, options: { layout?: boolean } = {}): Promise<string> {
  const mode = options.layout ? ['-layout'] : [];
  return withPdfFile(pdf, (_, file) => poppler('pdftotext', [...mode, '-enc', 'UTF-8', file, '-']));
}

/** One page (from 1) as a greyscale PNG at `dpi`, as pdftoppm draws it. */
export function pageImage(pdf: Uint8Array, page: number, dpi: number): Promise<Buffer> {
  return withPdfFile(pdf, async (dir, file) => {
    const out = join(dir, 'page');
    const p = String(page);
    await poppler('pdftoppm', ['-png', '-gray', '-r', String(dpi), '-f', p, '-l', p, '-singlefile', file, out]);
    return readFile(`${out}.png`);
  });
}

export interface ImageDifference {
  width: number;
  height: number;
  /** Pixels whose grey level differs by more than the threshold. */
  differing: number;
  /** `differing` over all pixels. */
  share: number;
}

/**
 * How many pixels of two images of the same size differ by more than `threshold` grey levels (of
 * 255): small anti-aliasing differences between renderer builds stay below it, a changed or missing
 * glyph does not. Images of different sizes throw.
 */
export async function imageDifference(a: Buffer, b: Buffer, threshold = 48): Promise<ImageDifference> {
  const grey = (png: Buffer) => sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const [x, y] = await Promise.all([grey(a), grey(b)]);
  const { width, height } = x.info;
  if (width !== y.info.width || height !== y.info.height)
    throw new Error(`images differ in size: ${width}x${height} and ${y.info.width}x${y.info.height}`);
  let differing = 0;
  for (let i = 0; i < width * height; i++) {
    if (Math.abs(x.data[x.info.channels * i]! - y.data[y.info.channels * i]!) > threshold) differing++;
  }
  return { width, height, differing, share: differing / (width * height) };
}
