import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = { draft: 'gray', active: 'green', paused: 'yellow', archived: 'dark' };

/** A journey's status (draft, active, paused, archived) as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light">
      {status}
    </Badge>
  );
}
