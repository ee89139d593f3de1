import { Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { LIST_OPERATORS, VALUELESS, type FieldInfo } from './catalogue';
import type { RuleValue } from './ruleModel';

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;
/** A typed number stays a number in the rule; anything else is sent as typed, for Herald to judge. */
const asNumber = (v: string | number): number | string => (typeof v === 'number' ? v : NUMERIC.test(v) ? Number(v) : v);
/** A stored instant shown in a date input (YYYY-MM-DD); the input's value is sent as typed (UTC midnight). */
const asDay = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 10) : '');
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/**
 * The value part of a field condition, shaped by the field's type and the operator: nothing for
 * exists / isEmpty, a list for in / hasAny…, two bounds for between, days for withinLastDays, a
 * choice for enums and booleans, a number, a date or text otherwise.
 */
export function ValueInput({
  field,
  operator,
  value,
  onChange,
  error,
}: {
  field: FieldInfo;
  operator: string;
  value: RuleValue | undefined;
  onChange: (value: RuleValue | undefined) => void;
  error?: string;
}) {
  if (VALUELESS.has(operator)) return null;
  const common = { label: 'Value', error, miw: 180 };
  if (LIST_OPERATORS.has(operator)) {
    const list = Array.isArray(value) ? value.map(String) : [];
    if (field.type === 'enum') return <MultiSelect {...common} label="Values" data={field.values ?? []} value={list} onChange={(v) => onChange(v)} />;
    return (
      <TagsInput
        {...common}
        label="Values"
        description="Enter after each"
        value={list}
        onChange={(v) => onChange(field.type === 'number' ? v.map(asNumber) : v)}
      />
    );
  }
  if (operator === 'between') {
    const [lo, hi] = Array.isArray(value) ? value : [];
    const pair = (a: string | number, b: string | number) => onChange([a, b]);
    if (field.type === 'date')
      return (
        <Group gap="xs" align="flex-start">
          <TextInput label="From" type="date" error={error} value={asDay(lo)} onChange={(e) => pair(e.currentTarget.value, asDay(hi))} />
          <TextInput label="To" type="date" value={asDay(hi)} onChange={(e) => pair(asDay(lo), e.currentTarget.value)} />
        </Group>
      );
    return (
      <Group gap="xs" align="flex-start">
        <NumberInput label="From" error={error} w={120} value={lo ?? ''} onChange={(v) => pair(asNumber(v), hi ?? '')} />
        <NumberInput label="To" w={120} value={hi ?? ''} onChange={(v) => pair(lo ?? '', asNumber(v))} />
      </Group>
    );
  }
  if (operator === 'withinLastDays' || operator === 'notWithinLastDays')
    return (
      <NumberInput
        {...common}
        label="Days"
        min={1}
        w={120}
        miw={undefined}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(asNumber(v))}
      />
    );
  if (field.type === 'boolean')
    return (
      <Select
        {...common}
        allowDeselect={false}
        data={[
          { value: 'true', label: 'true' },
          { value: 'false', label: 'false' },
        ]}
        value={typeof value === 'boolean' ? String(value) : null}
        onChange={(v) => onChange(v === 'true')}
      />
    );
  if (field.type === 'enum')
    return (
      <Select
        {...common}
        allowDeselect={false}
        data={field.values ?? []}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v ?? undefined)}
      />
    );
  if (field.type === 'number')
    return <NumberInput {...common} value={typeof value === 'number' ? value : text(value)} onChange={(v) => onChange(asNumber(v))} />;
  if (field.type === 'date') return <TextInput {...common} type="date" value={asDay(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
  return <TextInput {...common} value={text(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
}
