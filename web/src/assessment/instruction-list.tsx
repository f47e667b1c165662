import { Group, List, Text, Title } from '@mantine/core';
import type { Sourced } from '../api/assessment-types';
import { SourceRefs } from './source-refs';

export interface InstructionItem extends Partial<Sourced> {
  key: string;
  text: string;
  when: string;
}

/** Preparation, aftercare or expected effects: each instruction with its time window and sources. */
export function InstructionList({ title, items, id }: { title: string; items: InstructionItem[]; id: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mt="md" mb={4}>
        {title}
      </Title>
      <List size="sm" spacing={6}>
        {items.map((item) => (
          <List.Item key={item.key}>
            <Group gap="xs" align="flex-start" wrap="nowrap" justify="space-between">
              <Text size="sm">
                {item.text}{' '}
                <Text span size="xs" c="dimmed">
                  ({item.when})
                </Text>
              </Text>
              <SourceRefs sourced={item} what={item.text} />
            </Group>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
