import { Context, heartbeat } from '@temporalio/activity';
import type { Knex } from 'knex';
import { createCampaignSender, type MessagingDeps, type SendPagesResult } from '../domain/campaigns/pageSender';

/**
 * The sending activity: the worker's campaign sender (domain/campaigns/pageSender.ts) sends a
 * campaign's due recipients for one time budget, heartbeating after every message so a dead
 * worker's attempt is retried within the heartbeat timeout; an attempt Temporal gave up on stops
 * at its next message (its cancellation signal) and leaves its claims to expire.
 */
export function createCampaignSendActivities(deps: { db: Knex; messaging?: MessagingDeps }) {
  const sender = deps.messaging ? createCampaignSender({ db: deps.db, messaging: deps.messaging }) : undefined;
  return {
    /** Sends due recipients of one campaign for up to the time budget; see {@link SendPagesResult}. */
    async sendCampaignPages(tenantId: string, campaignId: string): Promise<SendPagesResult> {
      if (!sender) throw new Error('This worker has no messaging transports configured');
      return sender.sendCampaignPages(tenantId, campaignId, (progress) => heartbeat(progress), Context.current().cancellationSignal);
    },
  };
}
