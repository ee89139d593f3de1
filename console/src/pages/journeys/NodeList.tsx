import type { JourneyAnalytics } from '@herald/sdk';
import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { ENTRY_ID, entrySummary, NODE_LABELS, slotsOf, summaryOf, type Definition } from './definition';
import { countsText } from './NodeCard';

/** Props of {@link NodeList}. */
export interface NodeListProps {
  definition: Definition;
  analytics: JourneyAnalytics | undefined;
  problems: Map<string, string[]>;
  readOnly: boolean;
  onSelect: (id: string) => void;
}

/**
 * The journey as a table, the accessible alternative to the canvas: every node with its settings,
 * where it leads, its live counts and problems, and a button that opens it in the side panel.
 */
export function NodeList({ definition, analytics, problems, readOnly, onSelect }: NodeListProps) {
  const counts = new Map(analytics?.nodes.map((n) => [n.nodeId, n]) ?? []);
  const rows = [
    {
      id: ENTRY_ID,
      label: 'Entry',
      kind: 'Trigger',
      summary: entrySummary(definition.entry),
      leads: `Start: ${definition.start}`,
      counts: analytics ? `${analytics.totals.entered} entered · ${analytics.totals.active} inside` : '',
    },
    ...definition.nodes.map((node) => {
      const c = counts.get(node.id);
      return {
        id: node.id,
        label: node.name ? `${node.name} (${node.id})` : node.id,
        kind: NODE_LABELS[node.type],
        summary: summaryOf(node),
        leads:
          slotsOf(node)
            .map((s) => `${s.label}: ${s.target ?? 'end'}`)
            .join('; ') || 'ends the run',
        counts: c ? countsText({ ...c, failed: c.failed + c.runsFailed }) : '',
      };
    }),
  ];
  return (
    <Table aria-label="Journey nodes" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Node</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Settings</Table.Th>
          <Table.Th>Leads to</Table.Th>
          <Table.Th>Live</Table.Th>
          <Table.Th>Problems</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td>{row.label}</Table.Td>
            <Table.Td>{row.kind}</Table.Td>
            <Table.Td>{row.summary}</Table.Td>
            <Table.Td>{row.leads}</Table.Td>
            <Table.Td>{row.counts}</Table.Td>
            <Table.Td>
              {(problems.get(row.id) ?? []).map((p, i) => (
                <Text key={i} size="xs" c="red.9">
                  {p}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>
              <Button size="xs" variant="light" onClick={() => onSelect(row.id)} aria-label={`${readOnly ? 'View' : 'Edit'} ${row.label}`}>
                {readOnly ? 'View' : 'Edit'}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
