import { Anchor, Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { Import } from '@herald/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ConfirmModal } from '../../components/ConfirmModal';

/** Imports still moving: the list polls (once a second) while one of them is. */
const ACTIVE = new Set(['receiving', 'queued', 'running']);
const STATUS_COLOR: Record<string, string> = { completed: 'green', failed: 'red', cancelled: 'gray', running: 'blue', queued: 'yellow', receiving: 'yellow' };

/** One import's progress: a bar with its percentage, the counts, and rows/s with the time left while it runs. */
function ImportProgress({ item }: { item: Import }) {
  const p = item.progress;
  const percent = Math.max(0, Math.min(100, Math.round(p.percent)));
  return (
    <Stack gap={4} miw={220}>
      <Progress value={percent} animated={ACTIVE.has(item.status)} aria-label={`Progress of ${item.fileName ?? 'the import'}: ${percent}%`} />
      <Text size="xs">
        {percent}% · {p.processed.toLocaleString()} of {p.total.toLocaleString()} rows · {p.imported.toLocaleString()} new, {p.updated.toLocaleString()}{' '}
        updated, {p.duplicates.toLocaleString()} duplicates, {p.failed.toLocaleString()} failed
        {ACTIVE.has(item.status) && p.rowsPerSecond ? ` · ${Math.round(p.rowsPerSecond).toLocaleString()} rows/s` : ''}
        {ACTIVE.has(item.status) && p.etaSeconds !== null ? ` · about ${Math.ceil(p.etaSeconds)} s left` : ''}
      </Text>
    </Stack>
  );
}

/**
 * The tenant's imports, newest first (`herald.imports.list`), with live progress while any is
 * moving, the failed rows as a CSV download (`GET /imports/:id/errors?format=csv`) and cancel.
 */
export function ImportsTable({ canWrite }: { canWrite: boolean }) {
  const client = useQueryClient();
  const [cancelling, setCancelling] = useState<Import | null>(null);
  const imports = useQuery({
    queryKey: ['imports', 'list'],
    queryFn: () => herald.imports.list({ limit: 50 }),
    refetchInterval: (query) => (query.state.data?.data.some((i) => ACTIVE.has(i.status)) ? 1000 : false),
  });
  const cancel = useMutation({
    mutationFn: (id: string) => herald.imports.cancel(id),
    onSuccess: () => {
      setCancelling(null);
      void client.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
  if (imports.isPending) return <Loading label="Loading imports" />;
  if (imports.isError) return <ErrorAlert error={imports.error} />;
  if (imports.data.data.length === 0) return <Text c="dimmed">No imports yet.</Text>;
  return (
    <>
      <Table aria-label="Imports" striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Progress</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.data.data.map((item) => {
            const name = item.fileName ?? `${item.format} upload`;
            return (
              <Table.Tr key={item.id} data-testid={`import-${item.id}`}>
                <Table.Td>
                  {name}
                  {item.options.dryRun === true ? (
                    <Badge ml="xs" variant="default" size="sm">
                      dry run
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[item.status] ?? 'gray'} variant="dot">
                    {item.status}
                  </Badge>
                  {item.error ? (
                    <Text size="xs" c="red">
                      {item.error}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <ImportProgress item={item} />
                </Table.Td>
                <Table.Td>{new Date(item.createdAt).toLocaleString()}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {item.progress.failed > 0 ? (
                      // A plain link: the browser streams the CSV to disk with the session cookie (a GET needs no CSRF token).
                      <Anchor
                        href={`/api/v1/imports/${item.id}/errors?format=csv`}
                        download={`import-${item.id}-errors.csv`}
                        size="sm"
                        aria-label={`Download the failed rows of ${name}`}
                      >
                        Failed rows (CSV)
                      </Anchor>
                    ) : null}
                    {canWrite && ACTIVE.has(item.status) ? (
                      <Button size="xs" color="red" variant="light" aria-label={`Cancel ${name}`} onClick={() => setCancelling(item)}>
                        Cancel
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <ConfirmModal
        opened={cancelling !== null}
        title="Cancel this import?"
        confirmLabel="Cancel the import"
        busy={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancelling && cancel.mutate(cancelling.id)}
        onClose={() => {
          setCancelling(null);
          cancel.reset();
        }}
      >
        The rows of {cancelling?.fileName ?? 'this file'} not imported yet will not be; those already imported stay.
      </ConfirmModal>
    </>
  );
}
