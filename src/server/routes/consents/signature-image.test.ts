import { describe, expect, it } from 'vitest';
import { maxSignatureBytes, signatureImage, signatureImageProblem } from './signature-image.js';

/** A 1×1 PNG. */
const tinyPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const pngBytes = () => Buffer.from(tinyPng, 'base64');
const asUrl = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;

describe('signature image', () => {
  it('accepts a complete PNG data URL', () => {
    expect(signatureImageProblem(`data:image/png;base64,${tinyPng}`)).toBeUndefined();
    expect(signatureImage.safeParse(`data:image/png;base64,${tinyPng}`).success).toBe(true);
  });

  it('refuses other types, broken base64 and bytes that are not a whole PNG', () => {
    expect(signatureImageProblem(`data:image/jpeg;base64,${tinyPng}`)).toMatch(/PNG data URL/);
    expect(signatureImageProblem(tinyPng)).toMatch(/PNG data URL/);
    expect(signatureImageProblem('data:image/png;base64,abc')).toMatch(/base64/);
    expect(signatureImageProblem('data:image/png;base64,ab c')).toMatch(/base64/);
    expect(signatureImageProblem(asUrl(Buffer.from('GIF89a not a png at all, but long enough to look at')))).toBe(
      'must be a PNG image',
    );
    const cut = pngBytes().subarray(0, pngBytes().length - 12);
    expect(signatureImageProblem(asUrl(cut))).toMatch(/cut short/);
    const noWidth = pngBytes();
    noWidth.writeUInt32BE(0, 16);
    expect(signatureImageProblem(asUrl(noWidth))).toMatch(/pixels/);
    const huge = pngBytes();
    huge.writeUInt32BE(100_000, 20);
    expect(signatureImageProblem(asUrl(huge))).toMatch(/pixels/);
  });

  it('refuses images over the size limit, before decoding very long strings', () => {
    const png = pngBytes();
    const padded = Buffer.concat([png.subarray(0, 33), Buffer.alloc(maxSignatureBytes), png.subarray(33)]);
    expect(signatureImageProblem(asUrl(padded))).toMatch(/at most 256 KiB/);
    const parsed = signatureImage.safeParse(asUrl(padded));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(['must be at most 256 KiB']);
  });
});
