/** Tiny, well-formed images of each accepted format (segments and chunks intact), for tests. */
export const sampleImages = {
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L'), Buffer.from([0x0d, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00])]),
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

/** A phone photo as it arrives: the sample JPEG with EXIF (orientation 6 and a location) and a comment. */
export const phoneJpegWithLocation: Buffer = Buffer.concat([
  sampleImages.jpeg.subarray(0, 2),
  jpegSegment(0xe1, exifBlock(6, 'GPS 51.5072N 0.1276W')),
  jpegSegment(0xfe, Buffer.from('12 Home Street', 'latin1')),
  sampleImages.jpeg.subarray(2),
]);
