import { oneLine } from './one-line.js';

/*
 * How every `mesodesk` command tells the user what went wrong: one line on standard error that
 * starts with "mesodesk: ", in plain words. No stack traces and no system error codes (ENOENT,
 * EISDIR...): the person reading it is a clinic's operator, not a Node developer.
 */

/** Bad input: exit 2 with one line naming the argument (or field) at fault. */
export class CliInputError extends Error {
  override name = 'CliInputError';
  constructor(
    /** The argument as the help names it (TABLE, --clinic), a field, or the input's name; undefined when the message names it. */
    readonly argument: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Something failed that the arguments cannot fix: exit 1. */
export class CliFailure extends Error {
  override name = 'CliFailure';
}

/** What a user sees for an error: `mesodesk: ` and the message, on one line. */
export function errorLine(message: string): string {
  return oneLine(`mesodesk: ${message}`);
}

/** `mesodesk: ARGUMENT: message`. */
export function inputErrorLine(error: CliInputError): string {
  return errorLine(error.argument === undefined ? error.message : `${error.argument}: ${error.message}`);
}

/** System error codes in plain words, as they read after "cannot read FILE: ". */
const plainCodes: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EEXIST: 'already exists',
  EBUSY: 'in use by another program',
  EMFILE: 'too many files open',
  ENFILE: 'too many files open',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'a read or write error of the disk',
  EPIPE: 'the reader has gone',
};

/** Node's wording of a file system error: "ENOENT: no such file or directory, open '/x'". */
const fileSystemError = /\b(E[A-Z]{2,}): ([^,']*), \w+ '([^']*)'(?: -> '[^']*')?/g;
/** A code on its own: "write EPIPE", "spawn pg_dump ENOENT". */
const bareCode = /\bE[A-Z]{2,}\b/g;

/** The code of a system error, when it is one. */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]{2,}$/.test(code) ? code : undefined;
}

/**
 * Why a file could not be read or written, in words: "no such file", "is a folder, not a file".
 * For the line "cannot read FILE: <this>", so the path is not repeated.
 */
export function fileErrorReason(error: unknown): string {
  const code = systemErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (!code) return plainMessage(message);
  // An unlisted code: what the system calls it, without the code and the path.
  return plainCodes[code] ?? message.replace(/^E[A-Z]+: /, '').split(', ')[0] ?? message;
}

/** A message with the system error codes in it turned into words ("ENOENT: …, open '/x'" reads "/x: no such file"). */
export function plainMessage(message: string): string {
  return message
    .replace(
      fileSystemError,
      (_whole, code: string, description: string, path: string) => `${path}: ${plainCodes[code] ?? description}`,
    )
    .replace(bareCode, (code) => (plainCodes[code] ? `(${plainCodes[code]})` : code));
}

/** Any error as a user reads it, on one line after `mesodesk: `. */
export function describeError(error: unknown): string {
  return plainMessage(error instanceof Error ? error.message : String(error));
}
