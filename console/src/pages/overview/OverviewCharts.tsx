import '@mantine/charts/styles.css';
import { AreaChart, BarChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

type Row = { date: string } & Record<string, number | string>;
type Series = { name: string; label: string; color: string }[];

/** A chart with its caption (recharts makes it keyboard-navigable), and the same numbers as a table for screen readers. */
function Figure({ title, rows, series, children }: { title: string; rows: Row[]; series: Series; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} aria-label={title}>
      <Text component="figcaption" fw={600} mb="sm">
        {title}
      </Text>
      {children}
      <VisuallyHidden>
        <Table aria-label={`${title} as a table`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.name}>{s.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.date}>
                <Table.Td>{row.date}</Table.Td>
                {series.map((s) => (
                  <Table.Td key={s.name}>{row[s.name]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Paper>
  );
}

/** The three series of the overview. Loaded on its own (recharts is large), after the totals are on screen. */
export default function OverviewCharts({ customers, revenue, campaigns }: { customers: Row[]; revenue: Row[]; campaigns: Row[] }) {
  const customerSeries: Series = [
    { name: 'newCustomers', label: 'New customers', color: 'indigo.8' },
    { name: 'activeCustomers', label: 'Active customers', color: 'teal.8' },
  ];
  const revenueSeries: Series = [{ name: 'revenue', label: 'Revenue', color: 'indigo.8' }];
  const campaignSeries: Series = [
    { name: 'sent', label: 'Sent', color: 'indigo.8' },
    { name: 'opened', label: 'Opened', color: 'teal.8' },
    { name: 'clicked', label: 'Clicked', color: 'orange.8' },
  ];
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} mt="md">
      <Figure title="Customers" rows={customers} series={customerSeries}>
        <AreaChart h={220} data={customers} dataKey="date" series={customerSeries} curveType="monotone" withLegend withDots={false} />
      </Figure>
      <Figure title="Revenue" rows={revenue} series={revenueSeries}>
        <BarChart h={220} data={revenue} dataKey="date" series={revenueSeries} />
      </Figure>
      <Figure title="Campaign engagement" rows={campaigns} series={campaignSeries}>
        <LineChart h={220} data={campaigns} dataKey="date" series={campaignSeries} curveType="monotone" withLegend withDots={false} />
      </Figure>
    </SimpleGrid>
  );
}
