import { Select, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { herald } from '../../client/herald';
import type { FieldsProps } from './fieldTypes';
import { optional } from './fieldTypes';
import { JsonField } from './JsonField';

/** One empty list for every unset tag list: a new [] on each render would read to Mantine as a new value each time. */
const NO_TAGS: string[] = [];

/** A message: channel, subject (email) and body, Liquid templates seeing customer, event and journey. */
export function SendFields({ node, readOnly, onChange }: FieldsProps<'send'>) {
  return (
    <Stack gap="xs">
      <Select
        label="Channel"
        data={[
          { value: 'email', label: 'Email' },
          { value: 'sms', label: 'SMS' },
        ]}
        value={node.channel}
        allowDeselect={false}
        readOnly={readOnly}
        onChange={(v) => v && onChange({ ...node, channel: v as 'email' | 'sms' })}
      />
      {node.channel === 'email' ? (
        <TextInput
          label="Subject"
          value={node.subject ?? ''}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...node, subject: optional(e.currentTarget.value) })}
        />
      ) : null}
      <Textarea
        label="Body"
        description="Liquid: {{ customer.firstName }}, {{ event.cartId }}"
        autosize
        minRows={3}
        maxRows={12}
        value={node.body}
        readOnly={readOnly}
        onChange={(e) => onChange({ ...node, body: e.currentTarget.value })}
      />
      <Switch
        label="Respect quiet hours"
        checked={node.respectQuietHours ?? true}
        disabled={readOnly}
        onChange={(e) => onChange({ ...node, respectQuietHours: e.currentTarget.checked })}
      />
    </Stack>
  );
}

/** A webhook call to one of the tenant's endpoints (chosen from the list). */
export function WebhookFields({ node, readOnly, onChange }: FieldsProps<'webhook'>) {
  const endpoints = useQuery({ queryKey: ['journeys', 'webhook-endpoints'], queryFn: () => herald.webhooks.list({ limit: 100 }), staleTime: 60_000 });
  const data = (endpoints.data?.data ?? []).map((e) => ({ value: e.id, label: e.url }));
  if (!data.some((d) => d.value === node.endpointId)) data.push({ value: node.endpointId, label: `${node.endpointId} (not an endpoint)` });
  return (
    <Select
      label="Webhook endpoint"
      data={data}
      value={node.endpointId}
      allowDeselect={false}
      searchable
      readOnly={readOnly}
      onChange={(v) => v && onChange({ ...node, endpointId: v })}
    />
  );
}

/** Changes to the customer: tags added and removed, fields set (PATCH /customers/:id names). */
export function UpdateCustomerFields({ node, readOnly, onChange }: FieldsProps<'update_customer'>) {
  return (
    <Stack gap="xs">
      <TagsInput
        label="Add tags"
        value={node.addTags ?? NO_TAGS}
        readOnly={readOnly}
        onChange={(v) => onChange({ ...node, addTags: v.length ? v : undefined })}
      />
      <TagsInput
        label="Remove tags"
        value={node.removeTags ?? NO_TAGS}
        readOnly={readOnly}
        onChange={(v) => onChange({ ...node, removeTags: v.length ? v : undefined })}
      />
      <JsonField
        label="Set fields"
        description='{ "firstName": "Ann", "customFields.plan": "pro" }'
        value={node.set}
        readOnly={readOnly}
        onChange={(set) => onChange({ ...node, set: set as never })}
      />
    </Stack>
  );
}
