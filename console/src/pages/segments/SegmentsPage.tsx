import { Anchor, Button, Group, Pagination, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';

const PAGE_SIZE = 50;
const when = (iso: string) => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * `/segments`: the tenant's segments, newest first, 50 a page (the page number is in the URL):
 * name (to the editor), members at the last refresh, whether time keeps changing it, last change.
 */
export default function SegmentsPage() {
  const canWrite = useCanWrite();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useQuery({
    queryKey: ['segments', 'list', page],
    queryFn: () => herald.segments.list({ page, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Segments"
        description="Audiences defined by rules on customer fields and events."
        actions={
          canWrite ? (
            <Button component={Link} to="/segments/new">
              New segment
            </Button>
          ) : null
        }
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Loading label="Loading segments" /> : null}
      {list.data && list.data.data.length === 0 ? <Text>No segments yet{canWrite ? ': create the first one.' : '.'}</Text> : null}
      {list.data && list.data.data.length > 0 ? (
        <>
          <Table aria-label="Segments" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th ta="right">Members</Table.Th>
                <Table.Th>Refresh</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/segments/${s.id}`} fw={600}>
                      {s.name}
                    </Anchor>
                    {s.description ? (
                      <Text size="sm" c="gray.7" lineClamp={1}>
                        {s.description}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{s.memberCount.toLocaleString('en')}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.refreshedAt === null ? 'pending' : s.timeRelative ? 'scheduled (time-relative)' : 'on change'}</Text>
                  </Table.Td>
                  <Table.Td>{when(s.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {(list.data.pagination.totalPages ?? 1) > 1 ? (
            <Group justify="center" mt="md">
              <Pagination
                total={list.data.pagination.totalPages ?? 1}
                value={page}
                onChange={(p) => setParams({ page: String(p) })}
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              />
            </Group>
          ) : null}
        </>
      ) : null}
    </>
  );
}
