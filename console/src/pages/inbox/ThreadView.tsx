import { Anchor, Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCanWrite } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { MessageList } from './MessageList';
import { fetchThread, inboxKeys, type Conversation } from './queries';
import { ReplyForm } from './ReplyForm';
import { StatusBadge } from './StatusBadge';
import { ThreadActions } from './ThreadActions';
import { whatsappWindow } from './whatsappWindow';
import { WindowBadge } from './WindowBadge';

/** How a thread is named: its subject, else the customer's address, else its channel. */
export const threadTitle = (c: Conversation): string => c.subject ?? c.address ?? `${c.channel} conversation`;

/**
 * One thread: who and where, status, assignee, WhatsApp's window, the messages (new ones appear
 * within a second: the thread is polled once a second while the tab is visible) and the reply box.
 */
export function ThreadView({ id }: { id: string }) {
  const canWrite = useCanWrite();
  const thread = useQuery({ queryKey: inboxKeys.thread(id), queryFn: () => fetchThread(id), refetchInterval: 1000 });
  if (thread.isPending) return <Loading label="Loading the conversation" />;
  if (thread.isError) return <ErrorAlert error={thread.error} title="Could not load the conversation" />;
  const c = thread.data;
  const windowState = whatsappWindow(c);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="thread-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} size="h3" id="thread-title">
              {threadTitle(c)}
            </Title>
            <Group gap="xs">
              <StatusBadge status={c.status} />
              <Badge variant="filled" color="gray.8">
                {c.channel}
              </Badge>
              {c.type === 'complaint' ? (
                <Badge variant="filled" color="red.9">
                  complaint{c.category ? ` · ${c.category}` : ''}
                </Badge>
              ) : null}
              <WindowBadge state={windowState} />
            </Group>
            <Text size="sm">
              {c.customerId ? (
                <Anchor component={Link} to={`/customers/${c.customerId}`}>
                  Customer profile
                </Anchor>
              ) : (
                'Not matched to a customer'
              )}
              {c.address ? ` · ${c.address}` : ''}
              {!canWrite && c.assignee ? ` · assigned to ${c.assignee}` : ''}
            </Text>
          </Stack>
          {canWrite ? <ThreadActions conversation={c} /> : null}
        </Group>
        <Divider />
        <MessageList messages={c.messages} />
        {canWrite ? (
          <>
            <Divider />
            <ReplyForm key={c.id} conversation={c} windowState={windowState} />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
