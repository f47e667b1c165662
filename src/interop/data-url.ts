/** A decoded `data:` URL of a signature image. Only PNG and JPEG: what pdfkit can embed. */
export interface DataUrlImage {
  mime: 'image/png' | 'image/jpeg';
  bytes: Buffer;
}

const DATA_URL = /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/=\s]+)$/;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
/** A drawn signature is a few tens of kilobytes; anything far larger is not one. */
export const MAX_SIGNATURE_BYTES = 2 * 1024 * 1024;

export class DataUrlError extends Error {}

/**
 * Decodes and checks the image: the declared type must match the bytes, because the stored URL
 * came from a browser and pdfkit would otherwise fail deep inside with an unhelpful message.
 */
export function decodeImageDataUrl(url: string): DataUrlImage {
  const m = DATA_URL.exec(url.trim());
  if (!m) throw new DataUrlError('signature image must be a base64 data: URL of a PNG or JPEG image');
  const mime = m[1] as DataUrlImage['mime'];
  const bytes = Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES)
    throw new DataUrlError(`signature image is larger than ${MAX_SIGNATURE_BYTES} bytes`);
  const magic = mime === 'image/png' ? PNG_MAGIC : JPEG_MAGIC;
  if (bytes.length < magic.length || !bytes.subarray(0, magic.length).equals(magic))
    throw new DataUrlError(`signature image is not a valid ${mime === 'image/png' ? 'PNG' : 'JPEG'} file`);
  return { mime, bytes };
}
