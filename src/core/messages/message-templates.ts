import type { FieldProblem } from '../assessment/parse-intake.js';
import { mightStopBloodThinners } from './blood-thinner-safety.js';

/** The languages a clinic may write its message texts in (those of the web app). */
export const templateLanguages = ['en', 'tr'] as const;
export type TemplateLanguage = (typeof templateLanguages)[number];

/** A clinic's wording of one kind of message; `{name}` marks where a value goes. */
export interface MessageTemplate {
  subject: string;
  body: string;
}

/**
 * What a template may quote. `instructions` is the clinical part, written from the knowledge base
 * and the patient's plan (preparation, aftercare with its times, the signs that need a same-day
 * call and their sources, the report link): a template places it, and where a template leaves it
 * out it is added at the end, so no wording can drop it.
 */
export const placeholders = [
  'patientName',
  'clinicName',
  'sessionDate',
  'sessionTime',
  'sessionEndTime',
  'sessionDay',
  'place',
  'reportLink',
  'instructions',
] as const;
export type Placeholder = (typeof placeholders)[number];
export type TemplateValues = Record<Placeholder, string>;

/** The clinical part's placeholder: body only. */
export const safetyPlaceholder: Placeholder = 'instructions';

const placeholderPattern = /\{([^{}\s]{1,60})\}/g;
const isPlaceholder = (name: string): name is Placeholder => (placeholders as readonly string[]).includes(name);
const known = placeholders.map((p) => `{${p}}`).join(', ');

/** The names of the `{…}` marks in `text`, in order, each once. */
function marks(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1] ?? ''))];
}

/**
 * Why a clinic's wording cannot be used, one problem per field: an unknown placeholder (named, with
 * the known ones), the clinical part in the subject, a subject over several lines, or text that
 * could be read as "stop your blood thinner" (that decision is the prescriber's alone).
 */
export function templateProblems(template: MessageTemplate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    const text = template[field];
    const unknown = marks(text).filter((name) => !isPlaceholder(name));
    if (unknown.length)
      problems.push({
        field,
        message: `unknown placeholder ${unknown.map((n) => `{${n}}`).join(', ')}: use ${known}`,
      });
    else if (field === 'subject' && text.includes(`{${safetyPlaceholder}}`))
      problems.push({ field, message: `{${safetyPlaceholder}} belongs in the body, not the subject` });
    else if (field === 'subject' && /[\r\n]/.test(text)) problems.push({ field, message: 'must be one line' });
    else if (mightStopBloodThinners(text))
      problems.push({
        field,
        message: 'must not tell patients to stop a prescribed blood thinner: only the prescriber decides that',
      });
  }
  return problems;
}

/** Blank lines left by empty values collapse to one; the letter ends with one line break. */
function tidy(body: string): string {
  return `${body
    .replace(/^\n+/, '')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/**
 * The message a template makes: each known placeholder replaced by its value (in one pass, so a
 * value that looks like a placeholder stays as it is). Where the body leaves out the clinical part,
 * it is added at the end.
 */
export function renderTemplate(template: MessageTemplate, values: TemplateValues): { subject: string; body: string } {
  const fill = (text: string) =>
    text.replace(/\r\n?/g, '\n').replace(placeholderPattern, (whole, name: string) => {
      return isPlaceholder(name) ? values[name] : whole;
    });
  const placed = template.body.includes(`{${safetyPlaceholder}}`);
  const body = fill(template.body) + (placed ? '' : `\n\n${values.instructions}`);
  return { subject: fill(template.subject).trim(), body: tidy(body) };
}
