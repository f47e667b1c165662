/**
 * The closed sets of values records carry. Storage checks its columns against these lists and the
 * HTTP schemas enumerate them, so each set is written once, here.
 */

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

/**
 * Why access to a record or route was refused (the audit entry's `reason`): not signed in; a role
 * the route does not admit; another patient's record (a patient account); a record of another
 * clinic; or another rule of the route (a practitioner asking for a colleague's calendar).
 */
export const denialReasons = ['not_signed_in', 'wrong_role', 'not_their_record', 'other_clinic', 'refused'] as const;
export type DenialReason = (typeof denialReasons)[number];

/** How a side-effect report reached the clinic: the patient's portal, or staff taking it by phone or in person. */
export const reportChannels = ['portal', 'phone', 'in_person'] as const;
export type ReportChannel = (typeof reportChannels)[number];
