import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

/**
 * An empty list says what goes there and links the action that fills it, so a new clinic learns
 * the product from its own empty pages.
 */
export function EmptyState({
  text,
  action,
  size,
}: {
  text: string;
  action?: { to: string; label: string } | null;
  size?: 'sm';
}) {
  return (
    <Stack gap={4} align="flex-start" data-testid="empty-state">
      <Text size={size}>{text}</Text>
      {action && (
        <Anchor component={Link} to={action.to} size={size}>
          {action.label}
        </Anchor>
      )}
    </Stack>
  );
}
