import { z } from 'zod';
import { tooLargeIssue } from '../../validation/validator-compiler.js';

/** Drawn signatures are a few kilobytes; this leaves room for a large canvas, not for photos. */
export const maxSignatureBytes = 256 * 1024;
/** Wider or taller than this is not a signature pad. */
const maxSidePixels = 4096;

const prefix = 'data:image/png;base64,';
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The IEND chunk is always the same 12 bytes (empty, fixed CRC); a PNG without it was cut short. */
const pngEnd = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

const tooLargeMessage = `must be at most ${maxSignatureBytes / 1024} KiB`;

/**
 * Why `url` is not a usable drawn signature, or undefined when it is: a base64 PNG data URL whose
 * bytes really are a complete PNG of sensible size. The PDF consent form embeds it later, and a
 * mislabelled or truncated image would only fail there, long after the patient left.
 */
export function signatureImageProblem(url: string): string | undefined {
  if (!url.startsWith(prefix)) return `must be a PNG data URL (${prefix}…)`;
  const payload = url.slice(prefix.length);
  if (payload.length % 4 !== 0 || !base64.test(payload)) return 'must be valid base64 after the data URL prefix';
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.length > maxSignatureBytes) return tooLargeMessage;
  if (bytes.length < pngMagic.length + 25 + pngEnd.length || !bytes.subarray(0, pngMagic.length).equals(pngMagic))
    return 'must be a PNG image';
  // The first chunk must be IHDR (13 bytes of data) giving the width and height.
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR')
    return 'must be a PNG image (no IHDR header)';
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > maxSidePixels || height > maxSidePixels)
    return `must be between 1 and ${maxSidePixels} pixels wide and high`;
  if (!bytes.subarray(bytes.length - pngEnd.length).equals(pngEnd))
    return 'must be a complete PNG image (it is cut short)';
  return undefined;
}

/** Base64 of the largest image allowed, with the prefix: longer strings are refused before decoding. */
const maxUrlLength = prefix.length + Math.ceil(maxSignatureBytes / 3) * 4;

/** An image over the limit is answered 413, like a body over the server's limit. */
export const signatureImage = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a PNG data URL') })
  .superRefine((url, ctx) => {
    const problem = url.length > maxUrlLength ? tooLargeMessage : signatureImageProblem(url);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem,
        ...(problem === tooLargeMessage ? { params: tooLargeIssue } : {}),
      });
  })
  .meta({ maxLength: maxUrlLength });
