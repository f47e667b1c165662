import { Badge } from '@mantine/core';
import { useCodeLabel } from '../i18n/use-code-label';

const colors: Record<string, string> = { planned: 'blue', done: 'teal', cancelled: 'gray', no_show: 'red' };

export function SessionStatusBadge({ status }: { status: string }) {
  const label = useCodeLabel();
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light" size="sm">
      {label('sessionStatus', status)}
    </Badge>
  );
}
