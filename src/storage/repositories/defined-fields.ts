/** The entries of a patch whose value is not `undefined`: absent means "leave as is", `null` means "clear". */
export function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** COUNT(*) comes back as a number from SQLite and as a string (bigint) from PostgreSQL. */
export function toCount(value: string | number | bigint | undefined): number {
  return value === undefined ? 0 : Number(value);
}
