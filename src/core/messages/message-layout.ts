/** Plain-text letters: blocks separated by blank lines. */

export function bullets(lines: readonly string[]): string {
  return lines.map((line) => `- ${line}`).join('\n');
}

/** Empty blocks (null, '') are left out, so optional parts need no special casing. */
export function blocks(parts: ReadonlyArray<string | null>): string {
  return parts.filter((b): b is string => Boolean(b)).join('\n\n');
}
