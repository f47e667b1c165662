import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteWithImage, imagePath } from './stored-images.js';

describe('deleteWithImage', () => {
  let dataDir: string;
  const relative = imagePath('patient-1', 'image-1', 'png');
  const file = () => join(dataDir, relative);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-stored-images-'));
    mkdirSync(dirname(file()), { recursive: true });
    writeFileSync(file(), 'image bytes');
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('removes the file once the row is deleted, and the row is deleted while the file is aside', async () => {
    let seenDuringDelete: boolean | undefined;
    await deleteWithImage(dataDir, relative, async () => {
      seenDuringDelete = existsSync(file());
    });
    expect(seenDuringDelete).toBe(false);
    expect(readdirSync(dirname(file()))).toEqual([]);
  });

  it('puts the file back when the row stays, and passes the error on', async () => {
    const refused = new Error('row kept');
    await expect(
      deleteWithImage(dataDir, relative, async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(readdirSync(dirname(file()))).toEqual(['image-1.png']);
  });

  it('deletes the row of an image whose file is already gone', async () => {
    rmSync(file());
    let deleted = false;
    await deleteWithImage(dataDir, relative, async () => {
      deleted = true;
    });
    expect(deleted).toBe(true);
  });
});
