import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { DeliveryLog } from './DeliveryLog';
import { EndpointActions } from './EndpointActions';
import { formatTime, webhookKeys } from './queries';
import { ReplayPanel } from './ReplayPanel';
import { EndpointState } from './EndpointState';

/** A labelled fact of the endpoint (events, state, last success…). */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/**
 * One endpoint (`/webhooks/:endpointId`): its settings and state, the write actions (test event,
 * edit, enable/disable, secret rotation shown once, delete), replays with live progress, and the
 * delivery log with every attempt and retry.
 */
export default function WebhookPage() {
  const { endpointId = '' } = useParams();
  const canWrite = useCanWrite();
  const endpoint = useQuery({ queryKey: webhookKeys.endpoint(endpointId), queryFn: () => herald.webhooks.get(endpointId), refetchInterval: 5000 });
  if (endpoint.isPending) return <Loading label="Loading the endpoint" />;
  if (endpoint.isError)
    return (
      <>
        <PageHeader title="Webhook endpoint" />
        <ErrorAlert error={endpoint.error} title="Could not load the endpoint" />
      </>
    );
  const e = endpoint.data;
  return (
    <>
      <PageHeader title="Webhook endpoint" description={<span style={{ color: 'var(--mantine-color-gray-8)', overflowWrap: 'anywhere' }}>{e.url}</span>} />
      <Anchor component={Link} to="/webhooks" size="sm">
        All endpoints
      </Anchor>
      <Stack gap="lg" mt="sm">
        {canWrite ? <EndpointActions endpoint={e} /> : null}
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <Fact label="State">
              <EndpointState endpoint={e} />
            </Fact>
            <Fact label="Events">{e.events.join(', ')}</Fact>
            <Fact label="Last success">{formatTime(e.lastSuccessAt)}</Fact>
            <Fact label="Previous secret signs until">{formatTime(e.previousSecretExpiresAt)}</Fact>
          </SimpleGrid>
          {e.description ? <Text mt="sm">{e.description}</Text> : null}
        </Paper>
        <ReplayPanel endpointId={e.id} />
        <DeliveryLog endpointId={e.id} />
      </Stack>
    </>
  );
}
