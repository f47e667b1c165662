import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { problemsFromZod } from '../../core/assessment/parse-intake.js';
import { DomainError, InvalidInputError, invalidField } from '../http-errors.js';
import { detectImageType, imageSignatureLength, type ImageType } from './image-type.js';
import { maxImageBytes } from './image-uploads.js';
import { maxImagePixels, reencodeImage } from './reencode-image.js';
import { uploadFolder } from './stale-uploads.js';

export interface ReceivedImage {
  /** Where the upload waits, inside the data folder, until it is committed or discarded. */
  tempPath: string;
  type: ImageType;
  bytes: number;
}

export interface ReceivedUpload {
  fields: Record<string, string>;
  images: ReceivedImage[];
  /** Removes whatever is still waiting (call it in `finally`; committed images have moved on). */
  discard(): Promise<void>;
}

export interface ReceiveOptions {
  dataDir: string;
  /** The form field that carries the images. */
  fileField: string;
  maxFiles: number;
  /** The text fields the form may have. */
  fields: readonly string[];
}

const tooLarge = () =>
  new DomainError('too_large', 'payload_too_large', `each image must be at most ${maxImageBytes / 1024 / 1024} MB`);

/** Limits of the parser, as the client's mistakes; anything the parser could not read is a 400. */
function clientError(error: unknown, options: ReceiveOptions): unknown {
  if (error instanceof DomainError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  if (code === 'FST_FILES_LIMIT')
    return new DomainError('too_large', 'payload_too_large', `send at most ${options.maxFiles} image(s) at once`);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return new DomainError('too_large', 'payload_too_large', 'the form has too many parts');
  // System errors (a full disk, say) are the server's: let them be logged as such.
  if (error instanceof Error && 'syscall' in error) return error;
  return new InvalidInputError([{ field: '(body)', message: 'must be valid multipart/form-data' }]);
}

async function readHead(path: string): Promise<{ head: Uint8Array }> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(imageSignatureLength), 0, imageSignatureLength, 0);
    return { head: buffer.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

const notAnImage = (field: string) => invalidField(field, 'must be a JPEG, PNG or WebP image');

/** Rewrites the waiting file re-encoded without its camera metadata (reencode-image.ts); its new size, or the problem. */
async function reencoded(path: string, type: ImageType, field: string): Promise<number | Error> {
  const result = await reencodeImage(await readFile(path), type);
  if (result.ok) {
    await writeFile(path, result.bytes);
    return result.bytes.length;
  }
  if (result.problem === 'too_many_pixels') {
    return invalidField(
      field,
      `must be at most ${maxImagePixels / 1_000_000} megapixels (this one is ${result.width} × ${result.height})`,
    );
  }
  return notAnImage(field);
}

const discardStream = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/**
 * Reads a multipart form of images and short text fields. Images are streamed to a temporary file
 * in the data folder (so committing them is a rename) and kept only if their first bytes are those
 * of a JPEG, PNG or WebP and they decode as such within the pixel limit; what is kept is the image
 * re-encoded without camera metadata (reencode-image.ts). The client's file names and declared
 * types are ignored. The whole form is
 * read even after a problem, so the client gets the answer rather than a broken connection.
 */
export async function receiveImages(request: FastifyRequest, options: ReceiveOptions): Promise<ReceivedUpload> {
  const { fileField } = options;
  if (!request.isMultipart())
    throw invalidField('(body)', `must be multipart/form-data with the image in "${fileField}"`);
  const dir = uploadFolder(options.dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const waiting: string[] = [];
  const discard = async () => {
    await Promise.all(waiting.splice(0).map((path) => rm(path, { force: true })));
  };
  const fields: Record<string, string> = {};
  const images: ReceivedImage[] = [];
  let problem: Error | undefined;
  try {
    for await (const part of request.parts({ limits: { files: options.maxFiles } })) {
      if (part.type === 'field') {
        const name = part.fieldname;
        if (!options.fields.includes(name)) problem ??= invalidField(name, 'is not a field of this form');
        else if (Object.hasOwn(fields, name)) problem ??= invalidField(name, 'must be given once');
        else if (part.valueTruncated) problem ??= invalidField(name, 'is too long');
        else if (typeof part.value !== 'string') problem ??= invalidField(name, 'must be text');
        else fields[name] = part.value;
        continue;
      }
      if (problem || part.fieldname !== fileField) {
        problem ??= invalidField(part.fieldname, `is not a field of this form (send images in "${fileField}")`);
        await pipeline(part.file, discardStream());
        continue;
      }
      const tempPath = join(dir, randomUUID());
      waiting.push(tempPath);
      await pipeline(part.file, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
      if (part.file.truncated) {
        problem = tooLarge();
        continue;
      }
      const type = detectImageType((await readHead(tempPath)).head);
      if (!type) {
        problem = notAnImage(fileField);
        continue;
      }
      const bytes = await reencoded(tempPath, type, fileField);
      if (bytes instanceof Error) problem = bytes;
      else images.push({ tempPath, type, bytes });
    }
    if (!problem && images.length === 0) problem = invalidField(fileField, 'required');
  } catch (error) {
    problem = clientError(error, options) as Error;
  }
  if (problem) {
    await discard();
    throw problem;
  }
  return { fields, images, discard };
}

/** The form's text fields, checked by `schema` with the usual field problems. */
export function parseFormFields<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.output<S> {
  const result = schema.safeParse(fields);
  if (!result.success) throw new InvalidInputError(problemsFromZod(result.error));
  return result.data;
}
