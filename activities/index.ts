import type { Knex } from 'knex';
import type { Logger } from '../lib/logger';
import { createImportActivities } from './imports';
import { createCampaignLifecycleActivities } from './campaignLifecycle';
import { createCampaignSendActivities, type MessagingDeps } from './campaignSend';
import { createSegmentActivities } from './segments';
import { createTenantActivities } from './tenants';

/** Everything activities may use; the worker passes real ones, unit tests pass their own. */
export interface ActivityDeps {
  db: Knex;
  logger: Logger;
  /** Transports, links and limits for campaigns; a worker without them cannot send. */
  messaging?: MessagingDeps;
}

/**
 * Builds every activity from its dependencies (the factory pattern of Temporal's samples):
 * no activity reaches for a global connection.
 */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTenantActivities(deps),
    ...createSegmentActivities(deps),
    ...createImportActivities(deps),
    ...createCampaignLifecycleActivities(deps),
    ...createCampaignSendActivities(deps),
  };
}

/** The activity interface workflows proxy (imported there with `import type`). */
export type Activities = ReturnType<typeof createActivities>;
