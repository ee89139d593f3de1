import type { Journey } from '@herald/sdk';
import { Alert, Button, Grid, Group, Menu, Paper, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCanWrite } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { connect, ENTRY_ID, freshId, newNode, NODE_LABELS, slotsOf, type NodeType } from './definition';
import { EntryPanel } from './EntryPanel';
import { JourneyCanvas } from './JourneyCanvas';
import { LifecycleActions } from './LifecycleActions';
import { NodeList } from './NodeList';
import { NodePanel } from './NodePanel';
import { PublishModal } from './PublishModal';
import { useJourneyAnalytics } from './queries';
import { JourneyRuns } from './JourneyRuns';
import { StatusBadge } from './StatusBadge';
import { useJourneyDraft } from './useJourneyDraft';

/**
 * The journey editor: name and description, the canvas (or the node list) with live counts and
 * problems, the side panel of the selected node, save, publish with the migration map, the
 * lifecycle actions and the runs (filtered by state, paged). Readonly members see it all without the write actions.
 */
export function JourneyEditor({ journey }: { journey: Journey | null }) {
  const canWrite = useCanWrite();
  const readOnly = !canWrite || journey?.status === 'archived';
  const editor = useJourneyDraft(journey);
  const definition = editor.draft.definition;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const analytics = useJourneyAnalytics(journey?.id, Boolean(journey?.currentVersion));

  const addNode = (type: NodeType) => {
    const id = freshId(definition, type);
    let next = { ...definition, nodes: [...definition.nodes, newNode(type, id)] };
    // Joined to the selected node's first free path, so building by keyboard needs no drag.
    const from = definition.nodes.find((n) => n.id === selectedId);
    const free = from && slotsOf(from).find((s) => !s.target);
    if (free) next = connect(next, from.id, free.key, id);
    else if (selectedId === ENTRY_ID || !definition.nodes.some((n) => n.id === definition.start)) next = { ...next, start: id };
    editor.setDefinition(next);
    setSelectedId(id);
  };

  const selectedNode = definition.nodes.find((n) => n.id === selectedId);
  const nodeProblems = editor.placed.byNode;
  const problemCount = [...nodeProblems.values()].reduce((sum, list) => sum + list.length, 0) + editor.placed.general.length;

  return (
    <>
      <PageHeader
        title={journey ? journey.name : 'New journey'}
        actions={
          readOnly ? null : (
            <>
              <Button variant="default" onClick={editor.save} loading={editor.saving}>
                Save draft
              </Button>
              <Button onClick={() => setPublishing(true)}>Publish</Button>
              {journey ? <LifecycleActions journey={journey} /> : null}
            </>
          )
        }
      />
      <Group gap="xs" mb="md" data-testid="journey-status">
        <StatusBadge status={journey?.status ?? 'draft'} />
        <Text size="sm">{journey?.currentVersion ? `Version ${journey.currentVersion} is live` : 'Never published'}</Text>
        {editor.dirty ? <Text size="sm">· unsaved changes</Text> : null}
      </Group>
      {canWrite && journey?.status === 'archived' ? <Alert mb="md">This journey is archived: it cannot change or be published again.</Alert> : null}
      {editor.error ? <ErrorAlert error={editor.error} title="Not saved" /> : null}
      {problemCount > 0 ? (
        <Alert
          color="orange"
          title={`${problemCount} problem${problemCount === 1 ? '' : 's'} keep this draft from publishing`}
          mb="md"
          data-testid="draft-problems"
        >
          <Text size="sm">They are shown on the nodes they concern.</Text>
          {editor.placed.general.map((p, i) => (
            <Text key={i} size="sm">
              <code>{p.path}</code> {p.message}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Group grow mb="md" align="flex-start">
        <TextInput label="Journey name" value={editor.draft.name} readOnly={readOnly} onChange={(e) => editor.setName(e.currentTarget.value)} />
        <TextInput label="Description" value={editor.draft.description} readOnly={readOnly} onChange={(e) => editor.setDescription(e.currentTarget.value)} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs defaultValue="canvas" keepMounted={false}>
            <Group justify="space-between" mb="xs">
              <Tabs.List>
                <Tabs.Tab value="canvas">Canvas</Tabs.Tab>
                <Tabs.Tab value="list">Node list</Tabs.Tab>
              </Tabs.List>
              {readOnly ? null : (
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="light">Add node</Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {(Object.keys(NODE_LABELS) as NodeType[]).map((type) => (
                      <Menu.Item key={type} onClick={() => addNode(type)}>
                        {NODE_LABELS[type]}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
            <Tabs.Panel value="canvas">
              <Paper withBorder>
                <JourneyCanvas
                  definition={definition}
                  analytics={analytics.data}
                  problems={nodeProblems}
                  selectedId={selectedId}
                  readOnly={readOnly}
                  onChange={editor.setDefinition}
                  onSelect={setSelectedId}
                />
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="list">
              <NodeList definition={definition} analytics={analytics.data} problems={nodeProblems} readOnly={readOnly} onSelect={setSelectedId} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="sm">
            {selectedNode ? (
              <NodePanel
                node={selectedNode}
                definition={definition}
                problems={nodeProblems.get(selectedNode.id) ?? []}
                readOnly={readOnly}
                onChange={editor.setDefinition}
                onSelect={setSelectedId}
              />
            ) : selectedId === ENTRY_ID ? (
              <EntryPanel definition={definition} problems={nodeProblems.get(ENTRY_ID) ?? []} readOnly={readOnly} onChange={editor.setDefinition} />
            ) : (
              <Text size="sm">Select a node to see and edit its settings: click it, or Tab to it and press Enter. The node list offers the same.</Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      {journey ? <JourneyRuns journeyId={journey.id} live={Boolean(analytics.data?.totals.active)} /> : null}
      {readOnly ? null : (
        <PublishModal
          opened={publishing}
          definition={definition}
          currentVersion={journey?.currentVersion ?? null}
          analytics={analytics.data}
          onClose={() => setPublishing(false)}
          onPublish={editor.publish}
        />
      )}
    </>
  );
}
