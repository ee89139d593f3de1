import { Anchor, Badge, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRecentRuns } from './queries';

const STATE_COLORS: Record<string, string> = { active: 'blue', completed: 'green', exited: 'gray', failed: 'red' };

/** A run's state as a badge (active, completed, exited, failed). */
export function RunStateBadge({ state }: { state: string }) {
  return (
    <Badge variant="light" color={STATE_COLORS[state] ?? 'gray'}>
      {state}
    </Badge>
  );
}

/** The journey's ten latest runs, each a link to its step log; refreshed with the canvas counts. */
export function RecentRuns({ journeyId, live }: { journeyId: string; live: boolean }) {
  const runs = useRecentRuns(journeyId, live);
  return (
    <section aria-labelledby="recent-runs">
      <Title order={2} size="h4" id="recent-runs" mt="lg" mb="xs">
        Recent runs
      </Title>
      {runs.isError ? <ErrorAlert error={runs.error} /> : null}
      {runs.data && runs.data.data.length === 0 ? <Text size="sm">No customer has entered yet.</Text> : null}
      {runs.data && runs.data.data.length > 0 ? (
        <Table aria-label="Recent runs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Run</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>At node</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Steps</Table.Th>
              <Table.Th>Entered</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.data.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/journeys/${journeyId}/runs/${run.id}`}
                    aria-label={`Run ${run.id.slice(0, 8)} of customer ${run.customerId.slice(0, 8)}`}
                  >
                    {run.id.slice(0, 8)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/customers/${run.customerId}`}>
                    {run.customerId.slice(0, 8)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <RunStateBadge state={run.state} />
                </Table.Td>
                <Table.Td>{run.nodeId}</Table.Td>
                <Table.Td>{run.version}</Table.Td>
                <Table.Td>{run.steps}</Table.Td>
                <Table.Td>{new Date(run.enteredAt).toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </section>
  );
}
