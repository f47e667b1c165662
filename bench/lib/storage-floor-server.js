// Peers for the API benchmark: a bare Fastify answering the measured routes with the same
// repository calls as mesodesk's server (same database, same queries, same page size) and nothing
// else - no sign-in, role or record checks, input validation, audit entry, CSRF or security headers.
// "Storage alone" shows how much of hello-world's rate the storage work leaves, so the gap between it
// and the real route is what the API adds on top.
// With --from-memory, each distinct request reads storage once and every later one answers the kept
// result (serialized again each time, as any answer is): what is left is HTTP and turning the records
// into JSON, the cost of the response itself, which no storage or API design removes. Reads only.
// With --with-audit, each request also leaves the audit entry the real route leaves (a read: group-
// committed with the others at about the same moment, as the server's audit plugin does; the phone
// change: in its transaction), signed as one of the clinic's practitioners: what the storage work
// costs once every read is audited, which the product requires.
// Run as a child process with the server's environment (MESODESK_DATA_DIR or DATABASE_URL):
//   node bench/lib/storage-floor-server.js PORT CLINIC_ID [--from-memory | --with-audit]; prints "listening" when ready.
import Fastify from 'fastify';
import { createDatabase } from '../../dist/storage/create-database.js';
import { databaseConfigFromEnv } from '../../dist/storage/database-config.js';
import { createRepositories } from '../../dist/storage/repositories/repositories.js';
import { auditQueue } from '../../dist/server/plugins/audit-queue.js';
import { readAuditBatch } from '../../dist/server/plugins/audit.js';
import { auditEntries } from '../../dist/storage/repositories/audit-entries.js';

const port = Number(process.argv[2]);
const clinicId = process.argv[3];
const fromMemory = process.argv.includes('--from-memory');
const withAudit = process.argv.includes('--with-audit');
if (!Number.isInteger(port) || !clinicId || (fromMemory && withAudit))
  throw new Error('usage: storage-floor-server.js PORT CLINIC_ID [--from-memory | --with-audit]');

const db = createDatabase(databaseConfigFromEnv(process.env));
const repos = createRepositories(db);
// The API's default page (pageQuery in src/server/validation/fields.ts).
const page = { limit: 50, offset: 0 };

const signer = withAudit
  ? await db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('clinic_id', '=', clinicId)
      .where('role', '=', 'practitioner')
      .executeTakeFirstOrThrow()
  : undefined;
// Batched as the server's audit plugin does (src/server/plugins/audit.ts).
const reads = auditQueue((entries) => repos.audit.append(entries), { maxBatch: readAuditBatch });
/** With --with-audit: the request's audit entry for `events` (`tx`: in that transaction). */
async function audit(request, events, tx) {
  if (!signer || events.length === 0) return;
  const route = `${request.method} ${request.routeOptions.url}`;
  const entries = auditEntries(events, { clinicId, userId: signer.id, role: signer.role, route });
  await (tx ? tx.audit.append(entries) : reads.append(entries));
}
const read = (entity, id, patientId) => ({ action: 'read', entity, entityId: id, patientId });

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
app.get('/api/patients/:id', async (request, reply) => {
  const patient = await answer(request, () => repos.patients.findById(request.params.id));
  if (!patient) return reply.code(404).send({ error: 'not found' });
  await audit(request, [read('patient', patient.id, patient.id)]);
  return patient;
});
app.get('/api/patients', async (request) => {
  const patients = await answer(request, () => repos.patients.search({ clinicId, name: request.query.name, ...page }));
  await audit(
    request,
    patients.map((p) => read('patient', p.id, p.id)),
  );
  return { patients };
});
app.get('/api/sessions', async (request) => {
  const entries = await answer(request, () =>
    repos.treatmentSessions.schedule({ clinicId, from: request.query.from, to: request.query.to, ...page }),
  );
  await audit(
    request,
    entries.map((e) => read('treatment_session', e.session.id, e.patient.id)),
  );
  return { entries };
});
if (!fromMemory)
  app.patch('/api/patients/:id', async (request, reply) => {
    const id = request.params.id;
    const patient = await repos.transaction(async (tx) => {
      const updated = await tx.patients.update(id, { phone: request.body.phone });
      if (updated) await audit(request, [{ action: 'update', entity: 'patient', entityId: id, patientId: id }], tx);
      return updated;
    });
    return patient ?? reply.code(404).send({ error: 'not found' });
  });

await app.listen({ host: '127.0.0.1', port });
process.stdout.write('listening\n');
process.once('SIGTERM', () =>
  app
    .close()
    .then(() => reads.drain())
    .then(() => db.destroy())
    .then(() => process.exit(0)),
);
