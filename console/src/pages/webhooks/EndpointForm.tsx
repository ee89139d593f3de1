import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { herald } from '../../client/herald';
import { ErrorAlert } from '../../components/ErrorAlert';
import { webhookKeys } from './queries';

/** What the form edits: the URL, the event types (exact, `family.*` or `*`) and a description. */
export interface EndpointFields {
  url: string;
  events: string[];
  description: string;
}

/** The subscription choices: everything, each family's wildcard, then each event type of the catalogue. */
function eventOptions(types: { type: string; description: string }[]) {
  const families = [...new Set(types.map((t) => t.type.split('.')[0]!))];
  return [
    { group: 'Everything', items: [{ value: '*', label: '* (every event)' }] },
    { group: 'Families', items: families.map((f) => ({ value: `${f}.*`, label: `${f}.*` })) },
    { group: 'Event types', items: types.map((t) => ({ value: t.type, label: t.type })) },
  ];
}

/** The endpoint form of create and edit; the event types come from `GET /webhooks/event-types`. */
export function EndpointForm(props: {
  initial: EndpointFields;
  submitLabel: string;
  error: unknown;
  busy: boolean;
  onSubmit: (f: EndpointFields) => void;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState(props.initial);
  const types = useQuery({ queryKey: webhookKeys.eventTypes, queryFn: () => herald.webhooks.eventTypes(), staleTime: Infinity });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(fields);
  };
  return (
    <form onSubmit={submit} aria-label="Webhook endpoint">
      <Stack>
        {props.error ? <ErrorAlert error={props.error} title="The endpoint was not saved" /> : null}
        {types.isError ? <ErrorAlert error={types.error} title="Could not load the event types" /> : null}
        <TextInput
          label="URL"
          type="url"
          required
          placeholder="https://example.com/hooks/herald"
          value={fields.url}
          onChange={(e) => setFields({ ...fields, url: e.currentTarget.value })}
        />
        <MultiSelect
          label="Event types"
          required
          searchable
          data={eventOptions(types.data ?? [])}
          value={fields.events}
          onChange={(events) => setFields({ ...fields, events })}
        />
        <TextInput label="Description" value={fields.description} onChange={(e) => setFields({ ...fields, description: e.currentTarget.value })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={props.busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
