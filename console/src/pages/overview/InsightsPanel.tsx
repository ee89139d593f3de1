import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { herald } from '../../client/herald';

const IMPACT_COLOUR = { high: 'red.9', medium: 'orange.9', low: 'gray.7' } as const;

/**
 * What changed in the tenant's data (`GET /api/v1/ai/insights`), best first: each finding with
 * its impact, the numbers behind it and what to do about it. Herald computes them by statistics;
 * an empty list means nothing moved beyond chance.
 */
export function InsightsPanel({ period }: { period: string }) {
  const insights = useQuery({ queryKey: ['overview', 'insights', period], queryFn: () => herald.insights.list({ period, limit: 10 }) });
  return (
    <section aria-labelledby="insights-title">
      <Title order={2} size="h3" id="insights-title" mb="sm">
        Insights
      </Title>
      {insights.isPending ? <Loading label="Loading insights" /> : null}
      {insights.isError ? <ErrorAlert error={insights.error} /> : null}
      {insights.data && insights.data.insights.length === 0 ? <Text c="dimmed">Nothing changed beyond chance in this window.</Text> : null}
      <Stack gap="sm">
        {insights.data?.insights.map((insight) => (
          <Card key={insight.id} withBorder padding="md" data-testid="insight">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{insight.title}</Text>
              <Badge color={IMPACT_COLOUR[insight.impact]} variant="light">
                {insight.impact} impact
              </Badge>
            </Group>
            <Text size="sm" mt={4}>
              {insight.description}
            </Text>
            <Text size="sm" mt={4} c="dimmed">
              {insight.recommendation}
            </Text>
            <Text size="xs" mt={4} c="dimmed">
              {insight.metric.name}: {insight.metric.previous ?? '—'} → {insight.metric.current} · {insight.affectedCustomers.toLocaleString()} customers
            </Text>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
