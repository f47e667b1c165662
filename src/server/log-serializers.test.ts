import { describe, expect, it } from 'vitest';
import { logSerializers, pathOnly } from './log-serializers.js';

describe('log serializers', () => {
  it('drop query strings, which may name patients', () => {
    expect(pathOnly('/api/patients?name=M%C3%BCller&birthDate=1980-02-29')).toBe('/api/patients?…');
    expect(pathOnly('/api/health')).toBe('/api/health');
    expect(logSerializers.req({ method: 'GET', url: '/api/patients?phone=123', ip: '127.0.0.1' })).toEqual({
      method: 'GET',
      url: '/api/patients?…',
      remoteAddress: '127.0.0.1',
    });
  });
});
