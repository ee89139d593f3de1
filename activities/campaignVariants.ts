import type { Knex } from 'knex';
import type { MessagingDeps } from '../domain/campaigns/pageSender';
import { decideCampaignTest } from '../domain/campaigns/variantDecision';

/** A decision as the campaign workflow needs it: who won and how. */
export interface DecidedTest {
  winner: string;
  outcome: string;
  released: number;
}

/** The A/B test activity: decide a campaign's test when its window has ended (domain/campaigns/variantDecision.ts). */
export function createCampaignVariantActivities(deps: { db: Knex; messaging?: MessagingDeps }) {
  const clock = () => (deps.messaging?.now ?? (() => new Date()))();
  return {
    /** Records the decision and releases the held audience to the winner; idempotent. Null without a test. */
    async decideCampaignTest(tenantId: string, campaignId: string): Promise<DecidedTest | null> {
      const decision = await decideCampaignTest(deps.db, tenantId, campaignId, clock());
      return decision && { winner: decision.winner, outcome: decision.outcome, released: decision.released };
    },
  };
}
