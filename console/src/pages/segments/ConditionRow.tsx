import { Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { issuesOf, useBuilder } from './builderContext';
import { CUSTOM_FIELD, CUSTOM_PREFIX, LIST_OPERATORS, OPERATOR_LABELS, VALUELESS, fieldInfo, type FieldInfo } from './catalogue';
import { NodeActions } from './NodeActions';
import type { FieldCondition } from './ruleModel';
import { ValueInput } from './ValueInput';

/** The kind of value an operator takes: a change of kind clears the value, since the old one cannot fit. */
const valueShape = (op: string) =>
  VALUELESS.has(op) ? 'none' : LIST_OPERATORS.has(op) ? 'list' : op === 'between' ? 'pair' : op.endsWith('LastDays') ? 'days' : 'one';

/** A new field condition on the catalogue's first field with its first operator. */
export function newFieldCondition(fields: FieldInfo[], id: string): FieldCondition {
  const first = fields[0];
  return { id, kind: 'condition', field: first?.name ?? '', operator: first?.operators[0] ?? 'equal' };
}

/** One field condition: field, operator (those its type allows), value; Herald's problems under each part. */
export function ConditionRow({ node, name, first, last }: { node: FieldCondition; name: string; first: boolean; last: boolean }) {
  const { fields, issues, update } = useBuilder();
  const problems = issues.get(node.id);
  const info = fieldInfo(fields, node.field);
  const custom = node.field.startsWith(CUSTOM_PREFIX);
  const set = (patch: Partial<FieldCondition>) => update(node.id, (n) => ({ ...(n as FieldCondition), ...patch }));

  const chooseField = (name: string | null) => {
    if (!name) return;
    const next = fields.find((f) => f.name === name);
    if (!next) return;
    const operator = next.operators.includes(node.operator) ? node.operator : (next.operators[0] ?? node.operator);
    const keep = next.type === info?.type && operator === node.operator;
    set({ field: name === CUSTOM_FIELD ? (custom ? node.field : CUSTOM_PREFIX) : name, operator, value: keep ? node.value : undefined });
  };
  const chooseOperator = (operator: string | null) => {
    if (!operator) return;
    set({ operator, value: valueShape(operator) === valueShape(node.operator) ? node.value : undefined });
  };
  const rowError = issuesOf(problems, null, ['field', 'operator', 'value']);

  return (
    <Paper withBorder p="xs" role="group" aria-label={name} data-node={node.id}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          label="Field"
          searchable
          allowDeselect={false}
          w={220}
          data={fields.map((f) => ({ value: f.name, label: f.label }))}
          value={custom ? CUSTOM_FIELD : node.field}
          onChange={chooseField}
          error={issuesOf(problems, 'field')}
        />
        {custom ? (
          <TextInput
            label="Custom field key"
            w={160}
            value={node.field.slice(CUSTOM_PREFIX.length)}
            onChange={(e) => set({ field: CUSTOM_PREFIX + e.currentTarget.value })}
          />
        ) : null}
        <Select
          label="Operator"
          allowDeselect={false}
          w={220}
          data={(info?.operators ?? []).map((op) => ({ value: op, label: OPERATOR_LABELS[op] ?? op }))}
          value={node.operator}
          onChange={chooseOperator}
          error={issuesOf(problems, 'operator')}
        />
        {info ? (
          <ValueInput field={info} operator={node.operator} value={node.value} onChange={(value) => set({ value })} error={issuesOf(problems, 'value')} />
        ) : null}
        <Group ml="auto" mt={24}>
          <NodeActions id={node.id} name={name} first={first} last={last} />
        </Group>
      </Group>
      {rowError ? (
        <Text c="red.9" size="sm" mt={4}>
          {rowError}
        </Text>
      ) : null}
    </Paper>
  );
}
