import { describe, expect, it } from 'vitest';
import { readMessagingConfig } from './messaging-config.js';

describe('messaging configuration from the environment', () => {
  it('logs messages by default, with links to this server', () => {
    expect(readMessagingConfig({}, 'http://localhost:3000')).toEqual({
      settings: { channel: 'log', baseUrl: 'http://localhost:3000', locale: 'en-GB' },
      intervalMs: 30_000,
    });
  });

  it('sends email when an SMTP server is given', () => {
    const config = readMessagingConfig(
      {
        MESODESK_SMTP_URL: 'smtps://clinic:secret@mail.example:465',
        MESODESK_SMTP_FROM: 'Clinic <clinic@example.test>',
        MESODESK_PUBLIC_URL: 'https://clinic.example',
        MESODESK_LOCALE: 'de-DE',
        MESODESK_MESSAGE_INTERVAL_SECONDS: '5',
      },
      'http://localhost:3000',
    );
    expect(config).toEqual({
      settings: { channel: 'email', baseUrl: 'https://clinic.example', locale: 'de-DE' },
      smtp: { url: 'smtps://clinic:secret@mail.example:465', from: 'Clinic <clinic@example.test>' },
      intervalMs: 5000,
    });
  });

  it('names the variable when a value is wrong', () => {
    const read = (env: Record<string, string>) => () => readMessagingConfig(env, 'http://localhost:3000');
    expect(read({ MESODESK_SMTP_URL: 'mail.example' })).toThrow(/MESODESK_SMTP_URL must be a URL/);
    expect(read({ MESODESK_SMTP_URL: 'http://mail.example' })).toThrow(
      /MESODESK_SMTP_URL must start with smtp:\/\/ or smtps:\/\//,
    );
    expect(read({ MESODESK_PUBLIC_URL: 'ftp://x' })).toThrow(/MESODESK_PUBLIC_URL/);
    expect(read({ MESODESK_LOCALE: 'not a locale!' })).toThrow(/MESODESK_LOCALE/);
    expect(read({ MESODESK_MESSAGE_INTERVAL_SECONDS: '0' })).toThrow(/MESODESK_MESSAGE_INTERVAL_SECONDS/);
    expect(read({ MESODESK_MESSAGE_INTERVAL_SECONDS: 'often' })).toThrow(
      expect.objectContaining({ name: 'ServerConfigError' }),
    );
  });
});
