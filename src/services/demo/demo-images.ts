import type { SeededRandom } from '../../storage/seed-large/seeded-random.js';

/**
 * The demo's pictures, drawn rather than photographed: before and after "photos" that are soft
 * colour fields marked ILLUSTRATIVE across the top, and drawn signatures for the consent forms.
 * Letters are strokes of their own (below), not text, so the images come out the same on every
 * machine, fonts installed or not.
 */

/**
 * Capital letters on a 4 × 6 grid (y down): strokes separated by `|`, each a run of points written
 * as two digits, x then y ("06 02" is (0, 6) then (0, 2)).
 */
const glyphs: Record<string, string> = {
  A: '06 02 20 42 46|04 44',
  B: '00 06 36 45 44 33 03|00 30 41 42 33',
  E: '40 00 06 46|03 33',
  F: '40 00 06|03 33',
  I: '00 40|20 26|06 46',
  L: '00 06 46',
  O: '10 30 41 45 36 16 05 01 10',
  R: '06 00 30 41 42 33 03|23 46',
  S: '41 30 10 01 02 13 33 44 45 36 16 05',
  T: '00 40|20 26',
  U: '00 05 16 36 45 40',
  V: '00 26 40',
};

/** An SVG path drawing `text` (the letters above, and spaces) from (x, y), each grid unit `unit` pixels. */
export function strokeText(text: string, x: number, y: number, unit: number): string {
  const parts: string[] = [];
  [...text.toUpperCase()].forEach((char, i) => {
    const left = x + i * 6 * unit;
    for (const stroke of glyphs[char]?.split('|') ?? [])
      parts.push(
        stroke
          .split(' ')
          .map((xy, j) => `${j === 0 ? 'M' : 'L'}${left + Number(xy[0]) * unit} ${y + Number(xy[1]) * unit}`)
          .join(' '),
      );
  });
  return parts.join(' ');
}

/** Width in pixels of `text` drawn by `strokeText`. */
export function strokeTextWidth(text: string, unit: number): number {
  return (text.length * 6 - 2) * unit;
}

const skinTones = [
  ['#f1d3bd', '#d9a58a'],
  ['#e8c2a0', '#c48e6a'],
  ['#d9a97e', '#a8734f'],
  ['#c68e62', '#8d5a3b'],
] as const;

export interface IllustrativePhotoInput {
  kind: 'before' | 'after';
  /** Which skin tone (any number; the same for one patient's before and after). */
  tone: number;
  random: SeededRandom;
}

export const demoPhotoSize = { width: 800, height: 600 };

/**
 * An SVG standing in for a clinical photo: a skin-coloured field, blotchier before than after,
 * with ILLUSTRATIVE in a band across the top and BEFORE or AFTER below.
 */
export function illustrativePhotoSvg({ kind, tone, random }: IllustrativePhotoInput): string {
  const { width, height } = demoPhotoSize;
  const [light, dark] = skinTones[Math.abs(Math.trunc(tone)) % skinTones.length] ?? skinTones[0];
  const blotches = Array.from({ length: kind === 'before' ? 14 : 4 }, () => {
    const r = random.int(18, 60);
    const opacity = kind === 'before' ? random.between(0.18, 0.32) : random.between(0.05, 0.1);
    return `<circle cx="${random.int(60, width - 60)}" cy="${random.int(140, height - 90)}" r="${r}" fill="#b8544f" fill-opacity="${opacity.toFixed(2)}"/>`;
  }).join('');
  const banner = 'ILLUSTRATIVE';
  const unit = 6;
  const bannerX = (width - strokeTextWidth(banner, unit)) / 2;
  const label = kind === 'before' ? 'BEFORE' : 'AFTER';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><radialGradient id="skin" cx="50%" cy="55%" r="70%"><stop offset="0%" stop-color="${light}"/><stop offset="100%" stop-color="${dark}"/></radialGradient>
<filter id="soft"><feGaussianBlur stdDeviation="14"/></filter></defs>
<rect width="${width}" height="${height}" fill="url(#skin)"/>
<g filter="url(#soft)">${blotches}</g>
<rect width="${width}" height="76" fill="#1f2933" fill-opacity="0.72"/>
<path d="${strokeText(banner, bannerX, 20, unit)}" fill="none" stroke="#ffffff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
<rect y="${height - 60}" width="${width}" height="60" fill="#1f2933" fill-opacity="0.55"/>
<path d="${strokeText(label, 24, height - 45, 5)}" fill="none" stroke="#ffffff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

/** A drawn signature: a capital, a run of joined loops, humps and dips, and an underline, different for each signer. */
export function signatureSvg(random: SeededRandom): string {
  const width = 360;
  const height = 100;
  const base = 62;
  let x = 24;
  // The capital: a tall stroke with a loop back across it.
  const path = [`M${x} ${base} C${x + 4} ${base - 50} ${x + 22} ${base - 52} ${x + 14} ${base - 20}`];
  path.push(`C${x + 8} ${base - 4} ${x - 6} ${base - 20} ${x + 18} ${base - 24}`);
  x += 18;
  while (x < width - 70) {
    const shape = random.pick(['loop', 'hump', 'dip', 'hump'] as const);
    const w = random.int(12, 22);
    if (shape === 'loop') {
      const top = base - random.int(34, 46);
      path.push(`C${x + w} ${top} ${x - 4} ${top} ${x + w / 2} ${base}`);
    } else if (shape === 'hump') {
      const top = base - random.int(14, 24);
      path.push(`C${x + 2} ${top} ${x + w - 2} ${top} ${x + w} ${base}`);
    } else {
      const low = base + random.int(4, 10);
      path.push(`C${x + 2} ${low} ${x + w - 2} ${low} ${x + w} ${base - random.int(8, 16)}`);
    }
    x += shape === 'loop' ? w / 2 : w;
  }
  path.push(`M${random.int(20, 50)} ${base + 18} Q${width / 2} ${base + random.int(8, 16)} ${x + 10} ${base + 12}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<path d="${path.join(' ')}" fill="none" stroke="#1b2a4a" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

type SharpFunction = typeof import('sharp').default;
let loading: Promise<SharpFunction> | undefined;
/** sharp is loaded when the demo is made, not when the server starts. */
function loadSharp(): Promise<SharpFunction> {
  loading ??= import('sharp').then(({ default: sharp }) => sharp);
  return loading;
}

/** The SVG as a JPEG, as a camera would give it. */
export async function renderJpeg(svg: string): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** The SVG as a PNG data URL, as the signature pad sends it. */
export async function renderPngDataUrl(svg: string): Promise<string> {
  const sharp = await loadSharp();
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}
