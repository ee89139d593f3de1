import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { Customer } from '@herald/sdk';
import { Link } from 'react-router';
import { date, displayName, money, STATUS_COLOR } from './format';

/** One page of customers as a table; each name links to the customer's page. */
export function CustomersTable({ customers }: { customers: Customer[] }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover aria-label="Customers" data-testid="customers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Tier</Table.Th>
            <Table.Th scope="col">Tags</Table.Th>
            <Table.Th scope="col" ta="right">
              Orders
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Spent
            </Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${c.id}`}>
                  {displayName(c)}
                </Anchor>
              </Table.Td>
              <Table.Td>{c.email ?? '—'}</Table.Td>
              <Table.Td>{c.phone ?? '—'}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge color={STATUS_COLOR[c.status]}>{c.status}</Badge>
                  {c.isBlocked && c.status !== 'blocked' ? (
                    <Badge color="red.9" variant="outline">
                      blocked
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>{c.tier}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {c.tags.join(', ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{c.statistics.totalOrders}</Table.Td>
              <Table.Td ta="right">{money(c.statistics.totalSpent)}</Table.Td>
              <Table.Td>{date(c.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
