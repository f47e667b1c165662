import { describe, expect, it } from 'vitest';
import { readDenialAlertConfig } from './denial-alert-config.js';

describe('denial alert config', () => {
  it('defaults to 20 refusals within 10 minutes, and reads both from the environment', () => {
    expect(readDenialAlertConfig({})).toEqual({ denialAlerts: { threshold: 20, windowMinutes: 10 } });
    expect(
      readDenialAlertConfig({ MESODESK_DENIAL_ALERT_THRESHOLD: '5', MESODESK_DENIAL_ALERT_WINDOW_MINUTES: ' 60 ' }),
    ).toEqual({ denialAlerts: { threshold: 5, windowMinutes: 60 } });
  });

  it('refuses what is not a whole number above 0, naming the variable', () => {
    for (const value of ['0', '-3', '2.5', 'many'])
      expect(() => readDenialAlertConfig({ MESODESK_DENIAL_ALERT_THRESHOLD: value })).toThrow(
        /MESODESK_DENIAL_ALERT_THRESHOLD must be a whole number above 0/,
      );
  });
});
