import { spawn } from 'node:child_process';
import { childEnv } from './child-env.js';
import { builtFile, repoRoot } from './repo-root.js';

/** Runs the `mesodesk` command as an operator would (`node bin/mesodesk.js ...`). */
export function runMesodesk(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; output: string }> {
  builtFile('dist/cli/main.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtFile('bin/mesodesk.js'), ...args], {
      cwd: repoRoot,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
