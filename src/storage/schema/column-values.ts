/** Column value types shared by the tables (see database-schema.ts for the conventions). */

export type IsoTimestamp = string;
export type JsonText = string;
/** 0 or 1. */
export type Flag = number;

// The value sets a record's fields take are the core's (src/core/records); the columns hold the same values.
export {
  roles,
  sessionStatuses,
  courseStatuses,
  injectionTechniques,
  photoKinds,
  auditActions,
  type Role,
  type SessionStatus,
  type CourseStatus,
  type InjectionTechnique,
  type PhotoKind,
  type AuditAction,
} from '../../core/records/record-values.js';

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const messageChannels = ['email', 'log'] as const;
export type MessageChannelName = (typeof messageChannels)[number];
