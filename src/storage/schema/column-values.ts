/** Column value types shared by the tables (see database-schema.ts for the conventions). */

export type IsoTimestamp = string;
export type JsonText = string;
/** 0 or 1. */
export type Flag = number;

export const roles = ['admin', 'practitioner', 'reception', 'patient'] as const;
export type Role = (typeof roles)[number];

export const sessionStatuses = ['planned', 'done', 'cancelled', 'no_show'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const courseStatuses = ['active', 'completed', 'cancelled'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

export const injectionTechniques = ['manual', 'gun', 'needle_free'] as const;
export type InjectionTechnique = (typeof injectionTechniques)[number];

export const photoKinds = ['before', 'after'] as const;
export type PhotoKind = (typeof photoKinds)[number];

export const auditActions = ['read', 'create', 'update', 'delete'] as const;
export type AuditAction = (typeof auditActions)[number];

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const messageChannels = ['email', 'log'] as const;
export type MessageChannelName = (typeof messageChannels)[number];
