/**
 * What a service logs to. pino (the server's and the CLI's logger) satisfies it, so services log
 * without knowing about Fastify; tests pass a silent one.
 */
export interface ServiceLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}
