import { Command, CommanderError } from 'commander';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import { KnowledgeBaseError, loadKnowledgeBase } from '../knowledge-files/load-knowledge-base.js';
import { loadKnowledgeLibrary } from '../knowledge-files/load-knowledge-library.js';
import { BASE_LANGUAGE } from '../core/knowledge/knowledge-library.js';
import { EXIT, isClosedPipe, type CliIo } from './cli-io.js';
import { describeError, errorLine } from './cli-errors.js';
import { helpSettings, showRequiredOptionsInUsage } from './help-settings.js';
import { packageVersion } from './package-version.js';
import { backupCommand } from './commands/backup-command.js';
import { assessCommand } from './commands/assess-command.js';
import { faqCommand } from './commands/faq-command.js';
import { kbLintCommand, kbShowCommand, kbTopics } from './commands/kb-commands.js';
import { restoreCommand } from './commands/restore-command.js';
import { demoCommand, type DemoCommandOptions } from './commands/demo-command.js';
import {
  seedLargeCommand,
  defaultLargeClinicName,
  type SeedLargeCommandOptions,
} from './commands/seed-large-command.js';
import { exportCsvCommand, exportFhirCommand } from './commands/export-command.js';
import { importFhirCommand } from './commands/import-command.js';
import { pdfCommand } from './commands/pdf-command.js';
import { reportTables } from '../services/documents/clinic-reports.js';

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
    .version(packageVersion(), '-V, --version', 'print the version of mesodesk')
    .exitOverride()
    // Inherited by every command added below; so are the help settings.
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      // Commander's "error: missing required argument 'file'" in the style of every other error.
      outputError: (s, write) => write(s.replace(/^error: /, 'mesodesk: ')),
    })
    .configureHelp(helpSettings)
    .showHelpAfterError('(run "mesodesk --help" for usage)')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 done, 1 failure (one line on standard error says what failed), 2 invalid input (one line per problem, naming the argument or field).',
        'Errors start with "mesodesk: ". Help on a command: mesodesk help COMMAND, or mesodesk COMMAND --help.',
        'Example: mesodesk assess examples/contract-request.json',
      ].join('\n'),
    );

  program
    .command('assess')
    .description('assess one intake and treatment request (JSON, as in shared/contract/assessment.md)')
    .argument('<file>', 'JSON file, or - to read standard input')
    .option('--json', 'print the contract result as JSON instead of a readable summary')
    .addHelpText(
      'after',
      '\nExit codes: 0 assessed, 2 invalid input (one line per problem, naming the field).\nExample: mesodesk assess examples/healthy-35-hair-loss.json --json\nExample: mesodesk assess - < examples/pregnant-cellulite.json',
    )
    .action(async (file: string, opts: { json?: boolean }) => {
      result.code = await assessCommand(file, opts, knowledge(), io);
    });

  const kbCommand = program.command('kb').description('inspect and check the knowledge base');
  kbCommand
    .command('lint')
    .description('validate the knowledge base and check that every citation points at an existing source line')
    .option('--knowledge <dir>', 'knowledge folder (default: knowledge/ of this checkout)')
    .option('--seeds <dir>', 'folder of the seed articles (default: ../shared/seeds beside the checkout)')
    .addHelpText(
      'after',
      '\nExit codes: 0 no problems, 1 problems found (one line each on standard error).\nExample: mesodesk kb lint',
    )
    .action((opts: { knowledge?: string; seeds?: string }) => {
      result.code = kbLintCommand(opts, io);
    });
  kbCommand
    .command('show')
    .description(`print a topic or one entry; topics: ${kbTopics().join(', ')}`)
    .argument('<topic>', 'a topic, or an id or code such as hair_loss or PREGNANCY')
    .addHelpText('after', '\nExample: mesodesk kb show contraindications\nExample: mesodesk kb show PREGNANCY')
    .action((topic: string) => {
      result.code = kbShowCommand(topic, knowledge(), io);
    });

  program
    .command('faq')
    .description('search the FAQ')
    .argument('<words...>', 'question words, e.g. "is it painful"')
    .option('--limit <n>', 'how many answers to show', '3')
    .option('--language <code>', 'the language of the question and the answers: en or tr', 'en')
    .addHelpText(
      'after',
      '\nExample: mesodesk faq is it painful\nExample: mesodesk faq --limit 1 "how many sessions"\nExample: mesodesk faq --language tr "acıtır mı"',
    )
    .action((words: string[], opts: { limit?: string; language?: string }) => {
      // The English base unless another language is asked for: only then are the translations read.
      const knowledgeIn = (language: string) =>
        language === BASE_LANGUAGE ? knowledge() : loadKnowledgeLibrary().for(language);
      result.code = faqCommand(words, opts, knowledgeIn, io);
    });
  program
    .command('backup')
    .description('write a consistent backup of the clinic database and its photos (the server may keep running)')
    .option('--out <file>', 'where to write it (default: <data dir>/backups/mesodesk-<time>.sqlite)')
    .addHelpText(
      'after',
      '\nReads DATABASE_URL and MESODESK_DATA_DIR like the server. PostgreSQL backups use pg_dump.\nExample: mesodesk backup --out clinic-backup.sqlite',
    )
    .action(async (opts: { out?: string }) => {
      result.code = await backupCommand(opts, io);
    });
  program
    .command('restore')
    .description('replace the SQLite clinic database with a backup (stop the server first)')
    .argument('<file>', 'a backup written by mesodesk backup')
    .option('--images-only', 'put back only the photos (e.g. from the .images.sqlite file beside a PostgreSQL dump)')
    .addHelpText(
      'after',
      '\nThe replaced database is kept beside it as <file>.before-restore-<time>. The photos in the backup go back into the data folder.\nExample: mesodesk backup --out clinic-backup.sqlite\nExample: mesodesk restore clinic-backup.sqlite',
    )
    .action(async (file: string, opts: { imagesOnly?: boolean }) => {
      result.code = await restoreCommand(file, io, process.env, opts);
    });

  program
    .command('demo')
    .description(
      'reset a data folder to the demo clinic (twenty invented patients with three months of history up to today), printing new logins',
    )
    .option('--data-dir <dir>', 'the data folder (default: MESODESK_DATA_DIR, or ./data)')
    .addHelpText(
      'after',
      '\nStop the server on the folder first. Only a folder the demo made (or an empty one) is reset: one holding any other clinic, or photos without a database, is refused with exit code 1. Backups in the folder stay. SQLite only (DATABASE_URL unset); on PostgreSQL the server makes the demo on its first start with an empty database.\nExample: mesodesk demo --data-dir demo-data',
    )
    .action(async (opts: DemoCommandOptions) => {
      result.code = await demoCommand(opts, io);
    });

  program
    .command('seed-large')
    .description(
      'generate a large, realistic synthetic clinic (patients with intakes, courses, sessions, charting, side effects) for load tests and benchmarks',
    )
    .requiredOption('--patients <n>', 'how many patients, e.g. 1000000 or 1_000_000')
    .option('--clinic <name>', 'name of the generated clinic', defaultLargeClinicName)
    .option('--seed <n>', 'random seed: the same seed and count give the same clinic', '1')
    .option(
      '--practitioners-per-location <n>',
      'practitioners at each location (each with a room); about one practitioner per 1,500 patients in all',
      '8',
    )
    .option('--password <password>', 'password of every generated account (default: a random one, printed)')
    .option('--no-progress', 'no progress bar')
    .addHelpText(
      'after',
      '\nWrites into the database the server would use: DATABASE_URL, or the SQLite file in MESODESK_DATA_DIR (./data by default). A million patients (the benchmarks\' clinic, npm run seed:large -- --patients 1_000_000) take a quarter of an hour or more.\nExample: mesodesk seed-large --patients 1_000 --clinic "Load test clinic" --no-progress',
    )
    .action(async (opts: SeedLargeCommandOptions) => {
      result.code = await seedLargeCommand(opts, io);
    });

  const database =
    '\nReads DATABASE_URL and MESODESK_DATA_DIR like the server. Every patient read is written to the audit log.';
  const exportCommand = program.command('export').description('export clinic records: FHIR R4, or CSV reports');
  exportCommand
    .command('fhir')
    .description('one patient, or every patient of the clinic, as a FHIR R4 Bundle (JSON)')
    .option('--patient <id>', 'only this patient')
    .option('--clinic <id>', 'the clinic, when the database holds more than one')
    .option('--out <file>', 'write the Bundle here (default: standard output)')
    .addHelpText(
      'after',
      `${database}\nIf a record fails part-way, the exit code is 1 and what was written is incomplete (an --out file is then not written at all).\nExample: mesodesk export fhir > bundle.json`,
    )
    .action(async (opts: { patient?: string; clinic?: string; out?: string }) => {
      result.code = await exportFhirCommand(opts, io);
    });
  exportCommand
    .command('csv')
    .description('a CSV report over every patient of the clinic')
    .argument('<TABLE>', reportTables.join(' | '))
    .option('--clinic <id>', 'the clinic, when the database holds more than one')
    .option('--out <file>', 'write the report here (default: standard output)')
    .option('--names', "sessions: add the patients' names next to their ids")
    .addHelpText(
      'after',
      `${database}\nExample: mesodesk export csv sessions --names --out sessions.csv\nExample: mesodesk export csv outcomes-by-indication | head -5`,
    )
    .action(async (table: string, opts: { clinic?: string; out?: string; names?: boolean }) => {
      result.code = await exportCsvCommand(table, opts, io);
    });
  program
    .command('import')
    .description('read records from another system')
    .command('fhir')
    .description(
      'a FHIR R4 Bundle as a pre-filled intake (printed; nothing is stored); unmapped resources are listed on stderr',
    )
    .argument('<FILE>', 'the Bundle (JSON), or - to read standard input')
    .option('--patient <id>', 'which Patient of the Bundle, when it holds more than one')
    .action(async (file: string, opts: { patient?: string }) => {
      result.code = await importFhirCommand(file, opts, io);
    });
  const pdf = program.command('pdf').description('write a patient document as a PDF');
  for (const [kind, argument, what] of [
    ['aftercare', 'SESSION_ID', "a session's aftercare sheet"],
    ['consent', 'SIGNATURE_ID', 'a signed consent form'],
    ['summary', 'COURSE_ID', "a course's treatment summary"],
  ] as const)
    pdf
      .command(kind)
      .description(what)
      .argument(`<${argument}>`)
      .requiredOption('--out <file>', 'where to write the PDF')
      .option('--locale <language>', 'en or tr', 'en')
      .addHelpText('after', database)
      .action(async (id: string, opts: { out: string; locale?: string }) => {
        result.code = await pdfCommand(kind, id, opts, io);
      });
  showRequiredOptionsInUsage(program);
  return program;
}

/** Every command of the program, as the words that name it (`['pdf', 'aftercare']`); the program itself is `[]`. */
export function commandPaths(): string[][] {
  const silent: CliIo = { out: () => undefined, err: () => undefined, readStdin: async () => '' };
  const paths: string[][] = [];
  const walk = (command: Command, path: string[]) => {
    paths.push(path);
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(buildProgram(silent, {}, { code: EXIT.ok }), []);
  return paths;
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
    // The reader of standard output has gone (`mesodesk kb show contraindications | head -1`).
    if (isClosedPipe(error)) return EXIT.ok;
    if (error instanceof KnowledgeBaseError) {
      // One line per problem of the knowledge base, after the first.
      io.err(`mesodesk: ${error.message}`);
      return EXIT.failed;
    }
    io.err(errorLine(describeError(error)));
    return EXIT.failed;
  }
}
