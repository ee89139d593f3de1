import type { components } from '@herald/sdk';
import { Anchor, Badge, Button, Group, Pagination, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { journeyKeys } from './queries';
import { StatusBadge } from './StatusBadge';

const PAGE_SIZE = 20;

/** A journey as the list answers it: with its run counts (over all its versions). */
type JourneySummary = components['schemas']['JourneySummary'];

/** A journey's runs as the list counts them: how many ever entered, and how many are inside now. */
function RunCounts({ runs }: { runs: JourneySummary['runs'] }) {
  return (
    <Group gap={6}>
      <Text>{runs.entered}</Text>
      {runs.active > 0 ? (
        <Badge variant="light" color="blue">
          {runs.active} inside
        </Badge>
      ) : null}
    </Group>
  );
}

/** Journeys: the tenant's automations with status, current version and runs; a writer creates one. */
export default function JourneysPage() {
  const canWrite = useCanWrite();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: journeyKeys.list(page),
    queryFn: () => herald.journeys.list({ page, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Journeys"
        actions={
          canWrite ? (
            <Button component={Link} to="/journeys/new">
              New journey
            </Button>
          ) : null
        }
      />
      {list.isPending ? <Loading label="Loading journeys" /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.data.length === 0 ? <Text>No journeys yet.</Text> : null}
      {list.data && list.data.data.length > 0 ? (
        <>
          <Table aria-label="Journeys" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Runs</Table.Th>
                <Table.Th>Draft</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.data.map((journey) => (
                <Table.Tr key={journey.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/journeys/${journey.id}`}>
                      {journey.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={journey.status} />
                  </Table.Td>
                  <Table.Td>{journey.currentVersion ?? '—'}</Table.Td>
                  <Table.Td>
                    <RunCounts runs={journey.runs} />
                  </Table.Td>
                  <Table.Td>{journey.problems.length ? `${journey.problems.length} problem${journey.problems.length === 1 ? '' : 's'}` : 'ready'}</Table.Td>
                  <Table.Td>{new Date(journey.updatedAt).toLocaleString()}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {(list.data.pagination.totalPages ?? 1) > 1 ? (
            <Pagination
              mt="md"
              total={list.data.pagination.totalPages ?? 1}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
