import { Badge, Group, Paper, Text } from '@mantine/core';
import { change, formatNumber } from './range';

/** One total of the window with its change against the window before (green up, red down). */
export function StatCard({ label, current, previous, testId }: { label: string; current: number; previous: number; testId?: string }) {
  const delta = change(current, previous);
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group justify="space-between" align="flex-end" mt={4}>
        <Text fw={700} size="xl">
          {formatNumber(current)}
        </Text>
        {delta === null ? (
          <Text size="xs" c="dimmed">
            no earlier data
          </Text>
        ) : (
          <Badge color={delta >= 0 ? 'teal.9' : 'red.9'} variant="light" aria-label={`${delta >= 0 ? 'up' : 'down'} ${Math.abs(delta).toFixed(1)} percent`}>
            {delta >= 0 ? '+' : '−'}
            {Math.abs(delta).toFixed(1)} %
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        previous: {formatNumber(previous)}
      </Text>
    </Paper>
  );
}
