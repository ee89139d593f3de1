import { Button, Group, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { SESSION_KEY } from '../../app/session';
import { herald, api } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { fieldErrors } from './fieldErrors';
import { notify } from '../../components/notify';

type TenantData = Awaited<ReturnType<typeof herald.tenant.get>>;

/** The tenant's name and settings form (`PATCH /tenant`); the slug and id are shown, not edited (they identify the tenant). */
function TenantForm({ tenant, canEdit }: { tenant: TenantData; canEdit: boolean }) {
  const client = useQueryClient();
  const [name, setName] = useState(tenant.name);
  const [language, setLanguage] = useState(tenant.settings.defaultLanguage ?? '');
  const [createCustomers, setCreateCustomers] = useState(tenant.settings.eventsCreateCustomers);
  const [retention, setRetention] = useState<number | string>(tenant.settings.eventRetentionMonths);
  const save = useMutation({
    mutationFn: () =>
      herald.call((signal) =>
        api.PATCH('/api/v1/tenant', {
          body: {
            ...(name !== tenant.name ? { name } : {}),
            settings: {
              defaultLanguage: language.trim() === '' ? null : language.trim(),
              eventsCreateCustomers: createCustomers,
              eventRetentionMonths: retention === '' ? null : Number(retention),
            },
          },
          signal,
        }),
      ),
    onSuccess: (answer) => {
      client.setQueryData(['settings', 'tenant'], answer.data);
      setName(answer.data.name);
      // The frame shows the workspace's name from the session (its memberships): read it again after a rename.
      if (answer.data.name !== tenant.name) void client.invalidateQueries({ queryKey: SESSION_KEY });
      setLanguage(answer.data.settings.defaultLanguage ?? '');
      setRetention(answer.data.settings.eventRetentionMonths);
      notify('The workspace settings are saved.', { title: 'Saved' });
    },
  });
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="Workspace settings">
      <Stack maw={640}>
        {save.isError ? <ErrorAlert error={save.error} title="The settings were not saved" /> : null}
        <TextInput
          label="Workspace name"
          required={canEdit}
          value={name}
          readOnly={!canEdit}
          error={errors.name}
          description={`What people see in the console and in invitations. Slug ${tenant.slug}; id ${tenant.id} (these do not change)`}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label="Default language"
          description='Given to customers created without one: a BCP 47 tag such as "es" or "en-US"; empty for none'
          value={language}
          error={errors['settings.defaultLanguage']}
          disabled={!canEdit}
          onChange={(e) => setLanguage(e.currentTarget.value)}
        />
        <Switch
          label="Events create unknown customers"
          description="When off, /track, /identify and /batch refuse events for customers Herald does not know"
          checked={createCustomers}
          disabled={!canEdit}
          onChange={(e) => setCreateCustomers(e.currentTarget.checked)}
        />
        <NumberInput
          label="Keep customer events for (months)"
          min={1}
          max={120}
          allowDecimal={false}
          value={retention}
          error={errors['settings.eventRetentionMonths']}
          disabled={!canEdit}
          onChange={setRetention}
        />
        {canEdit ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save workspace settings
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

/** The tenant itself (`GET /tenant`): its name, and the defaults admins can change. */
export function TenantPanel({ canEdit }: { canEdit: boolean }) {
  const tenant = useQuery({ queryKey: ['settings', 'tenant'], queryFn: () => herald.tenant.get() });
  if (tenant.isPending) return <Loading label="Loading the workspace" />;
  if (tenant.isError) return <ErrorAlert error={tenant.error} />;
  return <TenantForm tenant={tenant.data} canEdit={canEdit} />;
}
