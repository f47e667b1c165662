import type { FormatEnum, Metadata } from 'sharp';
import type { ImageType } from './image-type.js';

/**
 * The most pixels an upload may have: room for the 48-50 MP photos phone cameras take at full
 * resolution (their 108-200 MP modes rarely fit in the upload's bytes anyway), and a bound on the
 * memory one decode takes (about 200 MB at three bytes a pixel).
 */
export const maxImagePixels = 64_000_000;

/** Quality of re-encoded JPEG and WebP: the usual setting for photos, no visible loss at a fraction of the bytes of 100. */
export const reencodeQuality = 85;

type SharpFunction = typeof import('sharp').default;

let loading: Promise<SharpFunction> | undefined;
/** sharp (with libvips) is loaded on the first upload, not at import: it would add about 120 ms to every server start. */
function loadSharp(): Promise<SharpFunction> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    // Every upload is a new image, so libvips' operation cache would only keep patients' pictures in memory.
    sharp.cache(false);
    return sharp;
  });
  return loading;
}

export type ReencodedImage =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: 'not_an_image' }
  | { ok: false; problem: 'too_many_pixels'; width: number; height: number };

const sharpFormat = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const satisfies Record<
  ImageType['mime'],
  keyof FormatEnum
>;

/** Only the header: no pixel limit yet, so that an oversized image is told apart from a broken one. */
async function header(sharp: SharpFunction, input: Buffer): Promise<Metadata | undefined> {
  try {
    return await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return undefined;
  }
}

/**
 * Decodes an uploaded image and writes it again in its own format, which drops everything a camera
 * or phone writes beside the picture (EXIF with the GPS position, XMP, IPTC, comments, text chunks)
 * so that a photo taken at home does not carry where home is. The EXIF orientation is applied to the
 * pixels first, so portrait phone photos stay upright without it; colours are converted to sRGB.
 *
 * The header is read before anything is decoded: an image claiming more than `maxImagePixels` is
 * refused there, whatever its file size, and so is one that is not the format its first bytes say.
 * A file that does not decode cleanly (truncated, corrupt) is refused rather than stored half grey.
 */
export async function reencodeImage(input: Buffer, type: ImageType): Promise<ReencodedImage> {
  const sharp = await loadSharp();
  const format = sharpFormat[type.mime];
  const meta = await header(sharp, input);
  if (!meta || meta.format !== format) return { ok: false, problem: 'not_an_image' };
  // Animated WebP: only the first frame is decoded, so that is the size that counts.
  const height = meta.pageHeight ?? meta.height;
  if (meta.width * height > maxImagePixels) return { ok: false, problem: 'too_many_pixels', width: meta.width, height };
  const image = sharp(input, { limitInputPixels: maxImagePixels, failOn: 'warning' }).autoOrient();
  const encoded =
    format === 'png'
      ? image.png()
      : format === 'webp'
        ? image.webp({ quality: reencodeQuality })
        : image.jpeg({ quality: reencodeQuality });
  try {
    return { ok: true, bytes: await encoded.toBuffer() };
  } catch {
    return { ok: false, problem: 'not_an_image' };
  }
}
