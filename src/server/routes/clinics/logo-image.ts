import { z } from 'zod';
import { detectImageType } from '../../uploads/image-type.js';
import { tooLargeIssue } from '../../validation/validator-compiler.js';

/** A logo is printed about 4 cm wide: half a megabyte is far more than it needs. */
export const maxLogoBytes = 512 * 1024;

const DATA_URL = /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/]*={0,2})$/;
const tooLargeMessage = `must be at most ${maxLogoBytes / 1024} KiB`;
/** The longest data URL of an allowed image (JPEG's prefix is the longer one): longer ones are refused before decoding. */
const maxUrlLength = 'data:image/jpeg;base64,'.length + Math.ceil(maxLogoBytes / 3) * 4;

export interface LogoBytes {
  mime: 'image/png' | 'image/jpeg';
  bytes: Buffer;
}

/** The image a logo data URL holds, or why it is not one (the size problem being `tooLargeMessage`). */
export function readLogoDataUrl(url: string): LogoBytes | string {
  const match = DATA_URL.exec(url);
  if (!match) return 'must be a base64 data: URL of a PNG or JPEG image';
  const bytes = Buffer.from(match[2] ?? '', 'base64');
  if (bytes.length > maxLogoBytes) return tooLargeMessage;
  const mime = match[1] as LogoBytes['mime'];
  if (detectImageType(bytes)?.mime !== mime) return `is not a valid ${mime} file`;
  return { mime, bytes };
}

/** A logo over the limit is answered 413, like a body over the server's limit. */
export const logoImage = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a PNG or JPEG data URL') })
  .superRefine((url, ctx) => {
    const read = url.length > maxUrlLength ? tooLargeMessage : readLogoDataUrl(url);
    if (typeof read === 'string')
      ctx.addIssue({ code: 'custom', message: read, ...(read === tooLargeMessage ? { params: tooLargeIssue } : {}) });
  })
  .meta({ maxLength: maxUrlLength });
