import { Anchor, Button, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RUN_STATES, useJourneyRuns, type RunStateFilter } from './queries';
import { RunStateBadge } from './RunStateBadge';

const FILTERS = [{ value: 'all', label: 'All' }, ...RUN_STATES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))];

/** "20 runs", or "1000+ runs" when Herald stopped counting. */
function totalText(total: number | null | undefined, exact: boolean | null | undefined): string {
  if (total === null || total === undefined) return '';
  return `${total}${exact === false ? '+' : ''} run${total === 1 ? '' : 's'}`;
}

/**
 * The journey's runs, newest entry first, filtered by state and paged by Herald's cursors (Older /
 * Newer: the pages already seen are remembered, so going back is exact however many runs there
 * are); each run links to its step log. Refreshed with the canvas counts.
 */
export function JourneyRuns({ journeyId, live }: { journeyId: string; live: boolean }) {
  const [state, setState] = useState<RunStateFilter>('all');
  // The cursors of the pages before the current one; the current page's cursor is the last.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const runs = useJourneyRuns(journeyId, { state, cursor }, live);
  const pagination = runs.data?.pagination;
  const filter = (value: string) => {
    setState(value as RunStateFilter);
    setCursors([]);
  };
  return (
    <section aria-labelledby="journey-runs">
      <Group justify="space-between" mt="lg" mb="xs">
        <Title order={2} size="h4" id="journey-runs">
          Runs
        </Title>
        <SegmentedControl aria-label="Run state" size="xs" value={state} onChange={filter} data={FILTERS} />
      </Group>
      {runs.isError ? <ErrorAlert error={runs.error} /> : null}
      {runs.data && runs.data.data.length === 0 ? <Text size="sm">{state === 'all' ? 'No customer has entered yet.' : `No ${state} runs.`}</Text> : null}
      {runs.data && runs.data.data.length > 0 ? (
        <Table aria-label="Runs" striped data-testid="journey-runs">
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
      {pagination && (cursors.length > 0 || pagination.hasNext) ? (
        <Group justify="space-between" mt="xs">
          <Text size="sm" data-testid="runs-page">
            Page {cursors.length + 1} · {totalText(pagination.total, pagination.totalExact)}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Newer runs
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!pagination.hasNext || !pagination.nextCursor}
              onClick={() => pagination.nextCursor && setCursors((c) => [...c, pagination.nextCursor!])}
            >
              Older runs
            </Button>
          </Group>
        </Group>
      ) : null}
    </section>
  );
}
