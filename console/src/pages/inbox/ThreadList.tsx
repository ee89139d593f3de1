import { Badge, Group, NavLink, Paper, ScrollArea, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { fetchThreads, inboxKeys, type InboxFilters } from './queries';
import { threadTitle } from './ThreadView';
import { formatTime } from './whatsappWindow';

/**
 * The threads matching the filters, newest message first, each a link to its thread. Polled every
 * three seconds while the tab is visible, so a new inbound thread shows up without a reload.
 */
export function ThreadList({ filters, selected }: { filters: InboxFilters; selected?: string }) {
  const { search } = useLocation();
  const threads = useQuery({ queryKey: inboxKeys.list(filters), queryFn: () => fetchThreads(filters), refetchInterval: 3000 });
  if (threads.isPending) return <Loading label="Loading conversations" />;
  if (threads.isError) return <ErrorAlert error={threads.error} title="Could not load the inbox" />;
  if (threads.data.data.length === 0)
    return (
      <Text c="gray.7" py="md">
        No conversations match these filters.
      </Text>
    );
  return (
    <Paper withBorder radius="md" component="nav" aria-label="Conversations">
      <ScrollArea.Autosize mah="calc(100vh - 260px)">
        {threads.data.data.map((c) => (
          <NavLink
            key={c.id}
            component={Link}
            to={{ pathname: `/inbox/${c.id}`, search }}
            active={c.id === selected}
            aria-current={c.id === selected ? 'page' : undefined}
            styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
            label={
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={c.status === 'open' ? 700 : 400} truncate>
                  {threadTitle(c)}
                </Text>
                <Badge size="xs" variant="filled" color="gray.8">
                  {c.channel}
                </Badge>
              </Group>
            }
            description={`${c.status}${c.assignee ? ` · ${c.assignee}` : ''}${c.lastMessageAt ? ` · ${formatTime(c.lastMessageAt)}` : ''}`}
          />
        ))}
      </ScrollArea.Autosize>
    </Paper>
  );
}
