import { useQuery } from '@tanstack/react-query';
import { herald } from '../../client/herald';
import { CAMPAIGN_KEYS, type AnalyticsView, type Campaign } from './campaignData';

/**
 * A campaign's analytics (`GET /campaigns/:id/analytics`), shared by the analytics and variants
 * tabs. While the campaign sends it is read every 5 s (the progress above is the per-second view;
 * opens and clicks move slower), and not at all for a draft, which has no ledger yet.
 */
export function useCampaignAnalytics(campaign: Campaign) {
  return useQuery({
    queryKey: CAMPAIGN_KEYS.analytics(campaign.id, campaign.status),
    queryFn: async () => (await herald.campaigns.analytics(campaign.id)) as unknown as AnalyticsView,
    enabled: campaign.status !== 'draft',
    refetchInterval: campaign.status === 'sending' ? 5000 : false,
  });
}
