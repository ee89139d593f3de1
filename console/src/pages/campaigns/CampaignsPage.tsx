import { Anchor, Badge, Button, Group, Pagination, Select, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCanWrite } from '../../app/session';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { CampaignProgressCell } from './CampaignProgressCell';
import { CAMPAIGN_KEYS, STATUS_COLORS, type CampaignStatus } from './campaignData';

const STATUSES: CampaignStatus[] = ['draft', 'scheduled', 'sending', 'paused', 'completed', 'cancelled', 'failed'];
const PAGE_SIZE = 20;

/** The campaign list: name, channel, status, progress and creation, filtered by status and channel, newest first. */
export default function CampaignsPage() {
  const canWrite = useCanWrite();
  const [status, setStatus] = useState<CampaignStatus | null>(null);
  const [channel, setChannel] = useState<'email' | 'sms' | null>(null);
  const [page, setPage] = useState(1);
  const params = { page, limit: PAGE_SIZE, ...(status ? { status } : {}), ...(channel ? { channel } : {}) };
  const list = useQuery({
    queryKey: CAMPAIGN_KEYS.list(params),
    queryFn: () => herald.campaigns.list(params),
    placeholderData: keepPreviousData,
    // While something is sending or due, the statuses move: read the page again every 3 s.
    refetchInterval: (q) => (q.state.data?.data.some((c) => c.status === 'sending' || c.status === 'scheduled') ? 3000 : false),
  });

  return (
    <>
      <PageHeader
        title="Campaigns"
        description={
          <Text span c="gray.7">
            E-mail and SMS campaigns to a segment, with their progress.
          </Text>
        }
        actions={
          canWrite ? (
            <Button component={Link} to="/campaigns/new">
              New campaign
            </Button>
          ) : null
        }
      />
      <Group mb="md" align="flex-end">
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={STATUSES}
          value={status}
          onChange={(v) => {
            setStatus(v as CampaignStatus | null);
            setPage(1);
          }}
          w={180}
        />
        <Select
          label="Channel"
          placeholder="Any channel"
          clearable
          data={[
            { value: 'email', label: 'E-mail' },
            { value: 'sms', label: 'SMS' },
          ]}
          value={channel}
          onChange={(v) => {
            setChannel(v as 'email' | 'sms' | null);
            setPage(1);
          }}
          w={180}
        />
      </Group>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? (
        <Loading label="Loading campaigns" />
      ) : list.data ? (
        <>
          <Table striped highlightOnHover aria-label="Campaigns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/campaigns/${c.id}`}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.channel === 'email' ? 'E-mail' : 'SMS'}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[c.status]} variant="dot">
                      {c.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <CampaignProgressCell campaign={c} />
                  </Table.Td>
                  <Table.Td>{new Date(c.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.data.length === 0 ? (
            <Text c="gray.7" mt="md">
              No campaigns {status || channel ? 'match these filters' : 'yet'}.
            </Text>
          ) : null}
          {(list.data.pagination.totalPages ?? 1) > 1 ? (
            <Pagination mt="md" total={list.data.pagination.totalPages ?? 1} value={page} onChange={setPage} aria-label="Campaign pages" />
          ) : null}
        </>
      ) : null}
    </>
  );
}
