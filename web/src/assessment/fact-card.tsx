import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Sourced } from '../api/assessment-types';
import { SourceRefs } from './source-refs';

/** One sourced fact: a title, its text, and the sources button beside the title. */
export function FactCard({
  title,
  badges,
  sourced,
  children,
}: {
  title: string;
  badges?: ReactNode;
  sourced: Partial<Sourced>;
  children?: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="wrap">
          <Text fw={600} component="h3" size="md" m={0}>
            {title}
          </Text>
          {badges}
        </Group>
        <SourceRefs sourced={sourced} what={title} />
      </Group>
      {children}
    </Paper>
  );
}
