import { Alert, Select, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { herald } from '../../client/herald';
import type { Definition, Entry } from './definition';
import { optional } from './fieldTypes';
import { JsonField } from './JsonField';

const HERALD_EVENTS = [
  'customer.created',
  'customer.updated',
  'customer.tags_changed',
  'order.created',
  'order.status_updated',
  'conversation.opened',
  'message.received',
  'conversation.resolved',
  'journey.entered',
  'journey.converted',
  'journey.exited',
] as const;

type Policy = NonNullable<Entry['policy']>;

/** The entry of a given type, keeping the policy. */
function entryOfType(type: Entry['type'], entry: Entry): Entry {
  const policy = entry.policy;
  if (type === 'event') return { type, event: entry.type === 'event' ? entry.event : 'Signed Up', policy };
  if (type === 'herald_event') return { type, eventType: 'customer.created', policy };
  return { type, segmentId: '', policy };
}

/** The segment picker of a segment entry. */
function SegmentSelect({ value, readOnly, onChange }: { value: string; readOnly: boolean; onChange: (id: string) => void }) {
  const segments = useQuery({ queryKey: ['journeys', 'segments'], queryFn: () => herald.segments.list({ limit: 100 }), staleTime: 60_000 });
  const data = (segments.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  return <Select label="Segment" searchable data={data} value={value || null} readOnly={readOnly} onChange={(v) => v && onChange(v)} />;
}

/**
 * The panel of the entry (the trigger node): what starts a run — a tracked event, one of Herald's
 * events or entering a segment — how often a customer may enter, and the goal and exit rules.
 */
export function EntryPanel({
  definition,
  problems,
  readOnly,
  onChange,
}: {
  definition: Definition;
  problems: string[];
  readOnly: boolean;
  onChange: (d: Definition) => void;
}) {
  const entry = definition.entry;
  const setEntry = (next: Entry) => onChange({ ...definition, entry: next });
  const policy: Policy = entry.policy ?? { mode: 'once' };
  const setPolicy = (next: Policy) => setEntry({ ...entry, policy: next } as Entry);
  return (
    <Stack gap="sm" component="section" aria-label="Entry settings">
      <Title order={2} size="h4">
        Entry
      </Title>
      {problems.length ? (
        <Alert color="red" title="Problems" role="alert">
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Select
        label="Customers enter"
        allowDeselect={false}
        data={[
          { value: 'event', label: 'On a tracked event' },
          { value: 'herald_event', label: "On one of Herald's events" },
          { value: 'segment', label: 'On entering a segment' },
        ]}
        value={entry.type}
        readOnly={readOnly}
        onChange={(v) => v && setEntry(entryOfType(v as Entry['type'], entry))}
      />
      {entry.type === 'event' ? (
        <TextInput label="Event name" value={entry.event} readOnly={readOnly} onChange={(e) => setEntry({ ...entry, event: e.currentTarget.value })} />
      ) : null}
      {entry.type === 'herald_event' ? (
        <>
          <Select
            label="Herald event"
            data={[...HERALD_EVENTS]}
            allowDeselect={false}
            value={entry.eventType}
            readOnly={readOnly}
            onChange={(v) => v && setEntry({ ...entry, eventType: v as (typeof HERALD_EVENTS)[number] })}
          />
          {entry.eventType.startsWith('journey.') ? (
            <TextInput
              label="Of journey (id)"
              value={entry.journeyId ?? ''}
              readOnly={readOnly}
              onChange={(e) => setEntry({ ...entry, journeyId: optional(e.currentTarget.value) })}
            />
          ) : null}
        </>
      ) : null}
      {entry.type === 'segment' ? (
        <SegmentSelect value={entry.segmentId} readOnly={readOnly} onChange={(segmentId) => setEntry({ ...entry, segmentId })} />
      ) : null}
      {entry.type !== 'segment' ? (
        <JsonField
          label="Where (event properties)"
          value={entry.where}
          readOnly={readOnly}
          onChange={(where) => setEntry({ ...entry, where: where as never })}
        />
      ) : null}
      <Select
        label="How often"
        allowDeselect={false}
        data={[
          { value: 'once', label: 'Once ever' },
          { value: 'one_at_a_time', label: 'Again after the previous run ended' },
          { value: 'every_time', label: 'Every time' },
        ]}
        value={policy.mode}
        readOnly={readOnly}
        onChange={(v) => v && setPolicy({ ...policy, mode: v as Policy['mode'] })}
      />
      {policy.mode === 'every_time' ? (
        <TextInput
          label="Cooldown"
          description="e.g. 1d"
          value={policy.cooldown ?? ''}
          readOnly={readOnly}
          onChange={(e) => setPolicy({ ...policy, cooldown: optional(e.currentTarget.value) })}
        />
      ) : null}
      {entry.type === 'event' ? (
        <TextInput
          label="One run per value of"
          description="a trigger property, e.g. cartId"
          value={policy.key ?? ''}
          readOnly={readOnly}
          onChange={(e) => setPolicy({ ...policy, key: optional(e.currentTarget.value) })}
        />
      ) : null}
      <JsonField
        label="Goal"
        description='{ "event": { "event": "Order Completed" }, "within": "1d", "exitOnConversion": true }'
        value={definition.goal}
        readOnly={readOnly}
        onChange={(goal) => onChange({ ...definition, goal: goal as never })}
      />
      <JsonField
        label="Exit rules"
        description='[{ "event": { "event": "Unsubscribed" } }]'
        value={definition.exitRules}
        readOnly={readOnly}
        onChange={(exitRules) => onChange({ ...definition, exitRules: exitRules as never })}
      />
    </Stack>
  );
}
