import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { percent, type AbTestView, type Campaign } from './campaignData';
import { useCampaignAnalytics } from './useCampaignAnalytics';

const metricLabel = (m: AbTestView['metric']): string => (typeof m === 'string' ? m : `the event “${m.event}” within ${m.within}`);

/**
 * A campaign's A/B test: the variants it defines (subject and/or body overrides, set through the
 * API's `variants` and `test` fields) and, once it sends, each variant's live result (measured
 * sends, successes, rate with its 95 % interval, p-value against the leader) and the decision.
 */
export function VariantsPanel({ campaign }: { campaign: Campaign }) {
  const analytics = useCampaignAnalytics(campaign);
  if (!campaign.variants?.length || !campaign.test) {
    return (
      <Text c="gray.7">
        This campaign has no A/B test. Variants (2 to 5, each overriding the subject, the body or both) and the test (share, metric, duration) are set with the
        campaign’s <code>variants</code> and <code>test</code> fields through the API.
      </Text>
    );
  }
  const test = campaign.test;
  const ab = analytics.data?.abTest;
  const results = new Map((ab?.variants ?? []).map((v) => [v.key, v]));
  const winner = ab?.decision?.winner;
  return (
    <Stack>
      <Title order={2} size="h3">
        A/B test
      </Title>
      <Text>
        {percent(test.share)} of the audience is split evenly across the variants; the one with the best {metricLabel(test.metric)} rate after {test.duration}{' '}
        goes to the rest.
        {ab?.status === 'testing' && ab.endsAt ? ` The test ends ${new Date(ab.endsAt).toLocaleString('en-GB')}.` : ''}
      </Text>
      {analytics.isError ? <ErrorAlert error={analytics.error} /> : null}
      {ab?.decision ? (
        <Alert variant="outline" color="gray.8" title={`Decided: variant ${ab.decision.winner} goes to the rest`}>
          {ab.decision.reason} ({ab.decision.released.toLocaleString('en')} recipients released)
        </Alert>
      ) : null}
      <Table aria-label="Variants and their results" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Variant</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Body</Table.Th>
            <Table.Th>Sent</Table.Th>
            <Table.Th>Measured</Table.Th>
            <Table.Th>Rate (95 % interval)</Table.Th>
            <Table.Th>p-value vs leader</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaign.variants.map((v) => {
            const r = results.get(v.key);
            return (
              <Table.Tr key={v.key}>
                <Table.Td>
                  <Text fw={600} span>
                    {v.key}
                  </Text>{' '}
                  {v.name}{' '}
                  {winner === v.key ? (
                    <Badge color="green" variant="dot">
                      winner
                    </Badge>
                  ) : !winner && ab?.leader === v.key && r && r.sample > 0 ? (
                    <Badge variant="dot">leading</Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{v.subject ?? <Text c="gray.7">campaign’s</Text>}</Table.Td>
                <Table.Td>{v.body ? <Text lineClamp={2}>{v.body}</Text> : <Text c="gray.7">campaign’s</Text>}</Table.Td>
                <Table.Td>{r ? r.sent.toLocaleString('en') : '—'}</Table.Td>
                <Table.Td>{r ? `${r.successes} of ${r.sample}` : '—'}</Table.Td>
                <Table.Td>{r ? `${percent(r.rate)} (${percent(r.interval.lower)}–${percent(r.interval.upper)})` : '—'}</Table.Td>
                <Table.Td>{r?.pValue == null ? '—' : r.pValue.toFixed(3)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {campaign.status === 'draft' ? <Text c="gray.7">Results appear once the campaign sends.</Text> : null}
    </Stack>
  );
}
