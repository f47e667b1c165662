import { describe, expect, it } from 'vitest';
import { captureIo } from '../test-support/capture-io.js';
import { commandPaths, runCli } from './run-cli.js';

const help = async (path: string[]) => {
  const io = captureIo();
  expect(await runCli([...path, '--help'], io)).toBe(0);
  return io.stdout;
};

/** The options a help text lists, with their descriptions (wrapped lines joined). */
function optionLines(text: string): { flags: string; description: string }[] {
  const section = /\nOptions:\n([^]*?)(?:\n\n|$)/.exec(text)?.[1] ?? '';
  const options: { flags: string; description: string }[] = [];
  for (const line of section.split('\n')) {
    const start = /^ {2}(-\S.*?)(?: {2,}(.*))?$/.exec(line);
    if (start) options.push({ flags: start[1]!, description: start[2] ?? '' });
    else if (options.length) options.at(-1)!.description += ` ${line.trim()}`;
  }
  return options;
}

describe('required options in --help', () => {
  it('seed-large --patients: in the usage line and marked (required) in the list', async () => {
    const text = await help(['seed-large']);
    expect(text.split('\n')[0]).toBe('Usage: mesodesk seed-large --patients <n> [options]');
    const options = optionLines(text);
    expect(options.find((o) => o.flags === '--patients <n>')?.description).toMatch(/\(required\)$/);
    expect(options.find((o) => o.flags === '--clinic <name>')?.description).not.toContain('(required)');
  });

  it.each(['aftercare', 'consent', 'summary'])(
    'pdf %s --out: in the usage line before the arguments, and (required)',
    async (kind) => {
      const text = await help(['pdf', kind]);
      expect(text.split('\n')[0]).toMatch(
        new RegExp(`^Usage: mesodesk pdf ${kind} --out <file> \\[options\\] <[A-Z_]+>$`),
      );
      expect(optionLines(text).find((o) => o.flags === '--out <file>')?.description).toBe(
        'where to write the PDF (required)',
      );
    },
  );

  it('every command: an option says (required) exactly when the command refuses to run without it', async () => {
    for (const path of commandPaths().filter((p) => p.at(-1) !== 'help')) {
      const text = await help(path);
      for (const option of optionLines(text)) {
        const marked = option.description.endsWith('(required)');
        const usage = text.split('\n')[0]!;
        const long = /--[\w-]+/.exec(option.flags)?.[0] ?? option.flags;
        // In the usage line before [options] exactly when marked.
        expect(usage.split('[options]')[0]!.includes(long), `${path.join(' ')} ${option.flags}`).toBe(marked);
        if (!marked) continue;
        // Without it, commander refuses the command before it runs (exit 2, naming the option).
        const io = captureIo();
        expect(await runCli([...path, 'x'], io), `${path.join(' ')} without ${long}`).toBe(2);
        expect(io.stderr).toContain(`mesodesk: required option '${option.flags}' not specified`);
      }
    }
  });
});
