import { testKnowledgeBase } from '../../../test-support/intake-builder.js';
import { defaultMessagingSettings } from '../../messaging/messaging-settings.js';
import type { DemoClinicOptions } from '../create-demo-clinic.js';

/** The demo clinic's options in tests: cheap, recognisable password hashes and passwords, at `now`. */
export function demoTestOptions(dataDir: string, now: Date): DemoClinicOptions {
  return {
    knowledgeBase: testKnowledgeBase(),
    messaging: defaultMessagingSettings(),
    dataDir,
    hashPassword: async (password) => `hash of ${password}`,
    now,
    passwordFor: (email) => `password of ${email}`,
  };
}
