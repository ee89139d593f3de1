import { Button, Group, Select, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inboxKeys, updateThread, useAssignees, type Conversation, type ThreadChange } from './queries';

/** Assigning a thread to a member (by email) and resolving or reopening it; only for people who may write. */
export function ThreadActions({ conversation }: { conversation: Conversation }) {
  const client = useQueryClient();
  const assignees = useAssignees();
  const change = useMutation({
    mutationFn: (c: ThreadChange) => updateThread(conversation.id, c),
    onSuccess: async () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
  const options = conversation.assignee && !assignees.includes(conversation.assignee) ? [conversation.assignee, ...assignees] : assignees;
  const resolved = conversation.status === 'resolved';
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <Select
          label="Assignee"
          placeholder="Unassigned"
          data={options}
          value={conversation.assignee}
          clearable
          searchable
          disabled={change.isPending}
          onChange={(assignee) => change.mutate({ assignee })}
          w={260}
        />
        <Button variant={resolved ? 'default' : 'filled'} loading={change.isPending} onClick={() => change.mutate({ status: resolved ? 'open' : 'resolved' })}>
          {resolved ? 'Reopen' : 'Resolve'}
        </Button>
      </Group>
      {change.isError ? <ErrorAlert error={change.error} title="The thread was not changed" /> : null}
    </Stack>
  );
}
