import { describe, expect, it } from 'vitest';
import { DataUrlError, decodeImageDataUrl, MAX_SIGNATURE_BYTES } from './data-url.js';
import { tinyPng, tinyPngDataUrl } from './test-support/tiny-png.js';

describe('decodeImageDataUrl', () => {
  it('decodes a PNG data URL', () => {
    expect(decodeImageDataUrl(tinyPngDataUrl())).toEqual({ mime: 'image/png', bytes: tinyPng() });
  });

  it('accepts JPEG by its magic bytes', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    expect(decodeImageDataUrl(`data:image/jpeg;base64,${jpeg.toString('base64')}`).mime).toBe('image/jpeg');
  });

  it('refuses other types, mismatched bytes, non-data URLs and oversized images', () => {
    for (const bad of [
      'data:image/svg+xml;base64,PHN2Zz4=',
      `data:image/png;base64,${Buffer.from('GIF89a').toString('base64')}`,
      'https://example.org/signature.png',
      `data:image/png;base64,${Buffer.concat([tinyPng(), Buffer.alloc(MAX_SIGNATURE_BYTES)]).toString('base64')}`,
    ])
      expect(() => decodeImageDataUrl(bad)).toThrow(DataUrlError);
  });
});
