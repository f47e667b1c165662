/** Plain-text letters: a greeting, blocks separated by blank lines, the clinic's name. */

export function bullets(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

/** Empty blocks (null, '') are left out, so optional parts need no special casing. */
export function letter(firstName: string, clinicName: string, blocks: ReadonlyArray<string | null>): string {
  return [`Hello ${firstName},`, ...blocks.filter((b): b is string => Boolean(b)), clinicName].join('\n\n') + '\n';
}

/** "Mon 30 Nov 2026 at 10:00, at Clinic, Main room" */
export function whenAndWhere(date: string, time: string, clinicName: string, place: string | null): string {
  return `${date} at ${time}, at ${clinicName}${place ? `, ${place}` : ''}`;
}
