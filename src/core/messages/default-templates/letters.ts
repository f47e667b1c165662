import type { MessageTemplate } from '../message-templates.js';
import type { MessageKind } from '../message-types.js';

/** One language's default letters: a text for every kind of message. */
export type DefaultTemplates = Readonly<Record<MessageKind, MessageTemplate>>;
