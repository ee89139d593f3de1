import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { CustomerDetail } from '@herald/sdk';
import { dateTime, money } from './format';

/** Label/value rows of a small description table. */
function Facts({ label, rows }: { label: string; rows: Array<[string, string | number | null | undefined]> }) {
  return (
    <Table aria-label={label} variant="vertical" withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th scope="row" w={170}>
              {name}
            </Table.Th>
            <Table.Td>{value === null || value === undefined || value === '' ? '—' : value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The customer's profile (contact, address, tier, preferences) and statistics, from `GET /api/v1/customers/:id`. */
export function ProfileSection({ customer: c }: { customer: CustomerDetail }) {
  const address = [c.address.street, c.address.city, c.address.state, c.address.postalCode, c.address.country].filter(Boolean).join(', ');
  const channels = (['email', 'sms', 'newsletter'] as const).filter((k) => c.preferences[k]).join(', ');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md" component="section" aria-labelledby="section-profile" data-testid="section-profile">
        <Title order={2} size="h4" mb="sm" id="section-profile">
          Profile
        </Title>
        <Facts
          label="Profile"
          rows={[
            ['Email', c.email],
            ['Phone', c.phone],
            ['External id', c.externalId],
            ['Address', address],
            ['Tier', c.tier],
            ['Source', c.source],
            ['Language', c.preferences.language],
            ['Timezone', c.preferences.timezone],
            ['Consents to', channels || 'nothing'],
            ['Blocked', c.isBlocked ? `yes${c.blockReason ? ` — ${c.blockReason}` : ''}` : 'no'],
            ['Created', dateTime(c.createdAt)],
          ]}
        />
        {c.notes ? <Text size="sm">{c.notes}</Text> : null}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="section-statistics" data-testid="section-statistics">
        <Title order={2} size="h4" mb="sm" id="section-statistics">
          Statistics
        </Title>
        <Facts
          label="Statistics"
          rows={[
            ['Orders', c.statistics.totalOrders],
            ['Paid orders', c.statistics.paidOrders],
            ['Total spent', money(c.statistics.totalSpent)],
            ['Average order', money(c.statistics.averageOrderValue)],
            ['First order', dateTime(c.statistics.firstOrderAt)],
            ['Last order', dateTime(c.statistics.lastOrderAt)],
            ['Last interaction', dateTime(c.statistics.lastInteractionAt)],
            ['Complaints (open)', `${c.complaintStatistics.totalComplaints} (${c.complaintStatistics.openComplaints})`],
          ]}
        />
      </Paper>
    </SimpleGrid>
  );
}
