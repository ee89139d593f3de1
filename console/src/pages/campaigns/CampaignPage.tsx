import { Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { AnalyticsPanel } from './AnalyticsPanel';
import { CampaignEditor } from './CampaignEditor';
import { CAMPAIGN_KEYS, STATUS_COLORS, type CampaignDetail } from './campaignData';
import { ChecksPanel } from './ChecksPanel';
import { DeleteCampaignButton } from './DeleteCampaignButton';
import { PreviewPanel } from './PreviewPanel';
import { ProgressPanel } from './ProgressPanel';
import { SendPanel } from './SendPanel';
import { TestSendPanel } from './TestSendPanel';
import { VariantsPanel } from './VariantsPanel';

/**
 * How often the page reads the campaign: every second while it sends (the live progress), every
 * 5 s while it waits for its time, and not at all once nothing moves (draft, paused, finished).
 */
const pollInterval = (campaign: CampaignDetail | undefined): number | false => {
  if (campaign?.status === 'sending') return 1000;
  if (campaign?.status === 'scheduled') return 5000;
  return false;
};

/** A new campaign: the editor alone; saving creates a draft and opens its page. */
function NewCampaign() {
  return (
    <>
      <PageHeader
        title="New campaign"
        description={
          <Anchor component={Link} to="/campaigns" underline="always">
            Back to campaigns
          </Anchor>
        }
      />
      <CampaignEditor />
    </>
  );
}

/** An existing campaign: live progress, the message, its preview, checks and test send, sending, analytics and variants. */
function ExistingCampaign({ campaignId }: { campaignId: string }) {
  const canWrite = useCanWrite();
  const [tab, setTab] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: CAMPAIGN_KEYS.detail(campaignId),
    queryFn: () => herald.campaigns.get(campaignId),
    refetchInterval: (q) => pollInterval(q.state.data),
    staleTime: 0,
  });
  if (detail.isPending) return <Loading label="Loading the campaign" />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Campaign" />
        <ErrorAlert error={detail.error} />
      </>
    );
  }
  const campaign = detail.data;
  const draft = campaign.status === 'draft';
  const tabs = ['message', 'preview', ...(canWrite ? ['test'] : []), ...(canWrite && draft ? ['send'] : []), 'analytics', 'variants'];
  // A tab that no longer applies (sending starts from "Schedule or send") gives way to the analytics.
  const active = tab && tabs.includes(tab) ? tab : draft ? 'message' : 'analytics';
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={
          <Group gap="xs" component="span">
            <Badge component="span" color={STATUS_COLORS[campaign.status]} variant="dot" data-testid="campaign-status">
              {campaign.status}
            </Badge>
            <Text span size="sm" c="gray.7">
              {campaign.channel === 'email' ? 'E-mail' : 'SMS'} campaign ·{' '}
              <Anchor component={Link} to="/campaigns" size="sm" underline="always">
                all campaigns
              </Anchor>
            </Text>
          </Group>
        }
        actions={canWrite ? <DeleteCampaignButton campaign={campaign} /> : null}
      />
      <Stack gap="lg">
        {campaign.statusReason ? <Text c="gray.7">{campaign.statusReason}</Text> : null}
        {draft ? null : <ProgressPanel campaign={campaign} />}
        <Tabs value={active} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label="Campaign sections">
            <Tabs.Tab value="message">Message</Tabs.Tab>
            <Tabs.Tab value="preview">Preview and checks</Tabs.Tab>
            {canWrite ? <Tabs.Tab value="test">Test send</Tabs.Tab> : null}
            {canWrite && draft ? <Tabs.Tab value="send">Schedule or send</Tabs.Tab> : null}
            <Tabs.Tab value="analytics">Analytics</Tabs.Tab>
            <Tabs.Tab value="variants">Variants{campaign.variants ? ` (${campaign.variants.length})` : ''}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="message" pt="md">
            <CampaignEditor campaign={campaign} />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="md">
            <Stack gap="xl">
              <PreviewPanel campaign={campaign} />
              <ChecksPanel campaign={campaign} />
            </Stack>
          </Tabs.Panel>
          {canWrite ? (
            <Tabs.Panel value="test" pt="md">
              <TestSendPanel campaign={campaign} />
            </Tabs.Panel>
          ) : null}
          {canWrite && draft ? (
            <Tabs.Panel value="send" pt="md">
              <SendPanel campaign={campaign} />
            </Tabs.Panel>
          ) : null}
          <Tabs.Panel value="analytics" pt="md">
            <AnalyticsPanel campaign={campaign} />
          </Tabs.Panel>
          <Tabs.Panel value="variants" pt="md">
            <VariantsPanel campaign={campaign} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

/** The campaign page: `/campaigns/new` creates one, `/campaigns/:campaignId` shows and runs one. */
export default function CampaignPage() {
  const { campaignId } = useParams();
  return campaignId ? <ExistingCampaign key={campaignId} campaignId={campaignId} /> : <NewCampaign />;
}
