import type { JourneyAnalytics } from '@herald/sdk';
import { Button, Group, Modal, Radio, Select, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Definition } from './definition';
import { problemsOf } from './problems';

/** What the publish API takes: nothing, or a migration map (old node → new node or "exit"). */
export type PublishBody = { migrate?: { map: Record<string, string> } };

/** Props of {@link PublishModal}. */
export interface PublishModalProps {
  opened: boolean;
  definition: Definition;
  currentVersion: number | null;
  analytics: JourneyAnalytics | undefined;
  onClose: () => void;
  /** Saves the draft and publishes it; throws Herald's refusal. */
  onPublish: (body: PublishBody) => Promise<void>;
}

/** A node of an older version that holds open runs and that the draft no longer has. */
interface Stranded {
  node: string;
  runs: number;
}

/**
 * Publishing the draft as the next version. When open runs sit in nodes the draft removed, the
 * marketer chooses: leave those customers on their version (they finish as it says), or move
 * every open run to the new version with a migration map — each removed node mapped to a node
 * of the draft or to "exit" (nodes the draft keeps map to themselves). Nodes of still older
 * versions that Herald names in a 422 (`migrate.map.<node>`, with their run counts) join the map.
 */
export function PublishModal(props: PublishModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Publish version ${(props.currentVersion ?? 0) + 1}`} size="lg">
      {props.opened ? <PublishForm {...props} /> : null}
    </Modal>
  );
}

/** The modal's content, mounted afresh each time it opens (so no choice of a previous attempt lingers). */
function PublishForm({ definition, currentVersion, analytics, onClose, onPublish }: PublishModalProps) {
  const kept = useMemo(() => new Set(definition.nodes.map((n) => n.id)), [definition]);
  const fromAnalytics = useMemo<Stranded[]>(
    () => (analytics?.nodes ?? []).filter((n) => n.waiting > 0 && !kept.has(n.nodeId)).map((n) => ({ node: n.nodeId, runs: n.waiting })),
    [analytics, kept],
  );
  const [extra, setExtra] = useState<Stranded[]>([]);
  const stranded = [...fromAnalytics, ...extra.filter((e) => !fromAnalytics.some((s) => s.node === e.node))];
  const [mode, setMode] = useState<'keep' | 'migrate'>('keep');
  const [map, setMap] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const targets = [
    ...definition.nodes.map((n) => ({ value: n.id, label: n.name ? `${n.name} (${n.id})` : n.id })),
    { value: 'exit', label: 'Exit the journey' },
  ];
  const unmapped = mode === 'migrate' && stranded.some((s) => !map[s.node]);

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await onPublish(mode === 'migrate' ? { migrate: { map } } : {});
      onClose();
    } catch (e) {
      const named = problemsOf(e)
        .map((p) => ({ node: /^migrate\.map\.(.+)$/.exec(p.path)?.[1], runs: Number(/^(\d+)/.exec(p.message)?.[1] ?? 0) }))
        .filter((s): s is Stranded => Boolean(s.node) && !kept.has(s.node!));
      if (named.length) setExtra((old) => [...old.filter((o) => !named.some((n) => n.node === o.node)), ...named]);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text size="sm">
        New customers enter the new version. {currentVersion ? `Customers inside version ${currentVersion} and older can stay or move.` : ''}
      </Text>
      {fromAnalytics.length ? (
        <Text size="sm" fw={600}>
          {fromAnalytics.reduce((sum, s) => sum + s.runs, 0)} open run(s) wait in nodes this draft removes: {fromAnalytics.map((s) => s.node).join(', ')}.
        </Text>
      ) : null}
      {currentVersion ? (
        <Radio.Group label="Customers already inside" value={mode} onChange={(v) => setMode(v as 'keep' | 'migrate')}>
          <Stack gap="xs" mt="xs">
            <Radio value="keep" label="Stay on their version and finish as it says" />
            <Radio value="migrate" label="Move to the new version at their next step (migration map)" />
          </Stack>
        </Radio.Group>
      ) : null}
      {mode === 'migrate' && stranded.length > 0 ? (
        <Table aria-label="Migration map">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Removed node</Table.Th>
              <Table.Th>Open runs</Table.Th>
              <Table.Th>Move them to</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stranded.map((s) => (
              <Table.Tr key={s.node}>
                <Table.Td>{s.node}</Table.Td>
                <Table.Td>{s.runs || '?'}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Move runs in ${s.node} to`}
                    data={targets}
                    value={map[s.node] ?? null}
                    placeholder="Choose a node"
                    onChange={(v) => setMap((m) => ({ ...m, [s.node]: v ?? '' }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {mode === 'migrate' && stranded.length === 0 ? (
        <Text size="sm">Every node with open runs is kept by the new version: runs stay where they are.</Text>
      ) : null}
      {error ? <ErrorAlert error={error} title="Not published" /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={publish} loading={busy} disabled={unmapped}>
          Publish
        </Button>
      </Group>
    </Stack>
  );
}
