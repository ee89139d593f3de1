import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { herald } from '../../client/herald';
import { fieldErrors } from './fieldErrors';
import { MEMBER_ROLES, type MemberRole } from './roles';

/** Creates an API key with a name and a role (`POST /api-keys`) and hands the answer, key included, to `onCreated`. */
export function CreateKeyForm({ onCreated }: { onCreated: (created: { name: string; key: string }) => void }) {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const create = useMutation({
    mutationFn: () => herald.apiKeys.create({ name, role }),
    onSuccess: (created) => {
      onCreated({ name: created.name, key: created.key });
      setName('');
      void client.invalidateQueries({ queryKey: ['settings', 'api-keys'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const errors = fieldErrors(create.error);
  return (
    <form onSubmit={submit} aria-label="Create an API key">
      {create.isError ? <ErrorAlert error={create.error} title="The key was not created" /> : null}
      <Group align="flex-end" mt="sm">
        <TextInput
          label="Key name"
          placeholder="e.g. Shop backend"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={280}
        />
        <Select
          label="Key role"
          data={MEMBER_ROLES.map((r) => ({ value: r.value, label: r.label }))}
          value={role}
          allowDeselect={false}
          onChange={(value) => value && setRole(value as MemberRole)}
          w={300}
        />
        <Button type="submit" loading={create.isPending}>
          Create key
        </Button>
      </Group>
    </form>
  );
}
