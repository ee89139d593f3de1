import { Code, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatTime, webhookKeys } from './queries';

/**
 * Every attempt of one delivery (`GET /deliveries/:id`): when, how long, the receiver's status
 * code and the start of its answer, or the network error. Polled every two seconds while the
 * delivery is still pending, since retries add attempts.
 */
export function DeliveryAttempts({ deliveryId }: { deliveryId: string }) {
  const detail = useQuery({
    queryKey: webhookKeys.delivery(deliveryId),
    queryFn: () => herald.webhooks.delivery(deliveryId),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 2000 : false),
  });
  if (detail.isPending) return <Loading label="Loading attempts" />;
  if (detail.isError) return <ErrorAlert error={detail.error} title="Could not load the attempts" />;
  if (detail.data.attemptLog.length === 0) return <Text size="sm">No attempt yet.</Text>;
  return (
    <Table aria-label={`Attempts of delivery ${deliveryId}`} withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Attempt</Table.Th>
          <Table.Th>Started</Table.Th>
          <Table.Th>Took</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Answer or error</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.data.attemptLog.map((a) => (
          <Table.Tr key={a.attempt}>
            <Table.Td>{a.attempt}</Table.Td>
            <Table.Td>{formatTime(a.startedAt)}</Table.Td>
            <Table.Td>{a.latencyMs} ms</Table.Td>
            <Table.Td>{a.statusCode ?? '—'}</Table.Td>
            <Table.Td>
              {a.error ? <Text size="sm">{a.error}</Text> : null}
              {a.responseExcerpt ? <Code>{a.responseExcerpt}</Code> : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
