import { Alert, Button, Divider, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { NodeSettings } from './NodeSettings';
import { connect, NODE_LABELS, removeNodes, renameNode, slotsOf, type Definition, type JourneyNode } from './definition';
import { optional } from './fieldTypes';

const NODE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The node id field: applied on blur (or Enter) when it is a valid, unused id, following every reference. */
function IdField({ node, definition, readOnly, onRename }: { node: JourneyNode; definition: Definition; readOnly: boolean; onRename: (id: string) => void }) {
  const [value, setValue] = useState(node.id);
  const taken = value !== node.id && definition.nodes.some((n) => n.id === value);
  const error = !NODE_ID.test(value) ? '1 to 64 letters, digits, _ or -' : taken ? 'Another node has this id' : null;
  const apply = () => {
    if (!error && value !== node.id) onRename(value);
  };
  return (
    <TextInput
      label="Node id"
      value={value}
      readOnly={readOnly}
      error={error}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
    />
  );
}

/** Props of {@link NodePanel}. */
export interface NodePanelProps {
  node: JourneyNode;
  definition: Definition;
  problems: string[];
  readOnly: boolean;
  onChange: (definition: Definition) => void;
  onSelect: (id: string | null) => void;
}

/**
 * The side panel of the selected node: its id and name, its settings, where each of its paths
 * leads (the keyboard way to connect nodes), the problems Herald found in it, and delete.
 */
export function NodePanel({ node, definition, problems, readOnly, onChange, onSelect }: NodePanelProps) {
  const replace = (next: JourneyNode) => onChange({ ...definition, nodes: definition.nodes.map((n) => (n.id === node.id ? next : n)) });
  const others = definition.nodes.filter((n) => n.id !== node.id).map((n) => ({ value: n.id, label: n.name ? `${n.name} (${n.id})` : n.id }));
  return (
    <Stack gap="sm" component="section" aria-label={`Settings of ${node.id}`}>
      <Title order={2} size="h4">
        {NODE_LABELS[node.type]}: {node.name || node.id}
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
      <IdField
        key={node.id}
        node={node}
        definition={definition}
        readOnly={readOnly}
        onRename={(id) => {
          onChange(renameNode(definition, node.id, id));
          onSelect(id);
        }}
      />
      <TextInput label="Name" value={node.name ?? ''} readOnly={readOnly} onChange={(e) => replace({ ...node, name: optional(e.currentTarget.value) })} />
      <NodeSettings node={node} definition={definition} readOnly={readOnly} onChange={replace} />
      {slotsOf(node).length ? <Divider label="Where it leads" labelPosition="left" /> : null}
      {slotsOf(node).map((slot) => (
        <Select
          key={slot.key}
          label={`${slot.label}: go to`}
          placeholder="End of the journey"
          clearable
          clearButtonProps={{ 'aria-label': 'Clear' }}
          data={others}
          value={slot.target ?? null}
          readOnly={readOnly}
          onChange={(target) => onChange(connect(definition, node.id, slot.key, target ?? undefined))}
        />
      ))}
      {readOnly ? null : (
        <Button
          variant="light"
          color="red"
          onClick={() => {
            onChange(removeNodes(definition, new Set([node.id])));
            onSelect(null);
          }}
        >
          Delete node
        </Button>
      )}
    </Stack>
  );
}
