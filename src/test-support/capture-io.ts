import type { CliIo } from '../cli/cli-io.js';

/** A CliIo that records what a command prints, with optional standard input. */
export function captureIo(stdin = ''): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t.endsWith('\n') ? t : `${t}\n`),
    err: (t: string) => void (io.stderr += t.endsWith('\n') ? t : `${t}\n`),
    readStdin: async () => stdin,
  };
  return io;
}
