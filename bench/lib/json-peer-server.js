// A peer for a read route: a bare Fastify answering GET PATH (whatever its query) with a JSON
// document kept in memory, parsed once at start and serialized again for every answer, as any
// answer is. No sign-in, storage, validation, audit entry or security headers: what is left is
// HTTP and JSON for that document. It logs its requests as the real server does at level info
// (pino lines with `responseTime`), so both are measured the same way (bench/lib/request-log.js).
// Run as a child process: node bench/lib/json-peer-server.js PORT FILE PATH; prints "listening" when ready.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [port, file, path] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
if (!Number.isInteger(port) || !file || !path?.startsWith('/'))
  throw new Error('usage: json-peer-server.js PORT FILE PATH');

const document = JSON.parse(readFileSync(file, 'utf8'));
const app = Fastify({ logger: { level: 'info' } });
app.get('/health', async () => ({ ok: true }));
app.get(path, async () => document);
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('listening\n');
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
