import { z } from 'zod';
import { placeholders, templateLanguages } from '../../../core/messages/message-templates.js';
import { timingLimits } from '../../../core/messages/message-timing.js';
import { messageKinds } from '../../../core/messages/message-types.js';
import { sessionStatuses } from '../../../storage/database-schema.js';
import { id, text } from '../../validation/fields.js';
import { timestamp } from '../../views.js';

export const messageKind = z.enum(messageKinds, { error: `must be one of: ${messageKinds.join(', ')}` });
export const templateLanguage = z.enum(templateLanguages, {
  error: `must be one of: ${templateLanguages.join(', ')}`,
});

function hours(name: keyof typeof timingLimits) {
  const { min, max } = timingLimits[name];
  const message = `must be a whole number of hours from ${min} to ${max}`;
  return z.number({ error: message }).int({ message }).min(min, { message }).max(max, { message });
}

export const messageTimingFields = {
  preparationHoursBefore: hours('preparationHoursBefore')
    .nullable()
    .describe(
      "Hours before the session for the preparation reminder; null: when the plan's preparation window opens. Never later than that: a smaller number still sends it when the window opens",
    ),
  reminderHoursBefore: hours('reminderHoursBefore')
    .nullable()
    .describe('Hours before the session for the reminder; null: the same local clock time the day before'),
  aftercareHoursAfter: hours('aftercareHoursAfter').describe("Hours after the session's end for the aftercare message"),
  checkInHoursAfter: hours('checkInHoursAfter').describe(
    "Hours after the session's end for the check-in; later than the aftercare",
  ),
};

const timingView = z.object({
  preparationHoursBefore: z.number().int().nullable(),
  reminderHoursBefore: z.number().int().nullable(),
  aftercareHoursAfter: z.number().int(),
  checkInHoursAfter: z.number().int(),
});

export const settingsBody = z.object({ language: templateLanguage, ...messageTimingFields });

/** Subject and body as a clinic writes them; placeholders are checked by the service (unknown ones are named). */
export const templateBody = z.object({
  subject: text(200).describe('One line; may use the placeholders, except {instructions}'),
  body: text(5000).describe(
    'The letter around the clinical part: {instructions} places it, and where left out it is added at the end',
  ),
});

const textView = z.object({ subject: z.string(), body: z.string() });

export const templateView = z.object({
  kind: messageKind,
  language: templateLanguage,
  subject: z.string(),
  body: z.string(),
  custom: z.boolean().describe("true: the clinic's own text; false: the default text, sent while it has none"),
  updatedAt: timestamp.nullable(),
  defaultText: textView.describe(
    'The default text of this kind in this language: sent while the clinic has no text of its own in it',
  ),
});

export const messagingView = z.object({
  language: templateLanguage.describe(
    "The clinic's language: new patients read it unless told otherwise; each patient's messages go out in the patient's own",
  ),
  timing: timingView,
  customised: z.boolean().describe('false: the clinic has kept the default language and timing'),
  defaultTiming: timingView,
  limits: z.record(z.string(), z.object({ min: z.number(), max: z.number() })).describe('Bounds of each timing field'),
  languages: z.array(templateLanguage),
  kinds: z.array(messageKind).describe('In the order a patient meets them'),
  placeholders: z.array(z.enum(placeholders)),
  templates: z.array(templateView).describe('Every kind in every language'),
});

export const rewrittenView = z
  .number()
  .int()
  .describe('How many sessions had messages still waiting to go out, written again with the new timing or wording');

export const savedTemplateView = z.object({ template: templateView, rewrittenSessions: rewrittenView });
export const savedSettingsView = messagingView.extend({ rewrittenSessions: rewrittenView });

export const templateParams = z.object({
  id,
  kind: messageKind,
  language: templateLanguage,
});

export const previewBody = z
  .object({
    patientId: id,
    kind: messageKind,
    language: templateLanguage
      .optional()
      .describe("The patient's language when left out (the clinic's, if the clinic writes in no such language)"),
    subject: templateBody.shape.subject.optional(),
    body: templateBody.shape.body.optional(),
  })
  .refine((b) => (b.subject === undefined) === (b.body === undefined), {
    message: 'give both subject and body (a draft to preview), or neither (the saved text)',
    path: ['body'],
  });

export const previewView = z.object({
  kind: messageKind,
  language: templateLanguage,
  wording: z
    .enum(['draft', 'clinic', 'default'])
    .describe("Whose wording: the draft sent, the clinic's saved text, or the default"),
  subject: z.string(),
  body: z.string(),
  dueAt: timestamp.describe('When this message goes (or went) out for this session'),
  recipient: z.string().nullable().describe('null: the patient has no email address and gets no messages'),
  session: z.object({ id: z.string(), scheduledAt: timestamp, status: z.enum(sessionStatuses) }),
});
