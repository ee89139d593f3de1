import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { api, herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ConfirmModal } from '../../components/ConfirmModal';
import { InvitationsTable } from './InvitationsTable';
import { InviteForm } from './InviteForm';
import { fetchMembers, peopleKeys } from './people';
import { RoleSelect } from './RoleSelect';
import { shownDate } from './roles';
import { notify } from '../../components/notify';

/**
 * The tenant's people, for admins: invite someone, the members (`GET /users` with the sign-in
 * fields admins get: role as a select, joined, last sign-in; remove), and the pending invitations.
 */
export function MembersPanel() {
  const me = useSession();
  const client = useQueryClient();
  const [removing, setRemoving] = useState<{ id: string; email: string } | null>(null);
  const members = useQuery({ queryKey: peopleKeys.members, queryFn: fetchMembers });
  const remove = useMutation({
    mutationFn: (id: string) => herald.call((signal) => api.DELETE('/api/v1/users/{id}', { params: { path: { id } }, signal })),
    onSuccess: () => {
      notify(`${removing?.email} no longer belongs to this workspace.`, { title: 'Removed' });
      setRemoving(null);
      void client.invalidateQueries({ queryKey: peopleKeys.members });
    },
  });

  return (
    <Stack>
      <section aria-labelledby="invite-title">
        <Title order={2} size="h4" id="invite-title">
          Invite someone
        </Title>
        <InviteForm />
      </section>
      <section aria-labelledby="members-title">
        <Title order={2} size="h4" id="members-title" mb="sm">
          Members
        </Title>
        {members.isPending ? <Loading label="Loading members" /> : null}
        {members.isError ? <ErrorAlert error={members.error} /> : null}
        {members.data ? (
          <Table aria-label="Members" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Joined</Table.Th>
                <Table.Th>Last sign-in</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.data.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    {m.email}{' '}
                    {m.hasPassword !== false ? null : (
                      <Badge variant="default" size="sm">
                        single sign-on
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{m.id === me.user.id ? m.role : <RoleSelect member={m} />}</Table.Td>
                  <Table.Td>{shownDate(m.joinedAt)}</Table.Td>
                  <Table.Td>{shownDate(m.lastLoginAt)}</Table.Td>
                  <Table.Td>
                    {m.id === me.user.id ? (
                      <Text size="sm" c="dimmed">
                        you
                      </Text>
                    ) : (
                      <Button size="xs" color="red" variant="light" aria-label={`Remove ${m.email}`} onClick={() => setRemoving({ id: m.id, email: m.email })}>
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </section>
      <section aria-labelledby="invitations-title">
        <Title order={2} size="h4" id="invitations-title" mb="sm">
          Pending invitations
        </Title>
        <InvitationsTable />
      </section>
      <ConfirmModal
        opened={removing !== null}
        title="Remove this person?"
        confirmLabel="Remove"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        {removing?.email} will be signed out of this workspace at once. Their account stays for their other workspaces.
      </ConfirmModal>
    </Stack>
  );
}
