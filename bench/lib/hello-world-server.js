// The reference for the API benchmark: a bare Fastify server answering {"hello":"world"}.
// Run as a child process: node bench/lib/hello-world-server.js PORT; prints "listening" when ready.
import Fastify from 'fastify';

const port = Number(process.argv[2] ?? 3999);
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port });
process.stdout.write('listening\n');
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
