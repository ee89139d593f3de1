import type { Knex } from 'knex';
import { sendTestMessages } from '../domain/campaigns/messages';
import { DEFAULT_PAGES_PER_RUN, type MessagingDeps } from '../domain/campaigns/pageSender';
import { TemplateCache } from '../domain/campaigns/render';
import { beginCampaign, createCampaignOccurrence, findCampaignRow, finishCampaign } from '../domain/campaigns/sending';
import { testEndsAt } from '../domain/campaigns/variants';
import type { CampaignTestSendInput, TestSendResult } from '../workflows/campaignTestSend';

/** Activities around a campaign's send: start (snapshot), finish, recurring occurrences and test sends. */
export function createCampaignLifecycleActivities(deps: { db: Knex; messaging?: MessagingDeps }) {
  const clock = () => (deps.messaging?.now ?? (() => new Date()))();
  const templates = new TemplateCache();
  return {
    /**
     * Snapshots the audience and marks the campaign sending (idempotent); tells the workflow how
     * long a run may grow and, for an A/B test not yet decided, when its window ends.
     */
    async beginCampaign(tenantId: string, campaignId: string): Promise<{ status: string; pagesPerRun: number; testEndsAt?: string }> {
      const begun = await beginCampaign(deps.db, tenantId, campaignId, clock());
      const row = await findCampaignRow(deps.db, tenantId, campaignId);
      const endsAt = row ? testEndsAt(row) : null;
      return { ...begun, pagesPerRun: deps.messaging?.pagesPerRun ?? DEFAULT_PAGES_PER_RUN, ...(endsAt ? { testEndsAt: endsAt.toISOString() } : {}) };
    },
    /** Marks the campaign completed or cancelled (cancelling its unsent rows). */
    async finishCampaign(tenantId: string, campaignId: string, outcome: 'completed' | 'cancelled'): Promise<void> {
      await finishCampaign(deps.db, tenantId, campaignId, outcome, clock());
    },
    /** Copies a recurring campaign into the occurrence this schedule tick sends. */
    async createCampaignOccurrence(tenantId: string, campaignId: string): Promise<string | null> {
      return createCampaignOccurrence(deps.db, tenantId, campaignId, clock());
    },
    /** Sends the campaign's message to test addresses (see domain/campaigns/messages.ts). */
    async sendTestMessages(input: CampaignTestSendInput): Promise<TestSendResult[]> {
      if (!deps.messaging) throw new Error('This worker has no messaging transports configured');
      return sendTestMessages(deps.db, { channels: deps.messaging.channels, templates }, input);
    },
  };
}
