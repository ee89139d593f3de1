import { Button, Group, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { WebhookUpdateParams } from '@herald/sdk';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EndpointForm, type EndpointFields } from './EndpointForm';
import { webhookKeys, type WebhookEndpoint } from './queries';
import { SecretModal } from './SecretModal';

type Dialog = 'edit' | 'rotate' | 'delete' | null;

/** An endpoint's write actions: test event, edit, enable/disable, rotate the secret (shown once), delete (confirmed). */
export function EndpointActions({ endpoint }: { endpoint: WebhookEndpoint }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: webhookKeys.all });
  const update = useMutation({
    mutationFn: (body: WebhookUpdateParams) => herald.webhooks.update(endpoint.id, body),
    onSuccess: async () => {
      setDialog(null);
      await refresh();
    },
  });
  const rotate = useMutation({
    mutationFn: () => herald.webhooks.rotateSecret(endpoint.id),
    onSuccess: async (rotated) => {
      setDialog(null);
      setSecret(rotated.secret);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => herald.webhooks.delete(endpoint.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: webhookKeys.list });
      navigate('/webhooks', { replace: true });
    },
  });
  const test = useMutation({
    mutationFn: () => herald.webhooks.test(endpoint.id),
    onSuccess: async () => {
      notifications.show({ message: 'Test event queued: it appears in the delivery log.' });
      await refresh();
    },
  });
  const failed = [update, rotate, remove, test].find((m) => m.isError);

  return (
    <>
      <Group gap="sm">
        <Button variant="default" loading={test.isPending} onClick={() => test.mutate()}>
          Send test event
        </Button>
        <Button variant="default" onClick={() => setDialog('edit')}>
          Edit
        </Button>
        <Button variant="default" loading={update.isPending && dialog === null} onClick={() => update.mutate({ enabled: !endpoint.enabled })}>
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </Button>
        <Button variant="default" onClick={() => setDialog('rotate')}>
          Rotate secret
        </Button>
        <Button color="red.9" onClick={() => setDialog('delete')}>
          Delete
        </Button>
      </Group>
      {failed ? <ErrorAlert error={failed.error} /> : null}
      <Modal opened={dialog === 'edit'} onClose={() => setDialog(null)} title="Edit endpoint" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
        <EndpointForm
          initial={{ url: endpoint.url, events: endpoint.events, description: endpoint.description ?? '' }}
          submitLabel="Save"
          error={update.error}
          busy={update.isPending}
          onSubmit={(f: EndpointFields) => update.mutate({ url: f.url, events: f.events as WebhookUpdateParams['events'], description: f.description || null })}
          onCancel={() => setDialog(null)}
        />
      </Modal>
      <ConfirmModal
        opened={dialog === 'rotate'}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        onConfirm={() => rotate.mutate()}
        onClose={() => setDialog(null)}
      >
        A new secret signs every delivery from now on; the current one keeps signing too for 24 hours, so your receiver can switch without losing events.
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'delete'}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onClose={() => setDialog(null)}
      >
        The endpoint and its whole delivery log are deleted, and it receives no more events. This cannot be undone.
      </ConfirmModal>
      <SecretModal secret={secret} title="New signing secret" onClose={() => setSecret(null)} />
    </>
  );
}
