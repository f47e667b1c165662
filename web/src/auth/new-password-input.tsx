import { PasswordInput } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
}

/**
 * A password being chosen: the browser may offer to generate and save it. The length asked here is
 * the server's least; the server also judges how easy it is to guess.
 */
export function NewPasswordInput({ onChange, ...props }: Props) {
  return (
    <PasswordInput
      {...props}
      autoComplete="new-password"
      required
      minLength={10}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** The chosen password typed again; `error` says so while the two differ. */
export function RepeatPasswordInput({ onChange, ...props }: Omit<Props, 'description'>) {
  return (
    <PasswordInput {...props} autoComplete="new-password" required onChange={(e) => onChange(e.currentTarget.value)} />
  );
}
