import type { DemoLogin } from './create-demo-clinic.js';

/** The demo's logins as a table for the terminal: role, email, password, and whose it is. */
export function describeDemoLogins(logins: readonly DemoLogin[]): string[] {
  const emailWidth = Math.max(...logins.map((l) => l.email.length)) + 2;
  const passwordWidth = Math.max(...logins.map((l) => l.password.length)) + 2;
  return logins.map(
    (l) =>
      `  ${l.role.padEnd(14)}${l.email.padEnd(emailWidth)}${l.password.padEnd(passwordWidth)}${l.role === 'patient' ? `${l.name} (patient portal)` : l.name}`,
  );
}
