import type { Body, Ok } from '../api/api-types';

/** The portal's self-service shapes, named (schema.d.ts inlines them). */
export type PortalPlan = Ok<'/api/portal/plan', 'get'>;
export type PortalCourse = PortalPlan['courses'][number];
export type PortalSession = PortalCourse['sessions'][number];
export type Screening = Ok<'/api/portal/intakes', 'post'>;
export type Offers = Ok<'/api/portal/course-proposals', 'post'>;
export type OfferedCourse = Offers['courses'][number];
export type OfferedSession = OfferedCourse['sessions'][number];
export type OfferRequest = Body<'/api/portal/course-proposals', 'post'>;
export type MoveChoices = Ok<'/api/portal/sessions/{id}/move-options', 'get'>;
export type ConsultationRequest = Ok<'/api/portal/consultation-requests', 'get'>['requests'][number];
