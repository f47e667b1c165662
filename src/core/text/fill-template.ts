/** A `{name}` mark in a knowledge-base sentence template. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * The names of the `{name}` marks in `template`, each once, sorted: what a translation must keep, so
 * that no value (a figure, a name) is dropped from the sentence a reader sees.
 */
export function templatePlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/**
 * `template` with each `{name}` replaced by its value, in one pass (a value that looks like a mark
 * stays as it is). A mark without a value is left as written, so a gap shows rather than vanishes.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
