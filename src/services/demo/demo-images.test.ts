import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { seededRandom } from '../../storage/seed-large/seeded-random.js';
import {
  illustrativePhotoSvg,
  renderJpeg,
  renderPngDataUrl,
  signatureSvg,
  strokeText,
  strokeTextWidth,
} from './demo-images.js';

describe('the demo images', () => {
  it('draws every letter of the marks, and only known letters', () => {
    for (const word of ['ILLUSTRATIVE', 'BEFORE', 'AFTER'])
      for (const letter of word) expect(strokeText(letter, 0, 0, 1), letter).toMatch(/^M/);
    expect(strokeText('I', 10, 20, 2)).toBe('M10 20 L18 20 M14 20 L14 32 M10 32 L18 32');
    expect(strokeText('?', 0, 0, 1)).toBe('');
  });

  it('marks every photo as illustrative, and says before or after', async () => {
    const random = seededRandom(1);
    for (const kind of ['before', 'after'] as const) {
      const svg = illustrativePhotoSvg({ kind, tone: 2, random });
      expect(svg).toContain(strokeText('ILLUSTRATIVE', (800 - strokeTextWidth('ILLUSTRATIVE', 6)) / 2, 20, 6));
      expect(svg).toContain(strokeText(kind.toUpperCase(), 24, 555, 5));
      const jpeg = await renderJpeg(svg);
      expect(await sharp(jpeg).metadata()).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
    }
  });

  it('draws signatures as complete PNG data URLs, different for each signer', async () => {
    const first = await renderPngDataUrl(signatureSvg(seededRandom(1)));
    const second = await renderPngDataUrl(signatureSvg(seededRandom(2)));
    expect(first).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(first).not.toBe(second);
  });
});
