import { describe, expect, it } from 'vitest';
import { detectImageType, type ImageType } from './image-type.js';
import { exifBlock, jpegSegment, sampleImages } from './sample-images.js';

const exif = (orientation: number) => exifBlock(orientation, 'GPS 51.5072N 0.1276W');
import { stripImageMetadata } from './strip-image-metadata.js';

const jpeg: ImageType = { mime: 'image/jpeg', extension: 'jpg' };
const png: ImageType = { mime: 'image/png', extension: 'png' };
const webp: ImageType = { mime: 'image/webp', extension: 'webp' };

const jfif = jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
const quantTable = jpegSegment(0xdb, Buffer.alloc(65, 1));
// The scan: its header, then entropy-coded bytes (with a stuffed 0xFF00) up to the end marker.
const scan = Buffer.concat([jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])), Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd9])]);

function photo(...segments: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments, scan]);
}

describe('stripImageMetadata: JPEG', () => {
  it('drops EXIF (GPS), XMP, IPTC and comments but keeps the orientation and the picture', () => {
    const xmp = jpegSegment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>home address</x:xmpmeta>', 'latin1'));
    const iptc = jpegSegment(0xed, Buffer.from('Photoshop 3.0\0city: London', 'latin1'));
    const comment = jpegSegment(0xfe, Buffer.from('taken at 12 Home Street', 'latin1'));
    const original = photo(jfif, jpegSegment(0xe1, exif(6)), xmp, iptc, comment, quantTable);
    const stripped = stripImageMetadata(original, jpeg)!;
    const text = stripped.toString('latin1');
    for (const secret of ['GPS', 'home address', 'London', 'Home Street']) expect(text).not.toContain(secret);
    expect(stripped.subarray(stripped.length - scan.length)).toEqual(scan);
    expect(stripped.includes(jfif)).toBe(true);
    expect(stripped.includes(quantTable)).toBe(true);
    // A minimal EXIF right after the start of the image, holding only orientation 6.
    expect(stripped.subarray(2, 4)).toEqual(Buffer.from([0xff, 0xe1]));
    const tiff = stripped.subarray(2 + 4 + 6);
    expect(tiff.toString('latin1', 0, 2)).toBe('MM');
    expect(tiff.readUInt16BE(8)).toBe(1);
    expect(tiff.readUInt16BE(10)).toBe(0x0112);
    expect(tiff.readUInt16BE(18)).toBe(6);
    expect(detectImageType(stripped)).toEqual(jpeg);
  });

  it('adds no EXIF when the photo was upright, and leaves a clean photo unchanged', () => {
    const upright = stripImageMetadata(photo(jfif, jpegSegment(0xe1, exif(1)), quantTable), jpeg)!;
    expect(upright).toEqual(photo(jfif, quantTable));
    const clean = photo(jfif, quantTable);
    expect(stripImageMetadata(clean, jpeg)).toEqual(clean);
    expect(stripImageMetadata(sampleImages.jpeg, jpeg)).toEqual(sampleImages.jpeg);
  });

  it('refuses a JPEG whose segments run past its end', () => {
    const truncated = photo(jfif, quantTable).subarray(0, 2 + jfif.length + 10);
    expect(stripImageMetadata(truncated, jpeg)).toBeUndefined();
    expect(stripImageMetadata(Buffer.from([0xff, 0xd8, 0x00, 0x01]), jpeg)).toBeUndefined();
  });
});

function pngChunk(name: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  // The CRC is not checked by the stripper; zeros keep the test about structure.
  return Buffer.concat([length, Buffer.from(name, 'latin1'), data, Buffer.alloc(4)]);
}

describe('stripImageMetadata: PNG', () => {
  it('drops text, EXIF and time chunks and keeps the image chunks in order', () => {
    const signature = sampleImages.png.subarray(0, 8);
    const ihdr = pngChunk('IHDR', Buffer.alloc(13, 1));
    const idat = pngChunk('IDAT', Buffer.from('pixels'));
    const iend = pngChunk('IEND', Buffer.alloc(0));
    const original = Buffer.concat([signature, ihdr, pngChunk('tEXt', Buffer.from('Location\0Home')), pngChunk('eXIf', exif(6).subarray(6)), pngChunk('tIME', Buffer.alloc(7)), idat, pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0GPS')), iend]);
    expect(stripImageMetadata(original, png)).toEqual(Buffer.concat([signature, ihdr, idat, iend]));
    expect(stripImageMetadata(sampleImages.png, png)).toEqual(sampleImages.png);
    expect(stripImageMetadata(original.subarray(0, original.length - 6), png)).toBeUndefined();
  });
});

function riffChunk(name: string, data: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  return Buffer.concat([Buffer.from(name, 'latin1'), size, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

const riff = (...chunks: Buffer[]) => {
  const body = Buffer.concat([Buffer.from('WEBP'), ...chunks]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF'), size, body]);
};

describe('stripImageMetadata: WebP', () => {
  it('drops EXIF and XMP chunks, clears their flags and fixes the RIFF size', () => {
    const flags = Buffer.alloc(10);
    flags[0] = 0x08 | 0x04 | 0x20; // EXIF, XMP and ICC
    const icc = riffChunk('ICCP', Buffer.from('profile'));
    const picture = riffChunk('VP8L', Buffer.from('lossless!'));
    const original = riff(riffChunk('VP8X', flags), icc, picture, riffChunk('EXIF', exif(3).subarray(6)), riffChunk('XMP ', Buffer.from('<x:xmpmeta>GPS</x:xmpmeta>')));
    const kept = Buffer.from(flags);
    kept[0] = 0x20;
    expect(stripImageMetadata(original, webp)).toEqual(riff(riffChunk('VP8X', kept), icc, picture));
    expect(stripImageMetadata(sampleImages.webp, webp)).toEqual(sampleImages.webp);
  });
});
