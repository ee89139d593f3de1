import { Group, SegmentedControl, Select, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { herald } from '../../client/herald';
import { InsightsPanel } from './InsightsPanel';
import { browserTimezone, RANGES, timezones, type Period } from './range';
import { StatCard } from './StatCard';

const OverviewCharts = lazy(() => import('./OverviewCharts'));

/**
 * The landing page: the tenant's totals over a window (customers, revenue, campaigns) against the
 * window before, their series as charts, and Herald's insights. The window and timezone live in the
 * URL (`?period=week&tz=Europe/Paris`), so a view can be shared.
 */
export default function OverviewPage() {
  const [params, setParams] = useSearchParams();
  const period = (RANGES.find((r) => r.value === params.get('period'))?.value ?? 'day') as Period;
  const timezone = params.get('tz') ?? browserTimezone();
  const zones = useMemo(() => timezones(), []);
  const range = { period, timezone };
  const set = (key: string, value: string) => setParams((p) => (p.set(key, value), p), { replace: true });

  const customers = useQuery({ queryKey: ['overview', 'customers', range], queryFn: () => herald.analytics.customers(range) });
  const revenue = useQuery({ queryKey: ['overview', 'revenue', range], queryFn: () => herald.analytics.revenue(range) });
  const campaigns = useQuery({ queryKey: ['overview', 'campaigns', range], queryFn: () => herald.analytics.campaigns(range) });
  const error = customers.error ?? revenue.error ?? campaigns.error;

  return (
    <>
      <PageHeader
        title="Overview"
        description="How your audience, revenue and campaigns moved, against the window before."
        actions={
          <Group>
            <SegmentedControl
              aria-label="Window"
              value={period}
              onChange={(value) => set('period', value)}
              data={RANGES.map((r) => ({ value: r.value, label: r.label }))}
            />
            <Select aria-label="Timezone" searchable value={timezone} data={zones} onChange={(value) => value && set('tz', value)} w={220} />
          </Group>
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
      {customers.data && revenue.data && campaigns.data ? (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <StatCard
              label="New customers"
              testId="stat-new-customers"
              current={customers.data.totals.newCustomers}
              previous={customers.data.previousTotals.newCustomers}
            />
            <StatCard label="Active customers" current={customers.data.totals.activeCustomers} previous={customers.data.previousTotals.activeCustomers} />
            <StatCard label="Revenue" testId="stat-revenue" current={revenue.data.totals.revenue} previous={revenue.data.previousTotals.revenue} />
            <StatCard label="Orders" current={revenue.data.totals.orders} previous={revenue.data.previousTotals.orders} />
            <StatCard label="Messages sent" current={campaigns.data.totals.sent} previous={campaigns.data.previousTotals.sent} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4}>
            {customers.data.startDate} to {customers.data.endDate}, by {period}, in {customers.data.timezone}
          </Text>
          <Suspense fallback={<Loading label="Loading charts" />}>
            <OverviewCharts customers={customers.data.series} revenue={revenue.data.series} campaigns={campaigns.data.series} />
          </Suspense>
        </>
      ) : error ? null : (
        <Loading label="Loading totals" />
      )}
      <div style={{ marginTop: 24 }}>
        <InsightsPanel period={RANGES.find((r) => r.value === period)!.insightPeriod} />
      </div>
    </>
  );
}
