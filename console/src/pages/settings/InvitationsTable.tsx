import { Button, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { ConfirmModal } from '../../components/ConfirmModal';
import { fetchInvitations, peopleKeys, revokeInvitation, type OpenInvitation } from './people';
import { notify } from '../../components/notify';
import { shownDate } from './roles';

/** Who sent an invitation, as a person reads it: their address, or the key or command line that did. */
const sender = (i: OpenInvitation) => i.invitedByEmail ?? (i.invitedBy.startsWith('api_key:') ? 'an API key' : 'the command line');

/**
 * The invitations nobody has used yet (`GET /users/invitations`): address, role, when sent and by
 * whom, until when the link works; revoke one after a confirmation (its link stops working).
 */
export function InvitationsTable() {
  const client = useQueryClient();
  const [revoking, setRevoking] = useState<OpenInvitation | null>(null);
  const invitations = useQuery({ queryKey: peopleKeys.invitations, queryFn: fetchInvitations });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeInvitation(id),
    onSuccess: () => {
      notify(`The link sent to ${revoking?.email} no longer works.`, { title: 'Invitation revoked' });
      setRevoking(null);
      void client.invalidateQueries({ queryKey: peopleKeys.invitations });
    },
  });
  if (invitations.isPending) return <Loading label="Loading invitations" />;
  if (invitations.isError) return <ErrorAlert error={invitations.error} />;
  const rows = invitations.data.data;
  return (
    <>
      {rows.length === 0 ? (
        <Text size="sm">No invitation is waiting to be accepted.</Text>
      ) : (
        <Table aria-label="Pending invitations" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Invited</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Link works until</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.email}</Table.Td>
                <Table.Td>{i.role}</Table.Td>
                <Table.Td>{shownDate(i.invitedAt)}</Table.Td>
                <Table.Td>{sender(i)}</Table.Td>
                <Table.Td>{shownDate(i.expiresAt)}</Table.Td>
                <Table.Td>
                  <Button size="xs" color="red" variant="light" aria-label={`Revoke the invitation of ${i.email}`} onClick={() => setRevoking(i)}>
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke this invitation?"
        confirmLabel="Revoke"
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        The link sent to {revoking?.email} will stop working. You can invite them again later.
      </ConfirmModal>
    </>
  );
}
