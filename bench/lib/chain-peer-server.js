// The peer of the chain's load: a bare Fastify answering every request with the answer the real
// server gave to one request of its kind (named by the x-bench-kind header), kept in memory, parsed
// once at start and serialized again for every answer, with the same status. No sign-in, CSRF,
// storage, validation, audit entry or security headers: what is left is HTTP, JSON and the body
// parsing of writes. Run as a child process: node bench/lib/chain-peer-server.js PORT FILE, where
// FILE holds { kind: { status, body } }; prints "listening" when ready.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [port, file] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(port) || !file) throw new Error('usage: chain-peer-server.js PORT FILE');

const answers = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(file, 'utf8'))).map(([kind, { status, body }]) => [
    kind,
    { status, document: JSON.parse(body) },
  ]),
);
const app = Fastify({ logger: false });
app.get('/health', async () => ({ ok: true }));
app.all('/api/*', async (request, reply) => {
  const answer = answers[request.headers['x-bench-kind']];
  if (!answer) return reply.code(404).send({ error: 'not_found' });
  return reply.code(answer.status).send(answer.document);
});
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('listening\n');
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
