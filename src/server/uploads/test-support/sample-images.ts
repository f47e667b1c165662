import { crc32 } from 'node:zlib';

/**
 * Tiny images of each accepted format that really decode (uploads are re-encoded), for tests: a 4×2
 * JPEG whose left half is red and right half blue (so a rotation shows), a 1×1 PNG and a 1×1 WebP.
 */
export const sampleImages = {
  jpeg: Buffer.from(
    '/9j/2wBDAAUDBAQEAwUEBAQFBQUGBwwIBwcHBw8LCwkMEQ8SEhEPERETFhwXExQaFRERGCEYGh0dHx8fExciJCIeJBweHx7/2wBDAQUFBQcGBw4ICA4eFBEUHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh7/wAARCAACAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAaEAEAAQUAAAAAAAAAAAAAAAAAAQMFNYKy/8QAFQEBAQAAAAAAAAAAAAAAAAAAAgf/xAAcEQAABwEBAAAAAAAAAAAAAAAAAQIENXOyBQb/2gAMAwEAAhEDEQA/AJDfMpW15gBePPRLWtGSA7so5sXox//Z',
    'base64',
  ),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
  webp: Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([0x1a, 0, 0, 0]),
    Buffer.from('WEBPVP8L'),
    Buffer.from([0x0d, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00]),
  ]),
};

/**
 * The EXIF block a phone writes (after the JPEG segment header): a big-endian TIFF whose IFD0 holds
 * the orientation, followed by `note` as text (a location, say, for tests to look for).
 */
export function exifBlock(orientation: number, note: string): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + note.length);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.write(note, 26, 'latin1');
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

/** A JPEG segment: marker, length, payload. */
export function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/**
 * A phone photo as it arrives: the sample JPEG with EXIF (orientation 6: turn it a quarter clockwise
 * to show it, 2×4 upright) and a location, and a comment.
 */
export const phoneJpegWithLocation: Buffer = Buffer.concat([
  sampleImages.jpeg.subarray(0, 2),
  jpegSegment(0xe1, exifBlock(6, 'GPS 51.5072N 0.1276W')),
  jpegSegment(0xfe, Buffer.from('12 Home Street', 'latin1')),
  sampleImages.jpeg.subarray(2),
]);

/** A PNG chunk: length, type, data and its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A well-formed PNG of a few dozen bytes whose header claims `width` × `height` 8-bit RGB pixels,
 * though its pixel data is an empty stream: what a decompression bomb looks like from its header.
 */
export function pngClaimingPixels(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const emptyZlibStream = Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
  return Buffer.concat([
    sampleImages.png.subarray(0, 8),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', emptyZlibStream),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
