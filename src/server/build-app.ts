import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import { knowledgeLibrary, type KnowledgeLibrary } from '../core/knowledge/knowledge-library.js';
import type { Db } from '../storage/create-database.js';
import { createRepositories } from '../storage/repositories/repositories.js';
import { defaultAppConfig, type AppConfig, type TrustProxy } from './app-config.js';
import type { App } from './app-types.js';
import { argon2idHasher } from '../services/accounts/password-hasher.js';
import { withSessionCache } from './auth/session-cache.js';
import { accessControlPlugin } from './plugins/access-control.js';
import { auditPlugin } from './plugins/audit.js';
import { authenticationPlugin } from './plugins/authentication.js';
import { csrfPlugin } from './plugins/csrf.js';
import { errorHandlerPlugin, handleError } from './plugins/error-handler.js';
import { loggerOptions } from './log-serializers.js';
import { depthLimitedJsonParser } from './plugins/json-body-parser.js';
import { noStorePlugin } from './plugins/no-store.js';
import { docsPrefix, openApiPlugin } from './plugins/openapi.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { writeRateLimitPlugin } from './plugins/write-rate-limit.js';
import { registerRoutes } from './routes/register-routes.js';
import { fhirMime } from './routes/fhir/fhir-schemas.js';
import { validatorCompiler } from './validation/validator-compiler.js';

export interface BuildAppOptions {
  /** A migrated database (see storage/migrate.ts). The caller owns it and closes it after the app. */
  db: Db;
  knowledgeBase: KnowledgeBase;
  /**
   * The knowledge base in every language (load-knowledge-library.ts), whose `base` is `knowledgeBase`;
   * without it, readers of every language get the English.
   */
  knowledgeLibrary?: KnowledgeLibrary;
  /** Overrides of `defaultAppConfig()`. */
  config?: Partial<AppConfig>;
  /**
   * A pino logger (main.ts, made with `loggerOptions()`), `false` for none (the default, for tests),
   * or `true` for one on standard output with the same redaction (log-serializers.ts).
   */
  logger?: FastifyBaseLogger | boolean;
  /** The clock, for tests. */
  now?: () => Date;
  /** Shown in the OpenAPI document. */
  version?: string;
}

/**
 * Proxy addresses, or a hop count as a function: Fastify takes a bare number to mean "trust no
 * one". Never `true` (server-config.ts refuses it): request.ip is the client's real address.
 */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust === false ? false : [...trust];
}

/** The whole HTTP application, ready for `inject()` or `listen()`; it does not listen by itself. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const config: AppConfig = { ...defaultAppConfig(), ...options.config };
  const logger = options.logger ?? false;
  const app = Fastify({
    ...(typeof logger === 'boolean' ? { logger: logger && loggerOptions() } : { loggerInstance: logger }),
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: config.bodyLimitBytes,
    // Reject prototype-polluting keys in JSON bodies outright.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Errors raised before routing (a path that is not valid percent-encoding) get the same error bodies.
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  // JSON bodies (and FHIR's JSON) parsed strictly, and refused when nested deeper than any body
  // this API takes: storing or checking such a value recursively would overflow the stack.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', fhirMime], { parseAs: 'string' }, depthLimitedJsonParser(app));
  // One zod schema validates the input, types the handler and documents the route (plugins/openapi.ts);
  // response schemas shape the answer: fields they do not declare are left out.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Sessions are looked up on every request: cached briefly in the process (auth/session-cache.ts).
  app.decorate(
    'repos',
    withSessionCache(
      createRepositories(options.db, options.now ? { now: options.now } : {}),
      options.now ? { now: options.now } : {},
    ),
  );
  app.decorate('knowledgeBase', options.knowledgeBase);
  const library = options.knowledgeLibrary ?? knowledgeLibrary(options.knowledgeBase, new Map());
  app.decorate('knowledgeLibrary', library);
  app.decorate('knowledgeFor', (language: string | undefined) => library.for(language));
  app.decorate('appConfig', config);
  app.decorate('now', options.now ?? (() => new Date()));
  app.decorate('passwordHasher', argon2idHasher(config.passwordHashing));

  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin, { https: config.secureCookies });
  await app.register(noStorePlugin);
  await app.register(authenticationPlugin);
  await app.register(accessControlPlugin, { publicPrefixes: [docsPrefix] });
  await app.register(csrfPlugin);
  await app.register(auditPlugin);
  // Per-route limits (the login route sets its own), and one on each signed-in user's writes.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(writeRateLimitPlugin);
  await app.register(openApiPlugin, { version: options.version ?? '0.1.0' });
  await app.register(registerRoutes);
  await app.register(import('./web/web-app-plugin.js')); // the built web app (web/dist) at every non-API path
  await app.ready();
  return app;
}
