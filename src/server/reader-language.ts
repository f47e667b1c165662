import type { FastifyRequest } from 'fastify';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import type { PatientRecord, UserRecord } from '../core/records/index.js';
import type { Repositories } from '../storage/repositories/repositories.js';
import type { App } from './app-types.js';
import { defaultLanguage } from '../core/localization/reader-language.js';

/**
 * The language a signed-in user reads in: staff their own, a patient account its patient record's
 * (the one language of that patient's portal, sheets and messages). A patient account whose record
 * is gone reads in the account's own.
 */
export async function userReadingLanguage(repos: Repositories, user: UserRecord): Promise<string> {
  if (user.role !== 'patient' || !user.patientId) return user.preferredLanguage;
  return (await repos.patients.findById(user.patientId))?.preferredLanguage ?? user.preferredLanguage;
}

/** The user as their own profile shows them: `preferredLanguage` is the language they read in. */
export async function withReadingLanguage(repos: Repositories, user: UserRecord): Promise<UserRecord> {
  return { ...user, preferredLanguage: await userReadingLanguage(repos, user) };
}

/** The language of the request's reader (English when nobody is signed in). */
export async function readerLanguage(app: App, request: FastifyRequest): Promise<string> {
  const user = request.auth?.user;
  return user ? userReadingLanguage(app.repos, user) : defaultLanguage;
}

/** The knowledge base in the request's reader's language. */
export async function readerKnowledge(app: App, request: FastifyRequest): Promise<KnowledgeBase> {
  return app.knowledgeFor(await readerLanguage(app, request));
}

/** The knowledge base a patient's portal, sheets and messages are written from. */
export function patientKnowledge(app: App, patient: Pick<PatientRecord, 'preferredLanguage'>): KnowledgeBase {
  return app.knowledgeFor(patient.preferredLanguage);
}
