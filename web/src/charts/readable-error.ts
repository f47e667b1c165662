/**
 * Mantine draws field errors, and the text typed into a field in error, in red 6: below AA contrast
 * on white (3.3:1) and on tinted alerts. The chart's fields use the darkest red for the message and
 * keep the typed text in the normal text colour (the red border and the message mark the error).
 */
export const readableError = {
  error: { color: 'var(--mantine-color-red-9)' },
  input: { color: 'var(--mantine-color-text)' },
} as const;
