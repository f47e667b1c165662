import { endQuietlyOnClosedPipes, EXIT, outputFailed, processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

endQuietlyOnClosedPipes();
const code = await runCli(process.argv.slice(2), processIo);
process.exitCode = code === EXIT.ok && outputFailed() ? EXIT.failed : code;
