import type { Body, Ok } from '../api/api-types';

export type SideEffectReport = Ok<'/api/side-effects/{id}', 'get'>;
export type Triage = NonNullable<SideEffectReport['triage']>;
export type NewSideEffectReport = Body<'/api/sessions/{id}/side-effects', 'post'>;
export type AttentionReport = Ok<'/api/side-effects', 'get'>['reports'][number];
export type TriageLevel = Triage['level'];

/** Filled with dark text or white as contrast needs (theme.ts); red for today, yellow for days, teal for expected. */
export const triageColor: Record<TriageLevel, string> = { urgent: 'red', review: 'yellow', expected: 'teal' };
