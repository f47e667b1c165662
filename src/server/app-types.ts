import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import type { KnowledgeLibrary } from '../core/knowledge/knowledge-library.js';
import type { Repositories } from '../storage/repositories/repositories.js';
import type { AppConfig } from './app-config.js';
import type { PasswordHasher } from '../services/accounts/password-hasher.js';
import type { Access, RouteAccess } from './plugins/route-access.js';
import type { AuditEvent } from '../storage/repositories/audit-entries.js';
import type { AuthContext } from './auth/auth-context.js';

/** The Fastify instance every route plugin receives: zod-typed routes and the decorations below. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    repos: Repositories;
    /**
     * The English knowledge base: what decisions with no reader (re-screening, charting checks,
     * codes in a request) are made with. Text a reader reads comes from `knowledgeFor`.
     */
    knowledgeBase: KnowledgeBase;
    /** The knowledge base in every language it has; `languages` are those a reader may choose. */
    knowledgeLibrary: KnowledgeLibrary;
    /**
     * The knowledge base in a reader's language (server/reader-language.ts finds it for a request):
     * the same codes, numbers and rules as `knowledgeBase`, with that language's texts.
     */
    knowledgeFor(language: string | undefined): KnowledgeBase;
    appConfig: AppConfig;
    passwordHasher: PasswordHasher;
    /** The clock (BuildAppOptions.now for tests): what routes hand to services as "now". */
    now(): Date;
    /** Every route and who may call it (filled in as routes register). */
    routeAccess: readonly RouteAccess[];
  }

  interface FastifyRequest {
    /** The signed-in user and session, or null. Routes that require a role can use `requireAuth(request)`. */
    auth: AuthContext | null;
    /** Appends audit entries for this request (inside `repos`' transaction when given). */
    audit(events: AuditEvent | readonly AuditEvent[], repos?: Repositories): Promise<void>;
  }

  interface FastifyContextConfig {
    /** Who may call the route; every route must say (see plugins/access-control.ts). */
    access?: Access;
  }
}
