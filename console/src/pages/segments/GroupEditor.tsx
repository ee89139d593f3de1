import { Button, Group as Row, Paper, Select, Stack, Text } from '@mantine/core';
import { issuesOf, useBuilder } from './builderContext';
import { ConditionRow, newFieldCondition } from './ConditionRow';
import { EventRow, newEventCondition } from './EventRow';
import { NodeActions } from './NodeActions';
import { newId, type Combinator, type Group } from './ruleModel';

const COMBINATORS: { value: Combinator; label: string }[] = [
  { value: 'all', label: 'All of these' },
  { value: 'any', label: 'Any of these' },
  { value: 'none', label: 'None of these' },
  { value: 'notAll', label: 'Not all of these' },
];

/**
 * A group of the rule builder: how it combines its children (all, any, none, not all), the
 * children (field conditions, event conditions, nested groups) and buttons to add more. `name`
 * numbers the nodes ("group 2", its children "condition 2.1"…) so every control has its own label.
 */
export function GroupEditor({
  node,
  name,
  root = false,
  first = true,
  last = true,
}: {
  node: Group;
  name: string;
  root?: boolean;
  first?: boolean;
  last?: boolean;
}) {
  const builder = useBuilder();
  const prefix = root ? '' : `${name.replace(/^group /, '')}.`;
  const rowError = issuesOf(builder.issues.get(node.id), null);
  return (
    <Paper withBorder={!root} p={root ? 0 : 'sm'} bg={root ? undefined : 'gray.0'} role="group" aria-label={name} data-node={node.id}>
      <Stack gap="xs">
        <Row justify="space-between" align="flex-end">
          <Select
            label={root ? 'Customers who match' : 'Match'}
            allowDeselect={false}
            w={200}
            data={COMBINATORS}
            value={node.combinator}
            onChange={(v) => v && builder.update(node.id, (g) => ({ ...g, combinator: v as Combinator }))}
          />
          {root ? null : <NodeActions id={node.id} name={name} first={first} last={last} />}
        </Row>
        {node.children.length === 0 ? <Text c="gray.7">No conditions yet: add one below.</Text> : null}
        {node.children.map((child, i) => {
          const props = { first: i === 0, last: i === node.children.length - 1 };
          const index = `${prefix}${i + 1}`;
          if (child.kind === 'group') return <GroupEditor key={child.id} {...props} node={child} name={`group ${index}`} />;
          if (child.kind === 'event') return <EventRow key={child.id} {...props} node={child} name={`condition ${index}`} />;
          return <ConditionRow key={child.id} {...props} node={child} name={`condition ${index}`} />;
        })}
        {rowError ? (
          <Text c="red.9" size="sm">
            {rowError}
          </Text>
        ) : null}
        <Row gap="xs">
          <Button size="xs" variant="default" onClick={() => builder.add(node.id, newFieldCondition(builder.fields, newId()))}>
            Add condition{root ? '' : ` to ${name}`}
          </Button>
          <Button size="xs" variant="default" onClick={() => builder.add(node.id, newEventCondition(builder.eventNames, newId()))}>
            Add event condition{root ? '' : ` to ${name}`}
          </Button>
          <Button size="xs" variant="default" onClick={() => builder.add(node.id, { id: newId(), kind: 'group', combinator: 'any', children: [] })}>
            Add group{root ? '' : ` to ${name}`}
          </Button>
        </Row>
      </Stack>
    </Paper>
  );
}
