import { Badge, Button, Code, Stack, Table, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ConfirmModal } from '../../components/ConfirmModal';
import { CreateKeyForm } from './CreateKeyForm';
import { NewKeyModal } from './NewKeyModal';
import { shownDate } from './roles';
import { notify } from '../../components/notify';

/** The tenant's API keys for machines (`GET /api-keys`, admins only): create one (shown once), revoke with confirmation. */
export function ApiKeysPanel() {
  const client = useQueryClient();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const keys = useQuery({
    queryKey: ['settings', 'api-keys'],
    queryFn: () => herald.call((signal) => api.GET('/api/v1/api-keys', { params: { query: { limit: 100 } }, signal }), { idempotent: true }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => herald.apiKeys.revoke(id),
    onSuccess: (key) => {
      notify(`“${key.name}” no longer works.`, { title: 'Key revoked' });
      setRevoking(null);
      void client.invalidateQueries({ queryKey: ['settings', 'api-keys'] });
    },
  });

  return (
    <Stack>
      <section aria-labelledby="new-key-title">
        <Title order={2} size="h4" id="new-key-title">
          Create an API key
        </Title>
        <CreateKeyForm onCreated={setCreated} />
      </section>
      <section aria-labelledby="keys-title">
        <Title order={2} size="h4" id="keys-title" mb="sm">
          API keys
        </Title>
        {keys.isPending ? <Loading label="Loading API keys" /> : null}
        {keys.isError ? <ErrorAlert error={keys.error} /> : null}
        {keys.data ? (
          <Table aria-label="API keys" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Starts with</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.data.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>{k.name}</Table.Td>
                  <Table.Td>
                    <Code>{k.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{k.role}</Table.Td>
                  <Table.Td>{shownDate(k.createdAt)}</Table.Td>
                  <Table.Td>{shownDate(k.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    {k.revokedAt ? (
                      <Badge variant="default">revoked {new Date(k.revokedAt).toLocaleDateString()}</Badge>
                    ) : (
                      <Button size="xs" color="red" variant="light" aria-label={`Revoke ${k.name}`} onClick={() => setRevoking({ id: k.id, name: k.name })}>
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </section>
      <NewKeyModal created={created} onClose={() => setCreated(null)} />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke this key?"
        confirmLabel="Revoke"
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        Everything using “{revoking?.name}” will be refused from now on (by every Herald process within 10 seconds). This cannot be undone.
      </ConfirmModal>
    </Stack>
  );
}
