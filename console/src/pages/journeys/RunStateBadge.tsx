import { Badge } from '@mantine/core';

const STATE_COLORS: Record<string, string> = { active: 'blue', completed: 'green', exited: 'gray', failed: 'red' };

/** A run's state as a badge (active, completed, exited, failed). */
export function RunStateBadge({ state }: { state: string }) {
  return (
    <Badge variant="light" color={STATE_COLORS[state] ?? 'gray'}>
      {state}
    </Badge>
  );
}
