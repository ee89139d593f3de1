import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { beginCampaign, createCampaignOccurrence, finishCampaign } from '../domain/campaigns/sending';
import { renderForCustomer, TemplateCache } from '../domain/campaigns/render';
import { sampleCustomerRow } from '../domain/campaigns/preview';
import type { CampaignTestSendInput, TestSendResult } from '../workflows/campaignTestSend';
import { DEFAULT_PAGES_PER_RUN, type MessagingDeps } from './campaignSend';

/** Activities around a campaign's send: start (snapshot), finish, recurring occurrences and test sends. */
export function createCampaignLifecycleActivities(deps: { db: Knex; messaging?: MessagingDeps }) {
  const clock = () => (deps.messaging?.now ?? (() => new Date()))();
  const templates = new TemplateCache();
  return {
    /** Snapshots the audience and marks the campaign sending (idempotent); tells the workflow how long a run may grow. */
    async beginCampaign(tenantId: string, campaignId: string): Promise<{ status: string; pagesPerRun: number }> {
      const begun = await beginCampaign(deps.db, tenantId, campaignId, clock());
      return { ...begun, pagesPerRun: deps.messaging?.pagesPerRun ?? DEFAULT_PAGES_PER_RUN };
    },
    /** Marks the campaign completed or cancelled (cancelling its unsent rows). */
    async finishCampaign(tenantId: string, campaignId: string, outcome: 'completed' | 'cancelled'): Promise<void> {
      await finishCampaign(deps.db, tenantId, campaignId, outcome, clock());
    },
    /** Copies a recurring campaign into the occurrence this schedule tick sends. */
    async createCampaignOccurrence(tenantId: string, campaignId: string): Promise<string | null> {
      return createCampaignOccurrence(deps.db, tenantId, campaignId, clock());
    },
    /**
     * Sends the campaign's message to test addresses, rendered for a chosen customer (or a sample
     * one). Test messages have no ledger rows and no tracking; each gets a fresh Message-ID.
     */
    async sendTestMessages(input: CampaignTestSendInput): Promise<TestSendResult[]> {
      if (!deps.messaging) throw new Error('This worker has no messaging transports configured');
      const { channels } = deps.messaging;
      const campaign = await deps.db('campaigns').where({ tenant_id: input.tenantId, id: input.campaignId }).first();
      if (!campaign) return input.addresses.map((address) => ({ address, ok: false, error: 'campaign not found' }));
      const customer = input.customerId ? await deps.db('customers').where({ tenant_id: input.tenantId, id: input.customerId }).first() : undefined;
      const message = renderForCustomer(templates.get(campaign), campaign, customer ?? sampleCustomerRow(), { unsubscribeUrl: '#test' });
      return Promise.all(input.addresses.map(async (address) => {
        try {
          const sent = campaign.channel === 'email'
            ? await channels.email.send({ ledgerId: randomUUID(), tenantId: input.tenantId, to: address, subject: `[TEST] ${message.subject}`, html: message.body })
            : await channels.sms.send({ ledgerId: randomUUID(), tenantId: input.tenantId, to: address, body: message.body });
          return { address, ok: true, providerId: sent.providerId };
        } catch (err) {
          return { address, ok: false, error: (err as Error).message };
        }
      }));
    },
  };
}
