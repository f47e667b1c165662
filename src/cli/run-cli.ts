import { Command, CommanderError } from 'commander';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import { KnowledgeBaseError, loadKnowledgeBase } from '../knowledge-files/load-knowledge-base.js';
import { EXIT, type CliIo } from './cli-io.js';
import { backupCommand } from './commands/backup-command.js';
import { assessCommand } from './commands/assess-command.js';
import { faqCommand } from './commands/faq-command.js';
import { kbLintCommand, kbShowCommand, kbTopics } from './commands/kb-commands.js';
import { restoreCommand } from './commands/restore-command.js';

export interface CliOptions {
  /** Knowledge base to use instead of loading knowledge/ (tests). */
  knowledgeBase?: KnowledgeBase;
}

/** Builds the `mesodesk` program; each action stores its exit code in `result.code`. */
function buildProgram(io: CliIo, options: CliOptions, result: { code: number }): Command {
  let kb = options.knowledgeBase;
  const knowledge = () => (kb ??= loadKnowledgeBase());
  const program = new Command('mesodesk')
    .description('mesodesk - mesotherapy clinic system: assess patients against a sourced knowledge base')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run "mesodesk --help" for usage)');

  program
    .command('assess')
    .description('assess one intake and treatment request (JSON, as in shared/contract/assessment.md)')
    .argument('<file>', 'JSON file, or - to read standard input')
    .option('--json', 'print the contract result as JSON instead of a readable summary')
    .addHelpText('after', '\nExit codes: 0 assessed, 2 invalid input (one line per problem, naming the field).\nExample: mesodesk assess examples/healthy-hair-loss.json --json')
    .action(async (file: string, opts: { json?: boolean }) => {
      result.code = await assessCommand(file, opts, knowledge(), io);
    });

  const kbCommand = program.command('kb').description('inspect and check the knowledge base');
  kbCommand
    .command('lint')
    .description('validate the knowledge base and check that every citation points at an existing source line')
    .option('--knowledge <dir>', 'knowledge folder (default: knowledge/ of this checkout)')
    .option('--seeds <dir>', 'folder of the seed articles (default: ../shared/seeds beside the checkout)')
    .action((opts: { knowledge?: string; seeds?: string }) => {
      result.code = kbLintCommand(opts, io);
    });
  kbCommand
    .command('show')
    .description(`print a topic or one entry; topics: ${kbTopics().join(', ')}`)
    .argument('<topic>', 'a topic, or an id or code such as hair_loss or PREGNANCY')
    .action((topic: string) => {
      result.code = kbShowCommand(topic, knowledge(), io);
    });

  program
    .command('faq')
    .description('search the FAQ')
    .argument('<words...>', 'question words, e.g. "is it painful"')
    .option('--limit <n>', 'how many answers to show', '3')
    .action((words: string[], opts: { limit?: string }) => {
      result.code = faqCommand(words, opts, knowledge(), io);
    });
  program
    .command('backup')
    .description('write a consistent backup of the clinic database (the server may keep running)')
    .option('--out <file>', 'where to write it (default: <data dir>/backups/mesodesk-<time>.sqlite)')
    .addHelpText('after', '\nReads DATABASE_URL and MESODESK_DATA_DIR like the server. PostgreSQL backups use pg_dump.')
    .action(async (opts: { out?: string }) => {
      result.code = await backupCommand(opts, io);
    });
  program
    .command('restore')
    .description('replace the SQLite clinic database with a backup (stop the server first)')
    .argument('<file>', 'a backup written by mesodesk backup')
    .addHelpText('after', '\nThe replaced database is kept beside it as <file>.before-restore-<time>.')
    .action(async (file: string) => {
      result.code = await restoreCommand(file, io);
    });
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  const result = { code: EXIT.ok as number };
  const program = buildProgram(io, options, result);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    if (error instanceof KnowledgeBaseError) {
      io.err(error.message);
      return EXIT.failed;
    }
    io.err(`mesodesk: ${(error as Error).message ?? String(error)}`);
    return EXIT.failed;
  }
}
