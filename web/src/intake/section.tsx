import { Fieldset, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A fieldset: screen readers announce its legend with every field inside. */
export function Section({ legend, help, children }: { legend: string; help?: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} variant="default">
      {help && (
        <Text size="sm" mb="sm">
          {help}
        </Text>
      )}
      {children}
    </Fieldset>
  );
}
