import type { WebhookDelivery, WebhookEndpoint, WebhookReplay } from '@herald/sdk';
import { api, herald } from '../../client/herald';

export type { WebhookDelivery, WebhookEndpoint, WebhookReplay };

/** Query keys of the webhooks area: every key starts with `webhooks`. */
export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  eventTypes: ['webhooks', 'event-types'] as const,
  endpoint: (id: string) => ['webhooks', 'endpoint', id] as const,
  deliveries: (id: string, status: string | null) => ['webhooks', 'deliveries', id, status] as const,
  delivery: (deliveryId: string) => ['webhooks', 'delivery', deliveryId] as const,
  replays: (id: string) => ['webhooks', 'replays', id] as const,
};

/** An endpoint's ten newest replay jobs with their progress (the SDK wraps one job, not the list). */
export const fetchReplays = async (id: string): Promise<WebhookReplay[]> =>
  (
    await herald.call((signal) => api.GET('/api/v1/webhooks/{id}/replays', { params: { path: { id }, query: { limit: 10, includeTotal: 'false' } }, signal }), {
      idempotent: true,
    })
  ).data;

/** A date and time as the marketer's browser writes them; a dash for none. */
export const formatTime = (at: string | null | undefined): string =>
  at ? new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';

/** The badge colour of a delivery or endpoint state, dark enough for white text to pass WCAG AA. */
export const stateColor = (state: string): string =>
  ({ succeeded: 'teal.9', completed: 'teal.9', enabled: 'teal.9', failed: 'red.9', disabled: 'red.9', pending: 'gray.8', running: 'indigo.8' })[state] ??
  'gray.8';
