/** JSON columns are text on both engines; these are the only places that cross that line. */

export function toJsonText(value: unknown): string {
  return JSON.stringify(value);
}

/** Parses what `toJsonText` wrote; the cast is safe because only this application writes these columns. */
export function fromJsonText<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function fromNullableJsonText<T>(text: string | null): T | null {
  return text === null ? null : fromJsonText<T>(text);
}
