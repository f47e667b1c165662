import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { imageFile } from '../../storage/image-files.js';

/**
 * Clinical images on disk: `<dataDir>/photos/<patientId>/<imageId>.<extension>`. The database keeps
 * the path relative to the data folder (with `/`), so the folder can move; names come only from
 * ids, never from what the client sent.
 */

const safeName = /^[A-Za-z0-9_-]+$/;

export function imagePath(patientId: string, imageId: string, extension: string): string {
  if (!safeName.test(patientId) || !safeName.test(imageId) || !safeName.test(extension))
    throw new Error(`unsafe image path parts: ${patientId}/${imageId}.${extension}`);
  return `photos/${patientId}/${imageId}.${extension}`;
}

/** Moves an upload into place (a rename: the temporary folder is in the data folder too). */
export async function commitImage(dataDir: string, tempPath: string, relativePath: string): Promise<void> {
  const path = imageFile(dataDir, relativePath);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await rename(tempPath, path);
}

export async function removeImage(dataDir: string, relativePath: string): Promise<void> {
  await rm(imageFile(dataDir, relativePath), { force: true });
}

/** Committed images of a request, removed again if the request fails after moving them. */
export function committedImages(dataDir: string) {
  const paths: string[] = [];
  return {
    async commit(tempPath: string, relativePath: string) {
      await commitImage(dataDir, tempPath, relativePath);
      paths.push(relativePath);
    },
    async undo() {
      await Promise.all(paths.splice(0).map((path) => removeImage(dataDir, path)));
    },
  };
}

/**
 * Moves the image aside before its row is deleted, so that a failed delete can put it back; once
 * the row is gone, `discard` removes it. Undefined when the file was already missing.
 */
async function setImageAside(
  dataDir: string,
  relativePath: string,
): Promise<{ restore(): Promise<void>; discard(): Promise<void> } | undefined> {
  const path = imageFile(dataDir, relativePath);
  const aside = join(dirname(path), `.deleting-${randomUUID()}`);
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { restore: () => rename(aside, path), discard: () => rm(aside, { force: true }) };
}

/**
 * Deletes an image's row with `deleteRow` (its transaction, audit included), then its file. The file
 * is set aside first and put back if the row stays, so that a row never loses its file.
 */
export async function deleteWithImage(
  dataDir: string,
  relativePath: string,
  deleteRow: () => Promise<void>,
): Promise<void> {
  const aside = await setImageAside(dataDir, relativePath);
  try {
    await deleteRow();
  } catch (error) {
    await aside?.restore();
    throw error;
  }
  await aside?.discard();
}

/** The image's bytes, or undefined when the file is missing. */
export async function openImage(
  dataDir: string,
  relativePath: string,
): Promise<{ stream: Readable; bytes: number } | undefined> {
  try {
    const handle = await open(imageFile(dataDir, relativePath), 'r');
    const { size } = await handle.stat();
    return { stream: handle.createReadStream(), bytes: size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Sends an image to the one person allowed to see it: no shared or browser caches keep a copy. */
export function sendImage(reply: FastifyReply, mime: string, image: { stream: Readable; bytes: number }): FastifyReply {
  return reply
    .type(mime)
    .header('content-length', image.bytes)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', 'inline')
    .send(image.stream);
}
