import { Grid, Group, Select, Text } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { STATUSES, useAssignees, type InboxFilters } from './queries';
import { ThreadList } from './ThreadList';
import { ThreadView } from './ThreadView';

const ANY = 'any';

/**
 * The conversations inbox (`/inbox`, `/inbox/:conversationId`): threads filtered by status and
 * assignee on the left (the filters live in the URL, so a view can be shared), the chosen thread
 * with its messages, reply, assignment and resolve/reopen on the right.
 */
export default function InboxPage() {
  const { conversationId } = useParams();
  const [params, setParams] = useSearchParams();
  const assignees = useAssignees();
  const status = params.get('status') ?? 'open';
  const filters: InboxFilters = {
    status: status === ANY ? null : (STATUSES.find((s) => s === status) ?? 'open'),
    assignee: params.get('assignee'),
  };
  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const assigneeOptions = filters.assignee && !assignees.includes(filters.assignee) ? [filters.assignee, ...assignees] : assignees;

  return (
    <>
      <PageHeader title="Inbox" />
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Group grow mb="sm" align="flex-end">
            <Select
              label="Status"
              data={[...STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) })), { value: ANY, label: 'Any status' }]}
              value={filters.status ?? ANY}
              allowDeselect={false}
              onChange={(v) => setFilter('status', v)}
            />
            <Select
              label="Assigned to"
              placeholder="Anyone"
              data={assigneeOptions}
              value={filters.assignee}
              clearable
              searchable
              onChange={(v) => setFilter('assignee', v)}
            />
          </Group>
          <ThreadList filters={filters} selected={conversationId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {conversationId ? <ThreadView id={conversationId} /> : <Text c="gray.7">Choose a conversation to read it and reply.</Text>}
        </Grid.Col>
      </Grid>
    </>
  );
}
