import type { Ok } from '../../api/api-types';

/** The clinic's messages to patients as the API gives them (GET /api/clinics/{id}/message-templates). */
export type Messaging = Ok<'/api/clinics/{id}/message-templates', 'get'>;
export type MessageTemplate = Messaging['templates'][number];
export type MessageKind = MessageTemplate['kind'];
export type TemplateLanguage = MessageTemplate['language'];
export type MessagePreview = Ok<'/api/clinics/{id}/message-preview', 'post'>;
