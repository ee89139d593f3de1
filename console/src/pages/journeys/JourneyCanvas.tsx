import '@xyflow/react/dist/style.css';
import type { JourneyAnalytics } from '@herald/sdk';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  ReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { connect, ENTRY_ID, entrySummary, NODE_LABELS, removeNodes, slotsOf, storedPosition, summaryOf, withLayout, type Definition } from './definition';
import { layoutOf, placeNear, type Point } from './layout';
import { NodeCard, countsText, type CardNode } from './NodeCard';

const nodeTypes = { card: NodeCard };
/** Cards snap to a 10-unit grid when moved (and arrow keys move them 10 units): they line up, and their places are whole numbers. */
const SNAP: [number, number] = [10, 10];

/** The canvas's inputs: the draft being edited, the live counts, the problems per node, who may edit. */
export interface JourneyCanvasProps {
  definition: Definition;
  analytics: JourneyAnalytics | undefined;
  problems: Map<string, string[]>;
  selectedId: string | null;
  readOnly: boolean;
  onChange: (definition: Definition) => void;
  onSelect: (id: string | null) => void;
}

/** The cards the definition describes (positions are the canvas's own, added when merged). */
function cardsOf(def: Definition, analytics: JourneyAnalytics | undefined, problems: Map<string, string[]>, readOnly: boolean): Omit<CardNode, 'position'>[] {
  const counts = new Map(analytics?.nodes.map((n) => [n.nodeId, n]) ?? []);
  const entryCounts = analytics ? { entered: analytics.totals.entered, waiting: analytics.totals.active, completed: 0, exited: 0, failed: 0 } : null;
  const entry: Omit<CardNode, 'position'> = {
    id: ENTRY_ID,
    type: 'card',
    deletable: false,
    data: {
      kind: 'Trigger',
      title: 'Entry',
      summary: entrySummary(def.entry),
      slots: [{ key: 'start', label: 'Start' }],
      counts: entryCounts,
      problems: problems.get(ENTRY_ID) ?? [],
      entry: true,
    },
  };
  const cards = def.nodes.map((node): Omit<CardNode, 'position'> => {
    const c = counts.get(node.id);
    return {
      id: node.id,
      type: 'card',
      deletable: !readOnly,
      data: {
        kind: NODE_LABELS[node.type],
        title: node.name || node.id,
        summary: summaryOf(node),
        slots: slotsOf(node).map(({ key, label }) => ({ key, label })),
        counts: c ? { entered: c.entered, waiting: c.waiting, completed: c.completed, exited: c.exited, failed: c.failed + c.runsFailed } : null,
        problems: problems.get(node.id) ?? [],
        entry: false,
      },
    };
  });
  return [entry, ...cards].map((card) => {
    const parts = [`${card.data.kind}: ${card.data.title}`, card.data.summary];
    if (card.data.counts) parts.push(countsText(card.data.counts));
    if (card.data.problems.length) parts.push(`${card.data.problems.length} problem(s): ${card.data.problems.join('; ')}`);
    return { ...card, ariaLabel: parts.join('. ') };
  });
}

/** The edges the definition describes: the entry to the start, and each slot to its target. */
function edgesOf(def: Definition, analytics: JourneyAnalytics | undefined, readOnly: boolean): Edge[] {
  const ids = new Set(def.nodes.map((n) => n.id));
  const taken = new Map(analytics?.edges.map((e) => [`${e.from}->${e.to}`, e.taken]) ?? []);
  const edges: Edge[] = ids.has(def.start)
    ? [{ id: `${ENTRY_ID}->start`, source: ENTRY_ID, sourceHandle: 'start', target: def.start, deletable: false, ariaLabel: `Entry starts at ${def.start}` }]
    : [];
  for (const node of def.nodes) {
    const slots = slotsOf(node);
    for (const slot of slots) {
      if (!slot.target || !ids.has(slot.target)) continue;
      const count = taken.get(`${node.id}->${slot.target}`);
      const label = [slots.length > 1 ? slot.label : '', count ? String(count) : ''].filter(Boolean).join(' · ');
      edges.push({
        id: `${node.id}->${slot.key}`,
        source: node.id,
        sourceHandle: slot.key,
        target: slot.target,
        label: label || undefined,
        deletable: !readOnly,
        ariaLabel: `${slot.label} of ${node.id} leads to ${slot.target}`,
      });
    }
  }
  return edges;
}

/** What the canvas state is merged from. */
interface CanvasInputs {
  cards: Omit<CardNode, 'position'>[];
  edges: Edge[];
  definition: Definition;
  selectedId: string | null;
}

/**
 * The definition's cards merged into the canvas state: each card keeps where it was moved to and
 * its measured size; the first time, cards go where the stored layout puts them (the others are
 * laid out); a new card goes where the layout says (a renamed node keeps its place), else beside
 * the node that leads to it (or the selected one).
 */
function mergeCards(previous: CardNode[], { cards, edges, definition, selectedId }: CanvasInputs): CardNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  const initial = previous.length === 0 ? layoutOf(definition) : null;
  const taken: Point[] = previous.map((n) => n.position);
  return cards.map((card) => {
    const old = before.get(card.id);
    if (old) return { ...old, ...card, selected: card.id === selectedId };
    const from = edges.find((e) => e.target === card.id && before.has(e.source))?.source ?? selectedId;
    const position = initial?.get(card.id) ?? storedPosition(definition, card.id) ?? placeNear(from ? before.get(from)?.position : undefined, taken);
    taken.push(position);
    return { ...card, position, selected: card.id === selectedId };
  });
}

/** The definition's edges, keeping which of them is selected. */
function mergeEdges(previous: Edge[], edges: Edge[]): Edge[] {
  const selected = new Set(previous.filter((e) => e.selected).map((e) => e.id));
  return edges.map((e) => ({ ...e, selected: selected.has(e.id) }));
}

/**
 * The journey as a graph on an @xyflow/react canvas: drag to arrange (or move a selected card with
 * the arrow keys), draw an edge from a slot's handle to a node to connect, select and press Delete
 * to remove a node or an edge, Enter on a focused node to edit it in the side panel. Counts and
 * problems are drawn on the cards. When a move ends or a card is added, every card's place goes
 * into the draft's `layout` (saved with it), so the arrangement is the same on the next load.
 */
export function JourneyCanvas({ definition, analytics, problems, selectedId, readOnly, onChange, onSelect }: JourneyCanvasProps) {
  const cards = useMemo(() => cardsOf(definition, analytics, problems, readOnly), [definition, analytics, problems, readOnly]);
  const derivedEdges = useMemo(() => edgesOf(definition, analytics, readOnly), [definition, analytics, readOnly]);
  const inputs = useMemo(() => ({ cards, edges: derivedEdges, definition, selectedId }), [cards, derivedEdges, definition, selectedId]);
  const [nodes, setNodes] = useState<CardNode[]>(() => mergeCards([], inputs));
  const [edges, setEdges] = useState<Edge[]>(() => mergeEdges([], inputs.edges));
  // When the definition, counts, problems or selection change, the canvas state follows (adjusted
  // while rendering, as React recommends for state derived from props).
  const [merged, setMerged] = useState(inputs);
  if (merged !== inputs) {
    setMerged(inputs);
    setNodes((previous) => mergeCards(previous, inputs));
    setEdges((previous) => mergeEdges(previous, inputs.edges));
  }

  // The cards as last rendered: a move's end reads every card's place from them.
  const current = useRef(nodes);
  // A card added after the canvas opened (a new or renamed node) fixes the places of every card,
  // so the arrangement on screen is the one the next load shows.
  const known = useRef(new Set(nodes.map((n) => n.id)));
  useEffect(() => {
    current.current = nodes;
    const added = nodes.some((n) => !known.current.has(n.id));
    known.current = new Set(nodes.map((n) => n.id));
    if (!added || readOnly) return;
    const next = withLayout(definition, new Map(nodes.map((n) => [n.id, n.position])));
    if (next !== definition) onChange(next);
  }, [nodes, definition, onChange, readOnly]);

  // A node added or removed refits the view, so a new node is never off the canvas.
  const flow = useRef<ReactFlowInstance<CardNode, Edge> | null>(null);
  const nodeCount = definition.nodes.length;
  useEffect(() => {
    void flow.current?.fitView({ padding: 0.2, maxZoom: 1, duration: 200 });
  }, [nodeCount]);

  // Selection is reported from the marketer's own clicks and keys (the changes xyflow makes for
  // them), never echoed back from the props, so the panel and the canvas cannot chase each other.
  const onNodesChange = useCallback(
    (changes: NodeChange<CardNode>[]) => {
      setNodes((ns) =>
        applyNodeChanges(
          changes.filter((c) => c.type !== 'remove'),
          ns,
        ),
      );
      // A drag's end, or a move by the arrow keys (never a step in the middle of a drag).
      const moved = changes.filter((c) => c.type === 'position' && c.position && !c.dragging);
      if (moved.length && !readOnly) {
        const places = new Map(current.current.map((n) => [n.id, n.position]));
        for (const c of moved) if (c.type === 'position' && c.position) places.set(c.id, c.position);
        const next = withLayout(definition, places);
        if (next !== definition) onChange(next);
      }
      const picked = changes.find((c) => c.type === 'select' && c.selected);
      if (picked?.type === 'select') onSelect(picked.id);
      else if (changes.some((c) => c.type === 'select' && !c.selected && c.id === selectedId)) onSelect(null);
    },
    [definition, onChange, onSelect, readOnly, selectedId],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) =>
      setEdges((es) =>
        applyEdgeChanges(
          changes.filter((c) => c.type !== 'remove'),
          es,
        ),
      ),
    [],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (c.sourceHandle && c.target !== ENTRY_ID && c.target !== c.source) onChange(connect(definition, c.source, c.sourceHandle, c.target));
    },
    [definition, onChange],
  );
  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: CardNode[]; edges: Edge[] }) => {
      let next = definition;
      for (const edge of cut) if (edge.source !== ENTRY_ID && edge.sourceHandle) next = connect(next, edge.source, edge.sourceHandle, undefined);
      const ids = new Set(gone.map((n) => n.id).filter((id) => id !== ENTRY_ID));
      if (ids.size) {
        next = removeNodes(next, ids);
        if (selectedId && ids.has(selectedId)) onSelect(null);
      }
      if (next !== definition) onChange(next);
    },
    [definition, onChange, onSelect, selectedId],
  );
  return (
    <div style={{ height: 560 }} aria-label="Journey canvas" role="region">
      <ReactFlow<CardNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onInit={(instance) => {
          flow.current = instance;
        }}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDelete={onDelete}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Backspace', 'Delete']}
        snapToGrid
        snapGrid={SNAP}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        minZoom={0.2}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
