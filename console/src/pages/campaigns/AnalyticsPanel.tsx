import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { percent, type Campaign } from './campaignData';
import { useCampaignAnalytics } from './useCampaignAnalytics';

/** One figure of the analytics, with an optional rate under it. */
function Stat({ label, value, rate }: { label: string; value: number; rate?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value.toLocaleString('en')}
      </Text>
      {rate ? (
        <Text size="sm" c="gray.7">
          {rate}
        </Text>
      ) : null}
    </Paper>
  );
}

/**
 * A campaign's results from its ledger: delivered, opened, clicked, unsubscribed with their rates
 * (of the messages sent), failures, and skipped recipients by reason.
 */
export function AnalyticsPanel({ campaign }: { campaign: Campaign }) {
  const analytics = useCampaignAnalytics(campaign);
  if (campaign.status === 'draft') return <Text c="gray.7">A draft has no results yet: they appear once it sends.</Text>;
  if (analytics.isPending) return <Loading label="Loading analytics" />;
  if (analytics.isError) return <ErrorAlert error={analytics.error} />;
  const a = analytics.data;
  const reasons = Object.entries(a.skippedByReason ?? {}).filter(([, n]) => n > 0);
  return (
    <Stack>
      <Title order={2} size="h3">
        Analytics
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="campaign-analytics">
        <Stat label="Sent" value={a.sent} />
        <Stat label="Delivered" value={a.delivered} rate={`${percent(a.rates.delivery)} delivery rate`} />
        <Stat label="Opened" value={a.opened} rate={`${percent(a.rates.open)} open rate`} />
        <Stat label="Clicked" value={a.clicked} rate={`${percent(a.rates.click)} click rate`} />
        <Stat label="Failed" value={a.failed} rate={`${percent(a.rates.failure)} failure rate`} />
        <Stat label="Unsubscribed" value={a.unsubscribed} />
        <Stat label="Skipped" value={a.skipped} />
        <Stat label="Cancelled" value={a.cancelled} />
      </SimpleGrid>
      {reasons.length > 0 ? (
        <Table aria-label="Skipped recipients by reason" maw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Skipped because</Table.Th>
              <Table.Th>Recipients</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reasons.map(([reason, n]) => (
              <Table.Tr key={reason}>
                <Table.Td>{reason.replaceAll('_', ' ')}</Table.Td>
                <Table.Td>{n.toLocaleString('en')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
