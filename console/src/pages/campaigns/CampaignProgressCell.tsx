import { Group, Progress, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { herald } from '../../client/herald';
import { CAMPAIGN_KEYS, percent, settledOf, type AnalyticsView, type Campaign } from './campaignData';

/**
 * A campaign's progress in the list: the settled share of its recipients as a bar and a number.
 * Drafts have no recipients yet; a sending campaign is read again every 3 seconds (the list may
 * hold several, and each read spends the person's request budget).
 */
export function CampaignProgressCell({ campaign }: { campaign: Campaign }) {
  const enabled = campaign.status !== 'draft';
  const analytics = useQuery({
    queryKey: CAMPAIGN_KEYS.analytics(campaign.id, campaign.status),
    queryFn: async () => (await herald.campaigns.analytics(campaign.id)) as unknown as AnalyticsView,
    enabled,
    refetchInterval: campaign.status === 'sending' ? 3000 : false,
  });
  if (!enabled) return <Text c="gray.7">—</Text>;
  if (!analytics.data) return <Text c="gray.7">…</Text>;
  const a = analytics.data;
  const ratio = a.recipients ? settledOf(a) / a.recipients : 0;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={ratio * 100} w={90} aria-label={`Progress of ${campaign.name}`} />
      <Text size="sm">
        {percent(ratio)} · {a.sent.toLocaleString('en')}/{a.recipients.toLocaleString('en')}
      </Text>
    </Group>
  );
}
