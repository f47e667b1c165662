// Peers for the API benchmark: a bare Fastify answering the measured routes with the same
// repository calls as mesodesk's server (same database, same queries, same page size) and nothing
// else - no sign-in, role or record checks, input validation, audit entry, CSRF or security headers.
// "Storage alone" shows how much of hello-world's rate the storage work leaves, so the gap between it
// and the real route is what the API adds on top.
// With --from-memory, each distinct request reads storage once and every later one answers the kept
// result (serialized again each time, as any answer is): what is left is HTTP and turning the records
// into JSON, the cost of the response itself, which no storage or API design removes. Reads only.
// Run as a child process with the server's environment (MESODESK_DATA_DIR or DATABASE_URL):
//   node bench/lib/storage-floor-server.js PORT CLINIC_ID [--from-memory]; prints "listening" when ready.
import Fastify from 'fastify';
import { createDatabase } from '../../dist/storage/create-database.js';
import { databaseConfigFromEnv } from '../../dist/storage/database-config.js';
import { createRepositories } from '../../dist/storage/repositories/repositories.js';

const port = Number(process.argv[2]);
const clinicId = process.argv[3];
const fromMemory = process.argv.includes('--from-memory');
if (!Number.isInteger(port) || !clinicId)
  throw new Error('usage: storage-floor-server.js PORT CLINIC_ID [--from-memory]');

const db = createDatabase(databaseConfigFromEnv(process.env));
const repos = createRepositories(db);
// The API's default page (pageQuery in src/server/validation/fields.ts).
const page = { limit: 50, offset: 0 };

const kept = new Map();
/** The result of `read()`, from storage, or with --from-memory from the first request for the same URL. */
function answer(request, read) {
  if (!fromMemory) return read();
  let result = kept.get(request.url);
  if (!result) {
    result = read();
    kept.set(request.url, result);
  }
  return result;
}

const app = Fastify({ logger: false });
app.get('/health', async () => ({ ok: true }));
app.get(
  '/api/patients/:id',
  async (request, reply) =>
    (await answer(request, () => repos.patients.findById(request.params.id))) ??
    reply.code(404).send({ error: 'not found' }),
);
app.get('/api/patients', async (request) => ({
  patients: await answer(request, () => repos.patients.search({ clinicId, name: request.query.name, ...page })),
}));
app.get('/api/sessions', async (request) => ({
  entries: await answer(request, () =>
    repos.treatmentSessions.schedule({ clinicId, from: request.query.from, to: request.query.to, ...page }),
  ),
}));
if (!fromMemory)
  app.patch(
    '/api/patients/:id',
    async (request, reply) =>
      (await repos.transaction((tx) => tx.patients.update(request.params.id, { phone: request.body.phone }))) ??
      reply.code(404).send({ error: 'not found' }),
  );

await app.listen({ host: '127.0.0.1', port });
process.stdout.write('listening\n');
process.once('SIGTERM', () =>
  app
    .close()
    .then(() => db.destroy())
    .then(() => process.exit(0)),
);
