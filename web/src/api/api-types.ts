import type { AssessmentResult, Plan } from './assessment-types';
import type { paths } from './schema';

/** Names for the shapes of schema.d.ts (the generated document inlines them all). */

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Responses<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;

/** The JSON of a 200 or 201 answer. */
export type Ok<P extends keyof paths, M extends Method> =
  Json<Responses<P, M>[200 & keyof Responses<P, M>]> | Json<Responses<P, M>[201 & keyof Responses<P, M>]>;

/** The JSON request body. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

export type User = Ok<'/api/auth/me', 'get'>['user'];
export type Role = User['role'];
export type Patient = Ok<'/api/patients/{id}', 'get'>;
export type NewPatient = Body<'/api/patients', 'post'>;
/** A language a user or patient may read in: one of the server's knowledge base (GET /api/health). */
export type ReaderLanguage = NonNullable<NewPatient['preferredLanguage']>;
export type IntakeRequest = Body<'/api/patients/{id}/intakes', 'post'>;
export type IntakeEntry = Ok<'/api/patients/{id}/intakes', 'get'>['intakes'][number];
export type ScheduleEntry = Ok<'/api/sessions', 'get'>['entries'][number];
export type TreatmentSession = Ok<'/api/sessions/{id}', 'get'>;
export type AuditEntry = Ok<'/api/audit', 'get'>['entries'][number];
export type DeniedUser = Ok<'/api/audit/denied', 'get'>['users'][number];

/** A stored assessment with its result in the core's full shape (see assessment-types.ts). */
export type StoredAssessment = Omit<Ok<'/api/assessments/{id}', 'get'>, 'result'> & { result: AssessmentResult };

/** A course with the assessment's full plan. */
export type Course = Omit<Ok<'/api/courses/{id}', 'get'>, 'plan'> & { plan: Plan };
