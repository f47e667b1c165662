import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loggableUrl, loggerOptions, logSerializers, redactPathsInText } from './log-serializers.js';

const token = 'q7Vh0sM2n3TbYwZ1x9LkP4cR8dE6fG5hJ2kL3mN4oP5';

/** A logger with the server's options writing into `lines`. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino(loggerOptions('info'), stream), text: () => lines.join('') };
}

describe('log serializers', () => {
  it('drop query strings, which may name patients', () => {
    expect(loggableUrl('/api/patients?name=M%C3%BCller&birthDate=1980-02-29')).toBe('/api/patients?…');
    expect(loggableUrl('/api/health')).toBe('/api/health');
    expect(logSerializers.req({ method: 'GET', url: '/api/patients?phone=123', ip: '127.0.0.1' })).toEqual({
      method: 'GET',
      url: '/api/patients?…',
      remoteAddress: '127.0.0.1',
    });
  });

  it('redact the calendar-feed secret and any other long token in a path, keeping record ids', () => {
    expect(loggableUrl(`/api/calendar-feeds/${token}.ics`)).toBe('/api/calendar-feeds/[redacted].ics');
    // Whatever the server makes of it, a value in the token's place is not logged.
    expect(loggableUrl('/api/calendar-feeds/short.ics')).toBe('/api/calendar-feeds/[redacted].ics');
    expect(loggableUrl(`/api/some-future-link/${token}/confirm?x=1`)).toBe(
      '/api/some-future-link/[redacted]/confirm?…',
    );
    const id = '0190a7a4-9d2c-7b31-8a55-1f2e3d4c5b6a';
    expect(loggableUrl(`/api/sessions/${id}/chart`)).toBe(`/api/sessions/${id}/chart`);
    expect(redactPathsInText(`Route GET:/api/calendar-feeds/${token}.ics not found`)).toBe(
      'Route GET:/api/calendar-feeds/[redacted].ics not found',
    );
  });

  it('censor cookies, authorization and CSRF headers and secrets in messages and errors', () => {
    const { logger, text } = capturingLogger();
    logger.info(
      {
        req: { method: 'GET', url: `/api/calendar-feeds/${token}.ics`, ip: '10.0.0.1' },
        headers: { cookie: 'mesodesk_session=s3cret-cookie', authorization: 'Bearer s3cret-bearer' },
        res: { headers: { 'set-cookie': 'mesodesk_session=s3cret-set' } },
      },
      `fetched /api/calendar-feeds/${token}.ics`,
    );
    logger.error({ err: new Error(`failed on /api/calendar-feeds/${token}.ics?x=s3cret-query`) }, 'boom');
    const [withHeaders] = text().split('\n');
    const logged = JSON.parse(withHeaders ?? '{}') as Record<string, unknown>;
    expect(logged).toMatchObject({
      headers: { cookie: '[redacted]', authorization: '[redacted]' },
      res: { headers: { 'set-cookie': '[redacted]' } },
    });
    expect(text()).toContain('/api/calendar-feeds/[redacted].ics');
    for (const secret of [token, 's3cret']) expect(text()).not.toContain(secret);
  });
});
