import { Badge, Text } from '@mantine/core';
import { formatTime, stateColor, type WebhookEndpoint } from './queries';

/** Enabled, disabled (with Herald's reason), or failing since a time: what a marketer checks first. */
export function EndpointState({ endpoint }: { endpoint: WebhookEndpoint }) {
  const state = endpoint.enabled ? 'enabled' : 'disabled';
  return (
    <>
      <Badge color={stateColor(state)}>{state}</Badge>
      {endpoint.disabledReason ? <Text size="xs">{endpoint.disabledReason}</Text> : null}
      {endpoint.enabled && endpoint.failingSince ? (
        <Text size="xs" c="red.9">
          failing since {formatTime(endpoint.failingSince)}
        </Text>
      ) : null}
    </>
  );
}
