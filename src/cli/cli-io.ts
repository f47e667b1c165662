import { describeError, errorLine, fileErrorReason } from './cli-errors.js';

/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

/**
 * A write to a pipe whose reader has gone (`mesodesk export csv sessions | head -1`). That is how
 * such a pipe ends, not a failure: the reader took what it wanted.
 */
export function isClosedPipe(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EPIPE';
}

/** Set once the reader of that stream has gone: what is left to print has no one to read it. */
const closed = new WeakSet<NodeJS.WritableStream>();
let writeFailed = false;

/** Whether writing to standard output or error failed for another reason than a closed pipe. */
export function outputFailed(): boolean {
  return writeFailed;
}

/**
 * Makes a closed pipe on standard output or error end the command quietly. Node reports it as an
 * 'error' event on the stream, which would otherwise crash the process with a stack trace; from
 * then on nothing more is written there, and the command's exit code stands. Any other error on
 * the stream is said in one line, and `outputFailed()` turns true (exit 1).
 */
export function endQuietlyOnClosedPipes(
  streams: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process,
): void {
  for (const stream of [streams.stdout, streams.stderr])
    stream.on('error', (error: Error) => {
      closed.add(stream);
      if (isClosedPipe(error)) return;
      const other = stream === streams.stdout ? streams.stderr : streams.stdout;
      if (!closed.has(other))
        other.write(
          `${errorLine(`cannot write to standard ${stream === streams.stdout ? 'output' : 'error'}: ${fileErrorReason(error)}`)}\n`,
        );
      writeFailed = true;
      process.exitCode = EXIT.failed;
    });
}

function write(stream: NodeJS.WritableStream, text: string): void {
  if (!closed.has(stream)) stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

export const processIo: CliIo = {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Exit codes: 0 done, 1 failure (e.g. lint found problems), 2 invalid input. */
export const EXIT = { ok: 0, failed: 1, invalidInput: 2 } as const;

/**
 * Ends a command that failed with `error` when it is one of the `expected` kinds, whose messages are
 * written for the user: one line on standard error and exit code 1. Any other error goes on up.
 */
export function failedWith(io: CliIo, error: unknown, expected: readonly (new (...args: never[]) => Error)[]): number {
  if (!expected.some((kind) => error instanceof kind)) throw error;
  io.err(errorLine(describeError(error)));
  return EXIT.failed;
}
