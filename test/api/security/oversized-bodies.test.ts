import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../../src/core/records/index.js';
import { forEachApp, type TestClient } from '../../../src/test-support/test-app.js';
import { maxLogoBytes } from '../../../src/server/routes/clinics/logo-image.js';
import { maxSignatureBytes } from '../../../src/server/routes/consents/signature-image.js';
import { fhirImportBodyLimit, fhirMime } from '../../../src/server/routes/fhir/fhir-schemas.js';
import { maxImageBytes } from '../../../src/server/uploads/image-uploads.js';
import { type FormPart } from '../../../src/server/uploads/test-support/multipart-payload.js';
import { sampleImages } from '../../../src/server/uploads/test-support/sample-images.js';
import { filesUnder } from '../../../src/server/uploads/test-support/stored-files.js';
import { snapshotChanges, snapshotDatabase } from './database-snapshot.js';
import { openApiOperations, type Operation } from './openapi-operations.js';
import { sampleInjection, sampleWrites, signaturePng, type SampleRequest, type SampleWrite } from './sample-writes.js';
import { stringFields } from './string-fields.js';
import { callerRole, routeKey, signedInWriteRoutes, type WriteRoute } from './write-routes.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-oversized-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Routes that set a body limit of their own; every other route has the server's. */
const routeBodyLimits: Record<string, number> = { 'POST /api/fhir/import': fhirImportBodyLimit };
/** Content types a route parses besides JSON, each up to the same limit. */
const extraJsonTypes: Record<string, string[]> = { 'POST /api/fhir/import': [fhirMime] };

/** Images carried inside JSON as data URLs, with the most bytes each may hold. */
const jsonImageFields: Record<string, { field: string; maxBytes: number; build: (bytes: number) => string }> = {
  'POST /api/patients/:id/consents': {
    field: 'signatureImage',
    maxBytes: maxSignatureBytes,
    build: (bytes) => `data:image/png;base64,${pngOfSize(bytes).toString('base64')}`,
  },
  'PUT /api/clinics/:id/logo': {
    field: 'image',
    maxBytes: maxLogoBytes,
    build: (bytes) => `data:image/png;base64,${pngOfSize(bytes).toString('base64')}`,
  },
};
/** A JSON string field this long can only be a file, not text: each must be listed above. */
const fileSizedLength = 100_000;

/** A valid PNG of exactly `bytes` bytes: the 1×1 image with a text chunk to fill it up. */
function pngOfSize(bytes: number): Buffer {
  const png = Buffer.from(signaturePng.slice('data:image/png;base64,'.length), 'base64');
  const ihdrEnd = 8 + 25;
  const chunkOverhead = 12;
  const filler = bytes - png.length - chunkOverhead;
  if (filler < 0) throw new Error(`a PNG cannot be as small as ${bytes} bytes`);
  const typeAndData = Buffer.concat([
    Buffer.from('tEXt'),
    Buffer.from('Comment\0'),
    Buffer.alloc(Math.max(0, filler - 8), 'x'),
  ]).subarray(0, 4 + filler);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(filler);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  const out = Buffer.concat([png.subarray(0, ihdrEnd), length, typeAndData, crc, png.subarray(ihdrEnd)]);
  if (out.length !== bytes) throw new Error(`built ${out.length} bytes, not ${bytes}`);
  return out;
}

/** A JPEG of exactly `bytes` bytes, as far as anyone checking its first bytes can tell. */
function jpegOfSize(bytes: number): Buffer {
  return Buffer.concat([sampleImages.jpeg, Buffer.alloc(bytes - sampleImages.jpeg.length, 0x20)]);
}

/** The JSON body, padded with trailing whitespace (still the same JSON) to exactly `bytes` bytes. */
function paddedJson(payload: unknown, bytes: number): string {
  const json = JSON.stringify(payload);
  const length = Buffer.byteLength(json);
  if (length > bytes) throw new Error(`the body alone is ${length} bytes, more than ${bytes}`);
  return json + ' '.repeat(bytes - length);
}

function expectTooLarge(response: LightMyRequestResponse, what: string): string | undefined {
  if (response.statusCode !== 413) return `${what}: ${response.statusCode} ${response.body.slice(0, 200)}`;
  let body: { error?: unknown; message?: unknown };
  try {
    body = response.json();
  } catch {
    return `${what}: 413 without a JSON body: ${response.body.slice(0, 200)}`;
  }
  if (body.error !== 'payload_too_large' || typeof body.message !== 'string' || body.message.length < 10)
    return `${what}: unclear 413 body ${response.body.slice(0, 200)}`;
  return undefined;
}

forEachApp(
  'oversized bodies',
  (get) => {
    let routes: WriteRoute[];
    let samples: Record<string, SampleWrite>;
    let operations: Operation[];
    const clients = new Map<Role, TestClient>();
    const client = async (role: Role) => {
      let found = clients.get(role);
      if (!found) clients.set(role, (found = await get().signIn(role)));
      return found;
    };
    const limitOf = (key: string) => routeBodyLimits[key] ?? get().app.appConfig.bodyLimitBytes;

    beforeAll(async () => {
      routes = signedInWriteRoutes(get().app);
      samples = sampleWrites(get());
      operations = await openApiOperations(get().app);
    });

    /** The route's sample, or an empty body at ids that name nothing: the size is refused before anything is looked up. */
    async function requestFor(route: WriteRoute): Promise<{ role: Role; request: SampleRequest }> {
      const sample = samples[routeKey(route)];
      if (sample) return { role: sample.role, request: await sample.make() };
      return {
        role: callerRole(route),
        request: { url: route.url.replace(/:[A-Za-z0-9_]+/g, 'missing'), payload: {} },
      };
    }

    it('knows the limits: the server-wide one, and the routes that set their own', () => {
      const keys = routes.map(routeKey);
      expect(keys.length).toBeGreaterThan(20);
      for (const key of Object.keys(routeBodyLimits)) expect(keys).toContain(key);
      expect(get().app.appConfig.bodyLimitBytes).toBeGreaterThan(0);
    });

    it('answers a JSON body one byte over the limit with 413 on every write route, sign-in included, changing nothing', async () => {
      const { app, db } = get();
      const failures: string[] = [];
      const beforeLogin = await snapshotDatabase(db);
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: paddedJson(
          { email: get().fixture.users.admin.email, password: 'x' },
          limitOf('POST /api/auth/login') + 1,
        ),
      });
      const loginProblem = expectTooLarge(login, 'POST /api/auth/login');
      if (loginProblem) failures.push(loginProblem);
      failures.push(
        ...snapshotChanges(beforeLogin, await snapshotDatabase(db)).map((c) => `POST /api/auth/login: ${c}`),
      );

      for (const route of routes) {
        const key = routeKey(route);
        const { role, request } = await requestFor(route);
        const sender = await client(role);
        const snapshot = await snapshotDatabase(db);
        for (const type of ['application/json', ...(extraJsonTypes[key] ?? [])]) {
          const body = paddedJson(request.payload ?? {}, limitOf(key) + 1);
          const options: InjectOptions = { method: route.method, url: request.url, headers: { 'content-type': type } };
          const problem = expectTooLarge(await sender.inject({ ...options, payload: body }), `${key} (${type})`);
          if (problem) failures.push(problem);
          // Streamed, with no length given up front: cut off as it arrives.
          const streamed = await sender.inject({ ...options, payload: Readable.from([Buffer.from(body)]) });
          const streamProblem = expectTooLarge(streamed, `${key} (${type}, streamed)`);
          if (streamProblem) failures.push(streamProblem);
        }
        const changes = snapshotChanges(snapshot, await snapshotDatabase(db));
        if (changes.length) failures.push(`${key}: ${changes.join('; ')}`);
      }
      expect(routes.length).toBeGreaterThan(20);
      expect(failures).toEqual([]);
    }, 240_000);

    it('accepts a valid JSON body of exactly the limit on every route that takes one', async () => {
      const failures: string[] = [];
      let tried = 0;
      for (const route of routes) {
        const key = routeKey(route);
        const sample = samples[key];
        if (!sample) continue;
        const request = await sample.make();
        if (request.form) continue;
        // Signing out ends the session that sends it: that one gets a session of its own. A password
        // change ends the user's other sessions: the role signs in afresh afterwards.
        const sender = route.url.startsWith('/api/auth/') ? await get().signIn(sample.role) : await client(sample.role);
        if (route.url.startsWith('/api/auth/')) clients.delete(sample.role);
        for (const type of ['application/json', ...(extraJsonTypes[key] ?? [])]) {
          const response = await sender.inject({
            method: route.method,
            url: request.url,
            headers: { 'content-type': type },
            payload: paddedJson(request.payload ?? {}, limitOf(key)),
          });
          tried++;
          // A route that only refuses takes the body and then refuses as it always does.
          const refused =
            sample.refusal?.status === response.statusCode && response.body.includes(`"${sample.refusal.error}"`);
          if (response.statusCode >= 300 && !refused)
            failures.push(`${key} (${type}): ${response.statusCode} ${response.body.slice(0, 200)}`);
          // Most samples can be sent only once.
          if (sample.stores) break;
        }
      }
      expect(tried).toBeGreaterThan(20);
      expect(failures).toEqual([]);
    }, 240_000);

    it('answers an image one byte over the upload limit with 413 on every multipart route, storing nothing; one at the limit is taken', async () => {
      const { db } = get();
      const multipart = operations.filter((op) => op.bodies['multipart/form-data']);
      expect(multipart.map(routeKey)).toEqual(
        expect.arrayContaining(['POST /api/patients/:id/photos', 'POST /api/side-effects/:id/photos']),
      );
      const failures: string[] = [];
      for (const op of multipart) {
        const key = routeKey(op);
        const sample = samples[key];
        if (!sample) {
          failures.push(`${key}: no sample`);
          continue;
        }
        const fileFields = stringFields(op.bodies['multipart/form-data'] ?? {})
          .filter((f) => f.schema.format === 'binary')
          .map((f) => f.path);
        expect(fileFields.length, key).toBeGreaterThan(0);
        for (const field of fileFields) {
          const request = await sample.make();
          const sendWith = (file: Buffer) => {
            const form: FormPart[] = [
              ...(request.form ?? []).filter((p) => p.name !== field),
              { name: field, file, filename: 'big.jpg' },
            ];
            return sampleInjection(op.method, { url: request.url, form });
          };
          const sender = await client(sample.role);
          const filesBefore = filesUnder(dataDir);
          const snapshot = await snapshotDatabase(db);
          const tooLarge = await sender.inject(sendWith(jpegOfSize(maxImageBytes + 1)));
          const problem = expectTooLarge(tooLarge, `${key} ${field}`);
          if (problem) failures.push(problem);
          const changes = snapshotChanges(snapshot, await snapshotDatabase(db));
          if (changes.length) failures.push(`${key} ${field}: ${changes.join('; ')}`);
          if (filesUnder(dataDir).join() !== filesBefore.join()) failures.push(`${key} ${field}: files left behind`);

          const atLimit = await sender.inject(sendWith(jpegOfSize(maxImageBytes)));
          if (atLimit.statusCode !== 201)
            failures.push(`${key} ${field} at the limit: ${atLimit.statusCode} ${atLimit.body.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
    }, 240_000);

    it('answers an image inside JSON one byte over its limit with 413 naming the field, changing nothing; one at the limit is taken', async () => {
      const { db } = get();
      // Every JSON string long enough to be a file must be one of the known image fields.
      const fileSized = operations.flatMap((op) =>
        stringFields(op.bodies['application/json'] ?? {})
          .filter((f) => (f.schema.maxLength ?? 0) >= fileSizedLength)
          .map((f) => `${routeKey(op)} ${f.path}`),
      );
      expect(fileSized.sort()).toEqual(
        Object.entries(jsonImageFields)
          .map(([key, { field }]) => `${key} ${field}`)
          .sort(),
      );

      const failures: string[] = [];
      for (const [key, { field, maxBytes, build }] of Object.entries(jsonImageFields)) {
        const route = routes.find((r) => routeKey(r) === key);
        const sample = samples[key];
        if (!route || !sample) {
          failures.push(`${key}: no route or sample`);
          continue;
        }
        for (const [what, image] of [
          ['one byte over', build(maxBytes + 1)],
          ['far over, before decoding', `data:image/png;base64,${'A'.repeat(Math.ceil((maxBytes * 4) / 3) + 4096)}`],
        ] as const) {
          const request = await sample.make();
          const sender = await client(sample.role);
          const snapshot = await snapshotDatabase(db);
          const response = await sender.inject(
            sampleInjection(route.method, { ...request, payload: { ...request.payload, [field]: image } }),
          );
          const problem = expectTooLarge(response, `${key} ${field} ${what}`);
          if (problem) failures.push(problem);
          else if (!JSON.stringify(response.json().problems ?? []).includes(`"field":"${field}"`))
            failures.push(`${key} ${field} ${what}: the 413 does not name the field: ${response.body.slice(0, 200)}`);
          const changes = snapshotChanges(snapshot, await snapshotDatabase(db));
          if (changes.length) failures.push(`${key} ${field} ${what}: ${changes.join('; ')}`);
        }
        const request = await sample.make();
        const atLimit = await (
          await client(sample.role)
        ).inject(
          sampleInjection(route.method, { ...request, payload: { ...request.payload, [field]: build(maxBytes) } }),
        );
        if (atLimit.statusCode >= 300)
          failures.push(`${key} ${field} at the limit: ${atLimit.statusCode} ${atLimit.body.slice(0, 200)}`);
      }
      expect(failures).toEqual([]);
    }, 120_000);
  },
  { config: { dataDir } },
);
