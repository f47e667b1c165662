import type { ImageType } from './image-type.js';

/**
 * Removes what a camera or phone writes beside the picture — EXIF (GPS position, device, time), XMP,
 * IPTC, comments and text chunks — so a photo a patient uploads from home does not carry where home
 * is. JPEG keeps one thing from its EXIF: the orientation, without which portrait phone photos would
 * show on their side. Colour profiles and everything needed to decode the picture stay.
 *
 * Written as a small segment walker over the three accepted formats: the image libraries that do
 * this either ship native binaries or only read metadata. Returns undefined for a file whose
 * structure is broken (it is then refused as not an image).
 */
export function stripImageMetadata(bytes: Buffer, type: ImageType): Buffer | undefined {
  switch (type.mime) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
  }
}

const APP1 = 0xe1;
const APP13 = 0xed;
const COM = 0xfe;
const SOS = 0xda;
const EOI = 0xd9;
const exifHeader = Buffer.from('Exif\0\0', 'latin1');

function stripJpeg(bytes: Buffer): Buffer | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let orientation: number | undefined;
  let at = 2;
  for (;;) {
    // Markers may be preceded by any number of 0xFF fill bytes.
    while (bytes[at] === 0xff && bytes[at + 1] === 0xff) at += 1;
    if (at + 1 >= bytes.length || bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === EOI) {
      kept.push(bytes.subarray(at));
      break;
    }
    if (at + 4 > bytes.length) return undefined;
    const length = bytes.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return undefined;
    if (marker === SOS) {
      // From the first scan on it is picture data (and later markers belong to it): kept as it is.
      kept.push(bytes.subarray(at));
      break;
    }
    const segment = bytes.subarray(at, end);
    const payload = segment.subarray(4);
    if (marker === APP1 && payload.subarray(0, 6).equals(exifHeader)) orientation ??= exifOrientation(payload.subarray(6));
    const metadata = marker === APP1 || marker === APP13 || marker === COM;
    if (!metadata) kept.push(segment);
    at = end;
  }
  // The orientation goes back as a minimal EXIF segment right after the start of the image.
  if (orientation !== undefined && orientation !== 1) kept.splice(1, 0, orientationSegment(orientation));
  return Buffer.concat(kept);
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF structure, if it is there and sane. */
function exifOrientation(tiff: Buffer): number | undefined {
  if (tiff.length < 8) return undefined;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** APP1 with "Exif", a big-endian TIFF header and an IFD0 holding only the orientation. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  const payload = Buffer.concat([exifHeader, tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | APP1, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

const pngDroppedChunks = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(bytes: Buffer): Buffer | undefined {
  const signature = 8;
  if (bytes.length < signature) return undefined;
  const kept: Buffer[] = [bytes.subarray(0, signature)];
  let at = signature;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) return undefined;
    const length = bytes.readUInt32BE(at);
    const name = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) return undefined;
    if (!pngDroppedChunks.has(name)) kept.push(bytes.subarray(at, end));
    at = end;
    if (name === 'IEND') break;
  }
  return Buffer.concat(kept);
}

const webpDroppedChunks = new Set(['EXIF', 'XMP ']);
// VP8X flag bits announcing the chunks above.
const vp8xExifFlag = 0x08;
const vp8xXmpFlag = 0x04;

function stripWebp(bytes: Buffer): Buffer | undefined {
  if (bytes.length < 12) return undefined;
  const kept: Buffer[] = [];
  let at = 12;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return undefined;
    const name = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    // Chunks are padded to an even size.
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > bytes.length) return undefined;
    const chunk = Buffer.from(bytes.subarray(at, Math.min(end, bytes.length)));
    if (name === 'VP8X' && chunk.length > 8) chunk[8] = chunk[8]! & ~(vp8xExifFlag | vp8xXmpFlag);
    if (!webpDroppedChunks.has(name)) kept.push(chunk);
    at = end;
  }
  const body = Buffer.concat(kept);
  const head = Buffer.from(bytes.subarray(0, 12));
  head.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([head, body]);
}
