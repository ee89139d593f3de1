import { Anchor, Button, Modal, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { WebhookCreateParams } from '@herald/sdk';
import { Link, useNavigate } from 'react-router';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { EndpointForm, type EndpointFields } from './EndpointForm';
import { EndpointState } from './EndpointState';
import { formatTime, webhookKeys } from './queries';
import { SecretModal } from './SecretModal';

/**
 * Webhooks (`/webhooks`): the tenant's endpoints with their state, and a new endpoint (URL, event
 * types, description) whose signing secret is shown once, before the endpoint's own page opens.
 */
export default function WebhooksPage() {
  const canWrite = useCanWrite();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const endpoints = useQuery({ queryKey: webhookKeys.list, queryFn: () => herald.webhooks.list({ limit: 100, includeTotal: 'false' }) });
  const create = useMutation({
    mutationFn: (f: EndpointFields) =>
      herald.webhooks.create({ url: f.url, events: f.events as WebhookCreateParams['events'], description: f.description || undefined }),
    onSuccess: async (endpoint) => {
      setCreating(false);
      setCreated({ id: endpoint.id, secret: endpoint.secret });
      await client.invalidateQueries({ queryKey: webhookKeys.all });
    },
  });

  return (
    <>
      <PageHeader title="Webhooks" actions={canWrite ? <Button onClick={() => setCreating(true)}>New endpoint</Button> : null} />
      {endpoints.isPending ? <Loading label="Loading endpoints" /> : null}
      {endpoints.isError ? <ErrorAlert error={endpoints.error} title="Could not load the endpoints" /> : null}
      {endpoints.data && endpoints.data.data.length === 0 ? <Text>No endpoints yet: add one to receive Herald's events.</Text> : null}
      {endpoints.data && endpoints.data.data.length > 0 ? (
        <Table aria-label="Webhook endpoints" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>URL</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Last success</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {endpoints.data.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/webhooks/${e.id}`} style={{ overflowWrap: 'anywhere' }}>
                    {e.url}
                  </Anchor>
                  {e.description ? <Text size="xs">{e.description}</Text> : null}
                </Table.Td>
                <Table.Td>{e.events.join(', ')}</Table.Td>
                <Table.Td>
                  <EndpointState endpoint={e} />
                </Table.Td>
                <Table.Td>{formatTime(e.lastSuccessAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New webhook endpoint" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        <EndpointForm
          initial={{ url: '', events: ['*'], description: '' }}
          submitLabel="Create endpoint"
          error={create.error}
          busy={create.isPending}
          onSubmit={(f) => create.mutate(f)}
          onCancel={() => setCreating(false)}
        />
      </Modal>
      <SecretModal
        secret={created?.secret ?? null}
        title="Endpoint created"
        onClose={() => {
          const id = created?.id;
          setCreated(null);
          if (id) navigate(`/webhooks/${id}`);
        }}
      />
    </>
  );
}
