import sharp, { type Metadata, type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectImageType, type ImageType } from './image-type.js';
import { maxImagePixels, reencodeImage } from './reencode-image.js';
import {
  jpegSegment,
  phoneJpegWithLocation,
  pngChunk,
  pngClaimingPixels,
  sampleImages,
} from './test-support/sample-images.js';

const jpeg: ImageType = { mime: 'image/jpeg', extension: 'jpg' };
const png: ImageType = { mime: 'image/png', extension: 'png' };
const webp: ImageType = { mime: 'image/webp', extension: 'webp' };

const secrets = ['Home Street', 'home address'];
const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/">home address</x:xmpmeta>';

/** 16×8 pixels, the left half red and the right half blue, as sharp builds them before encoding. */
function halves() {
  const raw = Buffer.alloc(16 * 8 * 3);
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 16; x++) raw.set(x < 8 ? [220, 40, 40] : [40, 40, 220], (y * 16 + x) * 3);
  return sharp(raw, { raw: { width: 16, height: 8, channels: 3 } });
}

/** `halves()` with what a phone writes: EXIF (a description and a GPS position) and XMP. */
const withCameraMetadata = (image: Sharp) =>
  image
    .withExif({
      IFD0: { ImageDescription: 'at 12 Home Street' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 26/1' },
    })
    .withXmp(xmp);

async function reencoded(input: Buffer, type: ImageType): Promise<Buffer> {
  const result = await reencodeImage(input, type);
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result.bytes;
}

/** The colour at (x, y), as red, green, blue. */
async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

const reddish = (rgb: number[]) => rgb[0]! > 150 && rgb[2]! < 100;
const bluish = (rgb: number[]) => rgb[2]! > 150 && rgb[0]! < 100;

function expectNoMetadata(meta: Metadata, bytes: Buffer) {
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.orientation).toBeUndefined();
  for (const secret of secrets) expect(bytes.toString('latin1')).not.toContain(secret);
}

describe('reencodeImage: JPEG', () => {
  it('drops EXIF (GPS included), XMP and comments, turning the picture upright by its orientation first', async () => {
    const tagged = await withCameraMetadata(halves()).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const input = Buffer.concat([
      tagged.subarray(0, 2),
      jpegSegment(0xfe, Buffer.from('taken at 12 Home Street', 'latin1')),
      tagged.subarray(2),
    ]);
    const before = await sharp(input).metadata();
    expect([before.orientation, before.exif?.includes('Home Street'), before.xmp?.includes('home address')]).toEqual([
      6,
      true,
      true,
    ]);

    const output = await reencoded(input, jpeg);
    const after = await sharp(output).metadata();
    expectNoMetadata(after, output);
    expect(detectImageType(output)).toEqual(jpeg);
    // Orientation 6 means "turn a quarter clockwise to show": the left (red) half ends on top.
    expect([after.format, after.width, after.height]).toEqual(['jpeg', 8, 16]);
    expect(reddish(await pixel(output, 4, 2))).toBe(true);
    expect(bluish(await pixel(output, 4, 13))).toBe(true);
  });

  it('turns the sample phone photo upright and drops its location', async () => {
    expect(phoneJpegWithLocation.toString('latin1')).toContain('GPS');
    const output = await reencoded(phoneJpegWithLocation, jpeg);
    const after = await sharp(output).metadata();
    expect([after.width, after.height, after.orientation, after.exif]).toEqual([2, 4, undefined, undefined]);
    expect(output.toString('latin1')).not.toContain('GPS');
    expect(reddish(await pixel(output, 0, 0))).toBe(true);
  });

  it('keeps an upright photo as it was, at a sensible size', async () => {
    const output = await reencoded(sampleImages.jpeg, jpeg);
    const after = await sharp(output).metadata();
    expect([after.width, after.height]).toEqual([4, 2]);
    expect(reddish(await pixel(output, 0, 0)) && bluish(await pixel(output, 3, 1))).toBe(true);
    // Quality 85 on a photo-like image: well under what the same pixels take at quality 100.
    const noise = sharp(Buffer.from(Array.from({ length: 256 * 256 * 3 }, (_, i) => (i * 7919) % 251)), {
      raw: { width: 256, height: 256, channels: 3 },
    });
    const best = await noise.clone().jpeg({ quality: 100 }).toBuffer();
    expect((await reencoded(best, jpeg)).length).toBeLessThan(best.length * 0.8);
  });

  it('refuses a truncated JPEG', async () => {
    expect(await reencodeImage(sampleImages.jpeg.subarray(0, sampleImages.jpeg.length - 40), jpeg)).toEqual({
      ok: false,
      problem: 'not_an_image',
    });
    expect(await reencodeImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), jpeg)).toEqual({
      ok: false,
      problem: 'not_an_image',
    });
  });
});

const pngSignature = sampleImages.png.subarray(0, 8);

describe('reencodeImage: PNG', () => {
  it('drops text chunks, EXIF and XMP and keeps the pixels', async () => {
    const tagged = await withCameraMetadata(halves()).png().toBuffer();
    // A tEXt chunk right after IHDR (8 + 25 bytes in).
    const input = Buffer.concat([
      tagged.subarray(0, 33),
      pngChunk('tEXt', Buffer.from('Location\0at 12 Home Street', 'latin1')),
      tagged.subarray(33),
    ]);
    const before = await sharp(input).metadata();
    expect([before.exif?.includes('Home Street'), before.xmp !== undefined, before.comments?.[0]?.keyword]).toEqual([
      true,
      true,
      'Location',
    ]);

    const output = await reencoded(input, png);
    const after = await sharp(output).metadata();
    expectNoMetadata(after, output);
    expect(after.comments).toBeUndefined();
    expect([after.format, after.width, after.height]).toEqual(['png', 16, 8]);
    expect(await pixel(output, 0, 0)).toEqual([220, 40, 40]);
    expect(await pixel(output, 15, 7)).toEqual([40, 40, 220]);
  });

  it('refuses, from its header alone, a PNG claiming more pixels than allowed', async () => {
    // 65 bytes claiming 100000 × 100000: decoding would need 30 GB; its pixel data is not even there.
    const bomb = pngClaimingPixels(100_000, 100_000);
    expect(bomb.length).toBeLessThan(100);
    expect(await reencodeImage(bomb, png)).toEqual({
      ok: false,
      problem: 'too_many_pixels',
      width: 100_000,
      height: 100_000,
    });
    // Exactly at the limit it gets past the header to the decoder, which then finds no pixels.
    expect(8000 * 8000).toBe(maxImagePixels);
    expect(await reencodeImage(pngClaimingPixels(8000, 8000), png)).toEqual({ ok: false, problem: 'not_an_image' });
    expect(await reencodeImage(pngClaimingPixels(8001, 8000), png)).toMatchObject({ problem: 'too_many_pixels' });
  });

  it('refuses a PNG with nothing after its signature, and a file that is not the type its first bytes name', async () => {
    expect(await reencodeImage(Buffer.concat([pngSignature, Buffer.from('no chunks at all')]), png)).toEqual({
      ok: false,
      problem: 'not_an_image',
    });
    expect(await reencodeImage(sampleImages.jpeg, png)).toEqual({ ok: false, problem: 'not_an_image' });
    expect(await reencodeImage(sampleImages.png, webp)).toEqual({ ok: false, problem: 'not_an_image' });
  });
});

describe('reencodeImage: WebP', () => {
  it('drops EXIF and XMP and keeps the picture', async () => {
    const input = await withCameraMetadata(halves()).webp({ lossless: true }).toBuffer();
    const before = await sharp(input).metadata();
    expect([before.exif?.includes('Home Street'), before.xmp !== undefined]).toEqual([true, true]);

    const output = await reencoded(input, webp);
    const after = await sharp(output).metadata();
    expectNoMetadata(after, output);
    expect([after.format, after.width, after.height]).toEqual(['webp', 16, 8]);
    expect(reddish(await pixel(output, 2, 4)) && bluish(await pixel(output, 13, 4))).toBe(true);
    expect(await reencoded(sampleImages.webp, webp)).toSatisfy(
      (bytes: Buffer) => detectImageType(bytes)?.mime === 'image/webp',
    );
  });
});
