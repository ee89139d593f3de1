import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerDetail } from '@herald/sdk';
import { useState, type FormEvent } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TIERS } from './listParams';

const FIELDS = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['externalId', 'External id'],
  ['street', 'Street'],
  ['city', 'City'],
  ['postalCode', 'Postal code'],
  ['country', 'Country'],
  ['language', 'Language'],
  ['timezone', 'Timezone'],
] as const;
type Field = (typeof FIELDS)[number][0];

const initial = (c: CustomerDetail): Record<Field, string> => ({
  firstName: c.firstName ?? '',
  lastName: c.lastName ?? '',
  email: c.email ?? '',
  phone: c.phone ?? '',
  externalId: c.externalId ?? '',
  street: c.address.street ?? '',
  city: c.address.city ?? '',
  postalCode: c.address.postalCode ?? '',
  country: c.address.country ?? '',
  language: c.preferences.language ?? '',
  timezone: c.preferences.timezone ?? '',
});

/**
 * Edits the customer's profile fields in a modal and saves them with `PATCH /api/v1/customers/:id`
 * (an emptied field is cleared). Herald's validation errors (a bad phone, a taken email) show in
 * the modal, which stays open until the save succeeds.
 */
export function EditCustomerModal({ customer, opened, onClose }: { customer: CustomerDetail; opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [values, setValues] = useState(() => initial(customer));
  const [tier, setTier] = useState<string>(customer.tier);
  const save = useMutation({
    mutationFn: () => {
      const v = (f: Field) => values[f].trim() || null;
      return herald.customers.patch(customer.id, {
        firstName: v('firstName'),
        lastName: v('lastName'),
        email: v('email'),
        phone: v('phone'),
        externalId: v('externalId'),
        tier: tier as (typeof TIERS)[number],
        address: { street: v('street'), city: v('city'), postalCode: v('postalCode'), country: v('country'), state: customer.address.state },
        preferences: { language: v('language'), timezone: v('timezone') },
      });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['customers'] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Edit customer" size="lg">
      <form onSubmit={submit} aria-label="Edit customer">
        <Stack>
          {save.isError ? <ErrorAlert error={save.error} title="The customer was not saved" /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {FIELDS.map(([field, label]) => (
              <TextInput key={field} label={label} value={values[field]} onChange={(e) => setValues({ ...values, [field]: e.currentTarget.value })} />
            ))}
            <Select label="Tier" data={[...TIERS]} value={tier} allowDeselect={false} onChange={(t) => t && setTier(t)} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
