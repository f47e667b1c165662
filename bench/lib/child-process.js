// Servers under test run in child processes, so the load generator and the server do not share a thread.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node args...` and waits until `ready()` resolves true (polled every 200 ms). Output is kept
 * (last 64 KiB) and shown if the process dies or never becomes ready; `onOutput`, when given, also
 * gets every chunk of standard output as it comes (a reader of the request log sees all of it).
 */
export async function startChild(name, args, { env = {}, ready, timeoutMs = 120_000, onOutput } = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-65_536);
  };
  child.stdout.on('data', keep);
  if (onOutput) child.stdout.on('data', (chunk) => onOutput(chunk.toString()));
  child.stderr.on('data', keep);
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${name} exited (${exited.code ?? exited.signal}) before it was ready:\n${output}`);
    if (await ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready after ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    pid: child.pid,
    output: () => output,
    /** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone. */
    async stop() {
      if (exited) return exited;
      const gone = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await gone;
      clearTimeout(timer);
      return result;
    },
  };
}

/** True once `url` answers with a 2xx status. */
export async function answers(url) {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.ok;
}

/** CPU time (user + system) the process has used, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Waits until the process has used under `share` of one core over a `windowMs` window (work it
 * started by itself, such as a re-screening at start, is done), or `timeoutMs` has passed.
 * Resolves to the ms waited. Off Linux, resolves at once.
 */
export async function untilIdle(pid, { windowMs = 1000, share = 0.05, timeoutMs = 600_000 } = {}) {
  if (!existsSync(`/proc/${pid}/stat`)) return 0;
  const started = Date.now();
  for (;;) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, windowMs));
    if (cpuMs(pid) - before < windowMs * share || Date.now() - started > timeoutMs) return Date.now() - started;
  }
}
