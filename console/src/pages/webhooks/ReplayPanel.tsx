import { Badge, Button, Group, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fetchReplays, formatTime, stateColor, webhookKeys, type WebhookReplay } from './queries';

/** A `datetime-local` value (the browser's local time) as an ISO instant; undefined when empty. */
const instant = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);

/** One replay job's progress as a labelled bar: processed of total. */
function ReplayProgress({ job }: { job: WebhookReplay }) {
  const { total, processed } = job.progress;
  const percent = total === 0 ? (job.status === 'running' ? 0 : 100) : Math.round((processed / total) * 100);
  return (
    <Stack gap={2}>
      <Progress value={percent} aria-label={`Replay progress: ${processed} of ${total}`} />
      <Text size="xs">
        {processed} of {total} deliveries queued again
      </Text>
    </Stack>
  );
}

/**
 * Replays: send again the failed (or all) deliveries of a time range, as a job; its progress is
 * polled once a second while a job runs, and polling stops when none does.
 */
export function ReplayPanel({ endpointId }: { endpointId: string }) {
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const [scope, setScope] = useState<'failed' | 'all'>('failed');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const replays = useQuery({
    queryKey: webhookKeys.replays(endpointId),
    queryFn: () => fetchReplays(endpointId),
    refetchInterval: (q) => (q.state.data?.some((j) => j.status === 'running') ? 1000 : false),
  });
  const start = useMutation({
    mutationFn: () => herald.webhooks.replay(endpointId, { scope, from: instant(from), to: instant(to) }),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };

  return (
    <section aria-labelledby="replays-title">
      <Title order={2} size="h3" id="replays-title" mb="sm">
        Replays
      </Title>
      {canWrite ? (
        <form onSubmit={submit} aria-label="Replay deliveries">
          <Group align="flex-end" gap="sm" mb="sm">
            <Select
              label="Replay"
              data={[
                { value: 'failed', label: 'Failed deliveries' },
                { value: 'all', label: 'All deliveries' },
              ]}
              value={scope}
              allowDeselect={false}
              onChange={(v) => setScope(v === 'all' ? 'all' : 'failed')}
              w={200}
            />
            <TextInput label="From (optional)" type="datetime-local" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput label="To (optional)" type="datetime-local" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            <Button type="submit" loading={start.isPending}>
              Start replay
            </Button>
          </Group>
        </form>
      ) : null}
      {start.isError ? <ErrorAlert error={start.error} title="The replay did not start" /> : null}
      {replays.isError ? <ErrorAlert error={replays.error} title="Could not load the replays" /> : null}
      {replays.data && replays.data.length > 0 ? (
        <Table aria-label="Replay jobs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Scope and range</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Progress</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {replays.data.map((job) => (
              <Table.Tr key={job.id} data-replay={job.id}>
                <Table.Td>{formatTime(job.createdAt)}</Table.Td>
                <Table.Td>
                  {job.scope === 'failed' ? 'Failed' : 'All'}, {job.from ? formatTime(job.from) : 'the beginning'} to {job.to ? formatTime(job.to) : 'now'}
                </Table.Td>
                <Table.Td>
                  <Badge color={stateColor(job.status)} data-testid="replay-status">
                    {job.status}
                  </Badge>
                </Table.Td>
                <Table.Td miw={180}>
                  <ReplayProgress job={job} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </section>
  );
}
