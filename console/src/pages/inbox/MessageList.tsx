import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ConversationMessage } from './queries';
import { formatTime } from './whatsappWindow';

const WHO: Record<ConversationMessage['direction'], string> = { inbound: 'Customer', outbound: 'Reply', internal: 'Internal note' };
const BACKGROUND: Record<ConversationMessage['direction'], string> = {
  inbound: 'var(--mantine-color-gray-0)',
  outbound: 'var(--mantine-color-blue-0)',
  internal: 'var(--mantine-color-yellow-0)',
};

/** A delivery state worth showing next to an outbound message (queued, sent, delivered, failed…). */
function StateBadge({ message }: { message: ConversationMessage }) {
  if (message.direction !== 'outbound' || !message.state) return null;
  const color = message.state === 'failed' || message.state === 'undelivered' ? 'red.9' : message.state === 'delivered' ? 'teal.9' : 'gray.8';
  return (
    <Badge size="sm" variant="filled" color={color}>
      {message.state}
    </Badge>
  );
}

/**
 * A thread's messages, oldest first, as a list a screen reader reads in order: who wrote it
 * (customer, reply with its author, note), when, the text (or the template sent), and for
 * replies their delivery state and error.
 */
export function MessageList({ messages }: { messages: ConversationMessage[] }) {
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Messages">
      {messages.map((m) => (
        <Paper
          component="li"
          key={m.id}
          withBorder
          p="sm"
          radius="md"
          maw="80%"
          ml={m.direction === 'inbound' ? 0 : 'auto'}
          bg={BACKGROUND[m.direction]}
          data-direction={m.direction}
        >
          <Group justify="space-between" gap="xs" mb={4}>
            <Text size="xs" fw={600}>
              {WHO[m.direction]}
              {m.author && m.direction !== 'inbound' ? ` · ${m.author}` : ''}
            </Text>
            <Group gap={6}>
              <StateBadge message={m} />
              <Text size="xs" c="dark.4">
                {formatTime(m.createdAt)}
              </Text>
            </Group>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {m.contentSid ? `Template ${m.contentSid}${m.body ? `: ${m.body}` : ''}` : m.body}
          </Text>
          {m.error ? (
            <Text size="xs" c="red.9" mt={4}>
              {m.error}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}
