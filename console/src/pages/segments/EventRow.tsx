import { Autocomplete, Group, NumberInput, Paper, Select, Text, TextInput } from '@mantine/core';
import { issuesOf, useBuilder } from './builderContext';
import { NodeActions } from './NodeActions';
import type { CountOp, EventCondition } from './ruleModel';

const COUNTS: { value: CountOp; label: string }[] = [
  { value: 'gte', label: 'at least' },
  { value: 'lte', label: 'at most' },
  { value: 'eq', label: 'exactly' },
];
const UNITS = [
  { value: 'h', label: 'hours' },
  { value: 'd', label: 'days' },
  { value: 'w', label: 'weeks' },
];
const DURATION = /^(\d+)\s*([hdw])$/;
const day = (v: string | undefined) => (v ?? '').slice(0, 10);

/** A new event condition: performed the tenant's most frequent event at least once, in the last 30 days. */
export const newEventCondition = (eventNames: string[], id: string): EventCondition => ({
  id,
  kind: 'event',
  event: eventNames[0] ?? '',
  count: { gte: 1 },
  within: '30d',
});

/**
 * One event condition: the event (the tenant's names offered, any name accepted), how many times
 * (at least / at most / exactly N) and when (any time, the last N hours/days/weeks, or between two
 * dates). A `where` filter on properties is kept and shown; it is edited in the JSON.
 */
export function EventRow({ node, name, first, last }: { node: EventCondition; name: string; first: boolean; last: boolean }) {
  const { eventNames, issues, update } = useBuilder();
  const problems = issues.get(node.id);
  const set = (patch: Partial<EventCondition>) =>
    update(node.id, (n) => {
      const next = { ...(n as EventCondition), ...patch };
      for (const key of Object.keys(patch) as (keyof EventCondition)[]) if (patch[key] === undefined) delete next[key];
      return next;
    });
  const op = (Object.keys(node.count)[0] as CountOp | undefined) ?? 'gte';
  const times = node.count[op];
  const window = node.within !== undefined ? 'within' : node.between ? 'between' : 'ever';
  const [, amount, unit] = DURATION.exec(node.within ?? '') ?? [];
  const rowError = issuesOf(problems, null, ['event', 'count', 'within', 'between', 'where']);

  return (
    <Paper withBorder p="xs" role="group" aria-label={name} data-node={node.id}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Autocomplete label="Event" w={220} data={eventNames} value={node.event} onChange={(event) => set({ event })} error={issuesOf(problems, 'event')} />
        <Select label="How often" allowDeselect={false} w={120} data={COUNTS} value={op} onChange={(v) => v && set({ count: { [v]: times ?? 1 } })} />
        <NumberInput
          label="Times"
          min={0}
          w={100}
          value={times ?? ''}
          onChange={(v) => set({ count: { [op]: typeof v === 'number' ? v : Number(v) } })}
          error={issuesOf(problems, 'count')}
        />
        <Select
          label="When"
          allowDeselect={false}
          w={140}
          data={[
            { value: 'ever', label: 'any time' },
            { value: 'within', label: 'in the last' },
            { value: 'between', label: 'between' },
          ]}
          value={window}
          onChange={(v) => {
            if (v === 'ever') set({ within: undefined, between: undefined });
            if (v === 'within') set({ within: '30d', between: undefined });
            if (v === 'between') set({ within: undefined, between: ['', ''] });
          }}
        />
        {window === 'within' ? (
          <>
            <NumberInput
              label="Amount"
              min={1}
              w={100}
              value={amount === undefined ? '' : Number(amount)}
              onChange={(v) => set({ within: `${v}${unit ?? 'd'}` })}
              error={issuesOf(problems, 'within')}
            />
            <Select label="Unit" allowDeselect={false} w={110} data={UNITS} value={unit ?? 'd'} onChange={(u) => u && set({ within: `${amount ?? 1}${u}` })} />
          </>
        ) : null}
        {window === 'between' ? (
          <>
            <TextInput
              label="From"
              type="date"
              value={day(node.between?.[0])}
              onChange={(e) => set({ between: [e.currentTarget.value, node.between?.[1] ?? ''] })}
              error={issuesOf(problems, 'between')}
            />
            <TextInput
              label="To"
              type="date"
              value={day(node.between?.[1])}
              onChange={(e) => set({ between: [node.between?.[0] ?? '', e.currentTarget.value] })}
            />
          </>
        ) : null}
        <Group ml="auto" mt={24}>
          <NodeActions id={node.id} name={name} first={first} last={last} />
        </Group>
      </Group>
      {node.where !== undefined ? (
        <Text size="sm" c="gray.7" mt={4}>
          Only events whose properties match the conditions in the JSON below are counted.
        </Text>
      ) : null}
      {rowError || issuesOf(problems, 'where') ? (
        <Text c="red.9" size="sm" mt={4}>
          {[rowError, issuesOf(problems, 'where')].filter(Boolean).join('; ')}
        </Text>
      ) : null}
    </Paper>
  );
}
