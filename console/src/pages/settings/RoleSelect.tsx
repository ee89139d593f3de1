import { Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { changeRole, peopleKeys, type Member } from './people';
import { notify } from '../../components/notify';
import { MEMBER_ROLES, type MemberRole } from './roles';

/** The short names of the roles, for a select inside a table row. */
const ROLE_OPTIONS = MEMBER_ROLES.map((r) => ({ value: r.value, label: r.value === 'readonly' ? 'read-only' : r.value }));

/**
 * A member's role as a select (`PATCH /users/:id` on change). It takes effect on their next
 * request; Herald's 409 (the tenant's last admin) is shown under the select and nothing changes.
 */
export function RoleSelect({ member }: { member: Member }) {
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (role: MemberRole) => changeRole(member.id, role),
    onSuccess: (changed) => {
      notify(`${changed.email} is now ${changed.role}.`, { title: 'Role changed' });
      void client.invalidateQueries({ queryKey: peopleKeys.members });
    },
  });
  return (
    <>
      <Select
        aria-label={`Role of ${member.email}`}
        data={ROLE_OPTIONS}
        value={change.isPending ? (change.variables ?? member.role) : member.role}
        allowDeselect={false}
        disabled={change.isPending}
        onChange={(value) => value && value !== member.role && change.mutate(value as MemberRole)}
        size="xs"
        w={130}
      />
      {change.isError ? <ErrorAlert error={change.error} title="The role was not changed" /> : null}
    </>
  );
}
