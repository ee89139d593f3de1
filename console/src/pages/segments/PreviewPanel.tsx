import { Anchor, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Customer } from '@herald/sdk';
import { Link } from 'react-router';

/** What `POST /segments/preview` answers: the audience's size now and its newest members. */
export interface PreviewResult {
  count: number;
  sampleCustomers: Customer[];
}

/**
 * The live audience of the rule being edited: how many customers match it now and a sample of
 * them (links to their pages). `stale` says the rule has changed or has problems, so the figures
 * shown are those of the last valid rule.
 */
export function PreviewPanel({ result, fetching, stale, empty }: { result?: PreviewResult; fetching: boolean; stale: boolean; empty: boolean }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="segment-preview-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="segment-preview-title">
            Audience now
          </Title>
          {fetching ? <Loader size="xs" role="status" aria-label="Counting" /> : null}
        </Group>
        {empty ? (
          <Text c="gray.7">Add a condition to see who matches.</Text>
        ) : (
          <div aria-live="polite">
            <Text size="xl" fw={700} data-testid="segment-count" opacity={stale ? 0.6 : 1}>
              {result ? result.count.toLocaleString('en') : '…'}
            </Text>
            <Text size="sm" c="gray.7">
              {result?.count === 1 ? 'customer matches' : 'customers match'}
              {stale ? ' (last valid rule)' : ''}
            </Text>
          </div>
        )}
        {!empty && result && result.sampleCustomers.length > 0 ? (
          <Table aria-label="Sample members" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.sampleCustomers.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${c.id}`}>
                      {c.fullName || [c.firstName, c.lastName].filter(Boolean).join(' ') || c.id.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.email ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}
