import type { Knex } from 'knex';
import type { MessagingDeps } from '../domain/campaigns/pageSender';
import { createNotificationHub } from '../domain/webhooks/notifications';
import { webhookSettings, type WebhookSettings } from '../domain/webhooks/settings';
import { loadConfig } from '../lib/config';
import type { Logger } from '../lib/logger';
import { createAnalyticsActivities } from './analytics';
import { createCustomerEventActivities } from './customerEvents';
import { createImportActivities } from './imports';
import { createJourneyRouterActivities } from './journeyRouter';
import { createJourneyRunnerActivities } from './journeyRunner';
import { createCampaignLifecycleActivities } from './campaignLifecycle';
import { createCampaignSendActivities } from './campaignSend';
import { createCampaignVariantActivities } from './campaignVariants';
import { createConversationInboundActivities } from './conversationInbound';
import { createConversationReplyActivities } from './conversationReply';
import { createSegmentActivities } from './segments';
import { createTenantActivities } from './tenants';
import { createUserEmailActivities } from './userEmail';
import { createWebhookDispatchActivities } from './webhookDispatch';
import { createWebhookRelayActivities } from './webhookRelay';
import { createWebhookReplayActivities } from './webhookReplay';

/** Everything activities may use; the worker passes real ones, unit tests pass their own. */
export interface ActivityDeps {
  db: Knex;
  logger: Logger;
  /** Transports, links and limits for campaigns; a worker without them cannot send. */
  messaging?: MessagingDeps;
  /** Webhook settings; read from the environment when not given. */
  webhooks?: WebhookSettings;
  /** Concurrent chunk writers per import (IMPORT_WRITERS); min(4, cores) when not given. */
  importWriters?: number;
  /** The journeys' clock (due times, entries, goal windows); the system clock when not given. Tests pass a fake one. */
  clock?: () => Date;
}

/**
 * Builds every activity from its dependencies (the factory pattern of Temporal's samples):
 * no activity reaches for a global connection.
 */
export function createActivities(deps: ActivityDeps) {
  // One LISTEN connection per worker, shared by the webhook relay and dispatchers.
  const hub = createNotificationHub(deps.db, deps.logger);
  const settings = deps.webhooks ?? webhookSettings(loadConfig());
  return {
    ...createTenantActivities(deps),
    ...createSegmentActivities(deps),
    ...createCustomerEventActivities(deps),
    ...createAnalyticsActivities(deps),
    ...createImportActivities(deps),
    ...createCampaignLifecycleActivities(deps),
    ...createCampaignSendActivities(deps),
    ...createCampaignVariantActivities(deps),
    ...createConversationReplyActivities(deps),
    ...createConversationInboundActivities(deps),
    ...createWebhookRelayActivities(deps),
    ...createWebhookDispatchActivities({ ...deps, hub, settings }),
    ...createWebhookReplayActivities(deps),
    ...createJourneyRouterActivities(deps),
    ...createJourneyRunnerActivities({ ...deps, webhooks: settings }),
    ...createUserEmailActivities(deps),
  };
}

/** The activity interface workflows proxy (imported there with `import type`). */
export type Activities = ReturnType<typeof createActivities>;
