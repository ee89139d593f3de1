import { Badge, Button, Group, Select, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { DeliveryAttempts } from './DeliveryAttempts';
import { formatTime, stateColor, webhookKeys } from './queries';

const STATUSES = ['pending', 'succeeded', 'failed'] as const;

/**
 * An endpoint's delivery log, newest first (the 50 newest matching the status filter), polled
 * every two seconds while the tab is visible. Each delivery opens to show every attempt, and can
 * be sent again (retry: same webhook-id).
 */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const [status, setStatus] = useState<(typeof STATUSES)[number] | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const deliveries = useQuery({
    queryKey: webhookKeys.deliveries(endpointId, status),
    queryFn: () => herald.webhooks.deliveries(endpointId, { limit: 50, includeTotal: 'false', status: status ?? undefined }),
    refetchInterval: 2000,
  });
  const retry = useMutation({
    mutationFn: (deliveryId: string) => herald.webhooks.retry(deliveryId),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.all }),
  });
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };

  return (
    <section aria-labelledby="delivery-log-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h3" id="delivery-log-title">
          Delivery log
        </Title>
        <Select
          label="Delivery status"
          placeholder="Any status"
          clearable
          data={[...STATUSES]}
          value={status}
          onChange={(v) => setStatus(STATUSES.find((s) => s === v) ?? null)}
          w={200}
        />
      </Group>
      {retry.isError ? <ErrorAlert error={retry.error} title="The delivery was not retried" /> : null}
      {deliveries.isPending ? <Loading label="Loading deliveries" /> : null}
      {deliveries.isError ? <ErrorAlert error={deliveries.error} title="Could not load the deliveries" /> : null}
      {deliveries.data && deliveries.data.data.length === 0 ? <Text>No deliveries.</Text> : null}
      {deliveries.data && deliveries.data.data.length > 0 ? (
        <Table aria-label="Deliveries" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last attempt</Table.Th>
              <Table.Th>Last answer</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data.data.map((d) => (
              <Fragment key={d.id}>
                <Table.Tr data-delivery={d.id}>
                  <Table.Td>
                    <Text size="sm">{d.eventType}</Text>
                    <Text size="xs">{formatTime(d.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={stateColor(d.status)}>{d.status}</Badge>
                  </Table.Td>
                  <Table.Td>{d.attempts}</Table.Td>
                  <Table.Td>{formatTime(d.lastAttemptAt)}</Table.Td>
                  <Table.Td>{d.lastError ?? d.lastStatusCode ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" aria-expanded={open.has(d.id)} onClick={() => toggle(d.id)}>
                        {open.has(d.id) ? 'Hide attempts' : 'Show attempts'}
                      </Button>
                      {canWrite && d.status !== 'pending' ? (
                        <Button size="xs" variant="default" loading={retry.isPending && retry.variables === d.id} onClick={() => retry.mutate(d.id)}>
                          Retry
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {open.has(d.id) ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <DeliveryAttempts deliveryId={d.id} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </section>
  );
}
