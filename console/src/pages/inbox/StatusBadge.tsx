import { Badge } from '@mantine/core';
import type { Conversation } from './queries';

const COLORS: Record<Conversation['status'], string> = { open: 'indigo.8', pending: 'grape.9', resolved: 'teal.9' };

/** A thread's status (open, pending, resolved) as a badge with a readable contrast. */
export function StatusBadge({ status }: { status: Conversation['status'] }) {
  return (
    <Badge variant="filled" color={COLORS[status]} data-testid="thread-status">
      {status}
    </Badge>
  );
}
