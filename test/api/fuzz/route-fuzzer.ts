import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../../src/storage/create-database.js';
import type { TestClient } from '../../../src/test-support/test-app.js';
import { filesUnder } from '../../../src/server/uploads/test-support/stored-files.js';
import type { ApiRoute } from './api-routes.js';
import { changedTables, snapshotDatabase, type DatabaseSnapshot } from '../../../src/test-support/database-snapshot.js';
import { requestUrl, type Blame, type HostileRequest } from './hostile-requests.js';
import { relatedFields } from '../../../src/test-support/hostile-values.js';
import { hasPrototypeKeys, problemsOf, topField, type Problem } from './named-fields.js';

/** Whether the problem's message names `name` (a field or parameter name) as a word: rules between fields say why in the other's terms. */
function mentions(problem: Problem, name: string | undefined): boolean {
  return name !== undefined && /^[A-Za-z_]\w*$/.test(name) && new RegExp(`\\b${name}\\b`).test(problem.message);
}

/** Why a 400's problems do not name what `blame` says, or undefined when they do. */
export function blameMismatch(
  problems: readonly Problem[],
  blame: Blame,
  sent: string,
  refusedBase: ReadonlySet<string>,
): string | undefined {
  const fields = problems.map((p) => p.field);
  // A body the route refuses anyway (for this role, say) is refused for the same fields.
  if (refusedBase.size > 0 && fields.every((f) => refusedBase.has(f))) return undefined;
  switch (blame.kind) {
    case 'field': {
      if (fields.some((f) => relatedFields(f, blame.field))) return undefined;
      // A rule between fields may blame the other one, saying why in terms of this one:
      // `anaesthesiaAgent: must be empty when anaesthesiaUsed is false`.
      const name = /(?:^|\.)([A-Za-z_]\w*)$/.exec(blame.field)?.[1];
      if (problems.some((p) => mentions(p, name))) return undefined;
      // The JSON parser refuses prototype keys for the body as a whole, before any field is read.
      if (hasPrototypeKeys(sent) && fields.includes('(body)')) return undefined;
      return `names ${fields.join(', ')}, not ${blame.field}`;
    }
    case 'fields':
      return fields.every((f) => f === '(body)' || blame.fields.includes(f) || blame.fields.includes(topField(f)))
        ? undefined
        : `names ${fields.join(', ')}, none of which was sent or declared`;
    case 'query': {
      const aboutSent = (p: Problem) =>
        blame.keys.includes(p.field) ||
        blame.keys.includes(topField(p.field)) ||
        blame.keys.some((k) => mentions(p, k));
      return problems.every(aboutSent)
        ? undefined
        : `names ${fields.join(', ')}, not one of the query parameters ${blame.keys.join(', ')}`;
    }
    case 'path':
      // A segment that is not valid percent-encoding stops the router before any route (or parameter) is known.
      return fields.some((f) => f === blame.param || (!blame.decodable && f === '(path)'))
        ? undefined
        : `names ${fields.join(', ')}, not the path parameter ${blame.param}`;
  }
}

interface Snapshot {
  tables: DatabaseSnapshot;
  files: string;
}

/** Answers that refuse access: audited (plugins/audit-denials.ts), so they may add refusal entries and alerts. */
const refusals: ReadonlySet<number> = new Set([401, 403, 404]);
/**
 * What a refusal may write: its audit entry, an alert to admins (an audit entry and outbox messages),
 * and for a wrong password the count of failed tries behind the sign-in limits.
 */
const refusalTables: ReadonlySet<string> = new Set(['audit_log', 'outbox_messages', 'login_throttles']);

/** Audit entries other than refusals and the alerts they raise: a refused request must add none. */
async function otherAuditEntries(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('reason', 'is', null)
    .where('entity', 'not in', ['denial_alert', 'outbox_message'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Sends hostile requests and checks each answer: never a 5xx; a 400 names the field to blame; and
 * after any 4xx the database (every table, the audit log included) and the stored photos are as
 * they were, except that a refusal (401, 403, 404) may leave its audit entry (with a reason) and
 * an alert: the audit log records reads and writes that happened, and access that was denied.
 */
export class RouteFuzzer {
  private last: Snapshot | undefined;

  constructor(
    private readonly db: Db,
    private readonly filesDir: string,
  ) {}

  /** The database and the stored files; `previous` spares reading the tables again when nothing was written. */
  private async snapshot(previous?: Snapshot): Promise<Snapshot> {
    const files = createHash('sha256').update(filesUnder(this.filesDir).join('\n')).digest('hex');
    return { tables: await snapshotDatabase(this.db, previous?.tables), files };
  }

  /** Something outside the fuzzed requests wrote (a fresh sign-in): look again before the next one. */
  forgetSnapshot(): void {
    this.last = undefined;
  }

  async send(
    client: TestClient,
    route: ApiRoute,
    pathValues: Readonly<Record<string, string>>,
    request: HostileRequest,
    refusedBase: ReadonlySet<string> = new Set(),
  ): Promise<LightMyRequestResponse> {
    const before = (this.last ??= await this.snapshot());
    const auditedBefore = await otherAuditEntries(this.db);
    const url = requestUrl(route, pathValues, request);
    const response = await client.inject({ ...request.options, url });
    const context = `${route.method} ${url.slice(0, 300)} ${request.summary} → ${response.statusCode} ${response.body.slice(0, 400)}`;
    expect(response.statusCode, context).toBeLessThan(500);
    if (response.statusCode === 400) {
      const problems = problemsOf(response);
      const sent = typeof request.options.payload === 'string' ? request.options.payload : '';
      expect(blameMismatch(problems, request.blame, sent, refusedBase), context).toBeUndefined();
    }
    const after = await this.snapshot(before);
    if (response.statusCode >= 400) {
      const changed = changedTables(before.tables, after.tables).filter(
        (change) => !(refusals.has(response.statusCode) && refusalTables.has(change.slice(0, change.indexOf(':')))),
      );
      expect(changed, `${context}\nchanged the database`).toEqual([]);
      expect(await otherAuditEntries(this.db), `${context}\nwrote an audit entry of a read or write`).toBe(
        auditedBefore,
      );
      expect(after.files, `${context}\nchanged the stored photos`).toBe(before.files);
    }
    this.last = after;
    return response;
  }
}
