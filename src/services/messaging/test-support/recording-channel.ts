import type { MessageChannelName } from '../../../storage/database-schema.js';
import type { MessageChannel, MessagingLogger, OutgoingMessage } from '../message-channel.js';

export interface RecordingChannel extends MessageChannel {
  sent: OutgoingMessage[];
  /** Makes the next `n` sends fail. */
  failNext(n: number): void;
  closed: boolean;
}

/** A channel that keeps what it was given, optionally slowly (to let workers interleave) or failing. */
export function recordingChannel(options: { name?: MessageChannelName; delayMs?: number } = {}): RecordingChannel {
  let failures = 0;
  const channel: RecordingChannel = {
    name: options.name ?? 'log',
    sent: [],
    closed: false,
    failNext: (n) => {
      failures = n;
    },
    async send(message) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (failures > 0) {
        failures -= 1;
        throw new Error('channel unavailable');
      }
      channel.sent.push(message);
    },
    close() {
      channel.closed = true;
    },
  };
  return channel;
}

export const silentLogger: MessagingLogger = { info: () => {}, warn: () => {}, error: () => {} };
