import { describe, expect, it } from 'vitest';
import { detectImageType } from './image-type.js';
import { sampleImages } from './test-support/sample-images.js';

describe('detectImageType', () => {
  it('recognises JPEG, PNG and WebP by their first bytes', () => {
    expect(detectImageType(sampleImages.jpeg)).toEqual({ mime: 'image/jpeg', extension: 'jpg' });
    expect(detectImageType(sampleImages.png)).toEqual({ mime: 'image/png', extension: 'png' });
    expect(detectImageType(sampleImages.webp)).toEqual({ mime: 'image/webp', extension: 'webp' });
  });

  it('refuses everything else, whatever it claims to be', () => {
    expect(detectImageType(Buffer.from('GIF89a........'))).toBeUndefined();
    expect(detectImageType(Buffer.from('%PDF-1.7 not an image'))).toBeUndefined();
    expect(detectImageType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(detectImageType(Buffer.from([0xff, 0xd8]))).toBeUndefined();
    expect(detectImageType(new Uint8Array())).toBeUndefined();
  });
});
