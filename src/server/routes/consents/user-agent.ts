import type { FastifyRequest } from 'fastify';

/** The client's User-Agent as evidence of how a consent was signed: printable, bounded, or null. */
export function userAgentOf(request: FastifyRequest): string | null {
  const raw = request.headers['user-agent'];
  if (typeof raw !== 'string') return null;
  // Control characters (NUL above all, which PostgreSQL refuses) carry no evidence.
  const cleaned = raw
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 500);
  return cleaned || null;
}
