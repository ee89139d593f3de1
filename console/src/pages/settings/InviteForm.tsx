import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { api, herald } from '../../client/herald';
import { fieldErrors } from './fieldErrors';
import { peopleKeys } from './people';
import { MEMBER_ROLES, type MemberRole } from './roles';
import { notify } from '../../components/notify';

/**
 * Invites someone by e-mail with a role (`POST /users/invitations`). Herald mails the link
 * through its own e-mail channel; the invitation works once, for 7 days.
 */
export function InviteForm() {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const invite = useMutation({
    mutationFn: () => herald.call((signal) => api.POST('/api/v1/users/invitations', { body: { email, role }, signal })),
    onSuccess: (answer) => {
      notify(`${answer.data.email} can join as ${answer.data.role} until ${new Date(answer.data.expiresAt).toLocaleDateString()}.`, {
        title: 'Invitation sent',
      });
      setEmail('');
      void client.invalidateQueries({ queryKey: peopleKeys.invitations });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  const errors = fieldErrors(invite.error);
  return (
    <form onSubmit={submit} aria-label="Invite someone">
      {invite.isError ? <ErrorAlert error={invite.error} title="The invitation was not sent" /> : null}
      <Group align="flex-end" mt="sm">
        <TextInput label="Email to invite" type="email" required value={email} error={errors.email} onChange={(e) => setEmail(e.currentTarget.value)} w={280} />
        <Select
          label="Role"
          data={MEMBER_ROLES.map((r) => ({ value: r.value, label: r.label }))}
          value={role}
          allowDeselect={false}
          onChange={(value) => value && setRole(value as MemberRole)}
          w={300}
        />
        <Button type="submit" loading={invite.isPending}>
          Invite
        </Button>
      </Group>
    </form>
  );
}
