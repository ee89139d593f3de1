import { Button, Fieldset, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import type { FieldsProps } from './fieldTypes';
import { optional } from './fieldTypes';
import { JsonField } from './JsonField';

type Branch = FieldsProps<'branch'>['node']['branches'][number];

/** A branch node: each branch's conditions (trigger properties, a segment rule, a message's mark); the first that holds wins. */
export function BranchFields({ node, readOnly, onChange, sendNodes }: FieldsProps<'branch'> & { sendNodes: string[] }) {
  const set = (i: number, branch: Branch) => onChange({ ...node, branches: node.branches.map((b, k) => (k === i ? branch : b)) });
  return (
    <Stack gap="xs">
      {node.branches.map((branch, i) => (
        <Fieldset key={i} legend={`Branch ${i + 1}`} p="xs">
          <Stack gap="xs">
            <TextInput
              label="Branch name"
              value={branch.name ?? ''}
              readOnly={readOnly}
              onChange={(e) => set(i, { ...branch, name: optional(e.currentTarget.value) })}
            />
            <JsonField
              label="Where (trigger properties)"
              value={branch.where}
              readOnly={readOnly}
              onChange={(where) => set(i, { ...branch, where: where as never })}
            />
            <JsonField
              label="Segment rule (the customer now)"
              value={branch.rule}
              readOnly={readOnly}
              onChange={(rule) => set(i, { ...branch, rule: rule as never })}
            />
            <Group grow gap="xs">
              <Select
                label="Message from"
                placeholder="none"
                clearable
                clearButtonProps={{ 'aria-label': 'Clear' }}
                data={sendNodes}
                value={branch.message?.node ?? null}
                readOnly={readOnly}
                onChange={(v) => set(i, { ...branch, message: v ? { node: v, status: branch.message?.status ?? 'opened' } : undefined })}
              />
              <Select
                label="was"
                data={['delivered', 'opened', 'clicked']}
                value={branch.message?.status ?? null}
                disabled={!branch.message}
                readOnly={readOnly}
                onChange={(v) => branch.message && v && set(i, { ...branch, message: { ...branch.message, status: v as 'opened' } })}
              />
            </Group>
            {!readOnly && node.branches.length > 1 ? (
              <Button variant="subtle" color="red" size="xs" onClick={() => onChange({ ...node, branches: node.branches.filter((_, k) => k !== i) })}>
                Remove branch {i + 1}
              </Button>
            ) : null}
          </Stack>
        </Fieldset>
      ))}
      {!readOnly && node.branches.length < 20 ? (
        <Button variant="light" size="xs" onClick={() => onChange({ ...node, branches: [...node.branches, { name: `Branch ${node.branches.length + 1}` }] })}>
          Add branch
        </Button>
      ) : null}
    </Stack>
  );
}

/** A random split: each path's name and weight (a run always takes the same path). */
export function RandomSplitFields({ node, readOnly, onChange }: FieldsProps<'random_split'>) {
  type Path = (typeof node.paths)[number];
  const set = (i: number, path: Path) => onChange({ ...node, paths: node.paths.map((p, k) => (k === i ? path : p)) });
  return (
    <Stack gap="xs">
      {node.paths.map((path, i) => (
        <Group key={i} gap="xs" align="flex-end" grow>
          <TextInput
            label={`Path ${i + 1} name`}
            value={path.name ?? ''}
            readOnly={readOnly}
            onChange={(e) => set(i, { ...path, name: optional(e.currentTarget.value) })}
          />
          <NumberInput
            label={`Path ${i + 1} weight`}
            min={0}
            value={path.weight}
            readOnly={readOnly}
            onChange={(v) => set(i, { ...path, weight: Number(v) || 0 })}
          />
          {!readOnly && node.paths.length > 1 ? (
            <Button variant="subtle" color="red" size="xs" onClick={() => onChange({ ...node, paths: node.paths.filter((_, k) => k !== i) })}>
              Remove path {i + 1}
            </Button>
          ) : null}
        </Group>
      ))}
      {!readOnly && node.paths.length < 20 ? (
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange({ ...node, paths: [...node.paths, { name: String.fromCharCode(65 + node.paths.length), weight: 50 }] })}
        >
          Add path
        </Button>
      ) : null}
    </Stack>
  );
}
