import { Checkbox, Group, Stack, TextInput } from '@mantine/core';
import type { FieldsProps } from './fieldTypes';
import { optional } from './fieldTypes';
import { JsonField } from './JsonField';

const DURATION_HINT = 'A whole number and s, m, h, d or w: 30m, 4h, 2d';
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const NO_DAYS: string[] = [];

/** A delay's duration. */
export function DelayFields({ node, readOnly, onChange }: FieldsProps<'delay'>) {
  return (
    <TextInput
      label="Wait for"
      description={DURATION_HINT}
      value={node.duration}
      readOnly={readOnly}
      onChange={(e) => onChange({ ...node, duration: e.currentTarget.value })}
    />
  );
}

/** A wait until a time of day, weekdays or a date read from the customer or the trigger. */
export function WaitUntilFields({ node, readOnly, onChange }: FieldsProps<'wait_until'>) {
  const weekdays = node.weekdays ?? NO_DAYS;
  return (
    <Stack gap="xs">
      <TextInput
        label="Time of day"
        description="HH:MM in the customer's timezone"
        value={node.timeOfDay ?? ''}
        readOnly={readOnly}
        onChange={(e) => onChange({ ...node, timeOfDay: optional(e.currentTarget.value) })}
      />
      <Checkbox.Group
        label="Weekdays"
        value={weekdays}
        onChange={(value) => onChange({ ...node, weekdays: value.length ? WEEKDAYS.filter((d) => value.includes(d)) : undefined })}
      >
        <Group gap="xs" mt={4}>
          {WEEKDAYS.map((d) => (
            <Checkbox key={d} value={d} label={d} disabled={readOnly} />
          ))}
        </Group>
      </Checkbox.Group>
      <TextInput
        label="Date field"
        description="customer.<field>, customer.customFields.<key> or event.<property>"
        value={node.date?.field ?? ''}
        readOnly={readOnly}
        onChange={(e) => {
          const field = optional(e.currentTarget.value);
          onChange({ ...node, date: field ? { ...node.date, field } : undefined });
        }}
      />
      {node.date ? (
        <TextInput
          label="Date offset"
          description='"-3d": three days before'
          value={node.date.offset ?? ''}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...node, date: { field: node.date!.field, offset: optional(e.currentTarget.value) } })}
        />
      ) : null}
    </Stack>
  );
}

/** A wait for a tracked event, tied to the trigger, with a timeout. */
export function WaitForEventFields({ node, readOnly, onChange }: FieldsProps<'wait_for_event'>) {
  return (
    <Stack gap="xs">
      <TextInput label="Event" value={node.event} readOnly={readOnly} onChange={(e) => onChange({ ...node, event: e.currentTarget.value })} />
      <JsonField label="Where (event properties)" value={node.where} readOnly={readOnly} onChange={(where) => onChange({ ...node, where: where as never })} />
      <TextInput
        label="Same value as the trigger's property"
        description="e.g. cartId: only this cart's event counts"
        value={node.match?.property ?? ''}
        readOnly={readOnly}
        onChange={(e) => {
          const property = optional(e.currentTarget.value);
          onChange({ ...node, match: property ? { property } : undefined });
        }}
      />
      <TextInput
        label="Timeout"
        description={`${DURATION_HINT}; then the "Timed out" path`}
        value={node.timeout ?? ''}
        readOnly={readOnly}
        onChange={(e) => onChange({ ...node, timeout: optional(e.currentTarget.value) })}
      />
    </Stack>
  );
}
