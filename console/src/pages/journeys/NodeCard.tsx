import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';

/** Live counts of one node on the current version (GET /journeys/:id/analytics). */
export interface NodeCounts {
  entered: number;
  waiting: number;
  completed: number;
  exited: number;
  failed: number;
}

/** What a card on the canvas shows: the node's kind and name, a summary, its outgoing slots, counts and problems. */
export type CardData = {
  kind: string;
  title: string;
  summary: string;
  slots: { key: string; label: string }[];
  counts: NodeCounts | null;
  problems: string[];
  entry: boolean;
};

/** A card node on the journey canvas. */
export type CardNode = Node<CardData, 'card'>;

/** The counts line of a card, e.g. "12 entered · 3 waiting · 1 failed". */
export function countsText(counts: NodeCounts): string {
  const parts = [`${counts.entered} entered`, `${counts.waiting} waiting`];
  if (counts.exited) parts.push(`${counts.exited} exited`);
  if (counts.failed) parts.push(`${counts.failed} failed`);
  return parts.join(' · ');
}

/**
 * One node of the journey on the canvas: the kind, the name, a summary of the settings, the live
 * counts of the current version, the problems Herald found in it (red border and messages), and a
 * handle per outgoing slot (next, timeout, each branch or path) to draw edges from.
 */
export function NodeCard({ id, data, selected }: NodeProps<CardNode>) {
  const invalid = data.problems.length > 0;
  return (
    <Paper
      withBorder
      shadow={selected ? 'md' : 'xs'}
      p="xs"
      w={230}
      data-testid={`node-${id}`}
      style={{
        borderColor: invalid ? 'var(--mantine-color-red-7)' : selected ? 'var(--mantine-color-blue-7)' : undefined,
        borderWidth: invalid || selected ? 2 : 1,
      }}
    >
      {data.entry ? null : <Handle type="target" position={Position.Left} />}
      <Stack gap={4}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs" fw={700} tt="uppercase" c="dark.4">
            {data.kind}
          </Text>
          {invalid ? (
            <Badge color="red" size="xs" variant="filled">
              {data.problems.length} problem{data.problems.length === 1 ? '' : 's'}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" fw={600} truncate>
          {data.title}
        </Text>
        <Text size="xs" c="dark.4" lineClamp={2}>
          {data.summary}
        </Text>
        {data.counts ? (
          <Text size="xs" c="blue.9" fw={600} data-testid={`counts-${id}`}>
            {countsText(data.counts)}
          </Text>
        ) : null}
        {data.problems.map((problem, i) => (
          <Text key={i} size="xs" c="red.9" data-testid={`problem-${id}`}>
            {problem}
          </Text>
        ))}
        {data.slots.map((slot) => (
          <div key={slot.key} style={{ position: 'relative', textAlign: 'right' }}>
            {data.slots.length > 1 ? (
              <Text size="xs" c="dark.4" pr={8}>
                {slot.label}
              </Text>
            ) : (
              <div style={{ height: 4 }} />
            )}
            <Handle type="source" id={slot.key} position={Position.Right} style={{ right: -14 }} />
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
