import { Button, Group, Paper, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { CustomerFilters } from './CustomerFilters';
import { CustomersTable } from './CustomersTable';
import { readState, toQuery, writeState, type ListState } from './listParams';

/** What the pager says about the total: exact, or "more than 1,000" when Herald stopped counting there. */
function totalText(total: number | null, exact: boolean | null): string {
  if (total === null) return '';
  return exact === false ? `more than ${total.toLocaleString()} customers` : `${total.toLocaleString()} customers`;
}

/**
 * The customer list: search, filters, sort and keyset paging over `GET /api/v1/customers`, all
 * held in the URL's query string. Paging follows Herald's `nextCursor`, so page 5,000 costs what
 * page 1 does; the total is counted only up to 1,000 (Herald's capped count), which keeps the
 * first rows fast on millions of customers.
 */
export default function CustomersPage() {
  const [params, setParams] = useSearchParams();
  const state = readState(params);
  const query = toQuery(state);
  const customers = useQuery({
    queryKey: ['customers', 'list', query],
    queryFn: () => herald.customers.list(query),
    placeholderData: keepPreviousData,
  });

  /** Applies a change; any change but paging starts again from the first page. */
  const change = (next: Partial<ListState>, replace = false) => setParams(writeState({ ...state, cursors: [], ...next }), { replace });
  const pagination = customers.data?.pagination;
  const pageNumber = state.cursors.length + 1;

  return (
    <>
      <PageHeader title="Customers" />
      <Paper withBorder p="md" mb="md">
        <CustomerFilters state={state} onChange={change} />
      </Paper>
      {customers.isError ? <ErrorAlert error={customers.error} /> : null}
      {customers.isPending ? <Loading label="Loading customers" /> : null}
      {customers.data ? (
        customers.data.data.length === 0 ? (
          <Text py="lg" ta="center" data-testid="customers-empty">
            No customer matches these filters.
          </Text>
        ) : (
          <CustomersTable customers={customers.data.data} />
        )
      ) : null}
      {pagination ? (
        <Group justify="space-between" mt="md">
          <Text size="sm" c="gray.7" aria-live="polite" data-testid="customers-page">
            Page {pageNumber}
            {pagination.total !== null ? ` · ${totalText(pagination.total, pagination.totalExact)}` : ''}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={pageNumber === 1} onClick={() => setParams(writeState({ ...state, cursors: state.cursors.slice(0, -1) }))}>
              Previous page
            </Button>
            <Button
              variant="default"
              disabled={!pagination.hasNext || !pagination.nextCursor}
              onClick={() => setParams(writeState({ ...state, cursors: [...state.cursors, pagination.nextCursor!] }))}
            >
              Next page
            </Button>
          </Group>
        </Group>
      ) : null}
    </>
  );
}
