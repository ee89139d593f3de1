import type { components } from '@herald/sdk';

/** A journey definition as the API stores it in a draft and freezes in a version. */
export type Definition = components['schemas']['JourneyDefinition'];
/** One node of a definition (delay, wait, branch, send, …). */
export type JourneyNode = Definition['nodes'][number];
/** The node types a definition supports. */
export type NodeType = JourneyNode['type'];
/** The journey's entry (its trigger). */
export type Entry = Definition['entry'];

/** The canvas id of the entry: not a valid node id (it has a colon), so it never collides with one. */
export const ENTRY_ID = 'entry:trigger';

/** The entry card's key in the stored `layout` (Herald's name for it; `$` is not allowed in node ids). */
export const LAYOUT_ENTRY_KEY = '$entry';

/** A card's place on the canvas, as the definition's `layout` stores it. */
export type Point = NonNullable<Definition['layout']>[string];

/** The stored place of a card (by its canvas id), if the definition has one. */
export function storedPosition(def: Definition, cardId: string): Point | undefined {
  return def.layout?.[cardId === ENTRY_ID ? LAYOUT_ENTRY_KEY : cardId];
}

/**
 * The definition with `layout` holding these places (rounded to whole canvas units) for the entry
 * and the definition's nodes; other ids are left out, since Herald refuses positions of no node.
 * The same definition when nothing moved, so a click that moved nothing changes no draft.
 */
export function withLayout(def: Definition, places: ReadonlyMap<string, Point>): Definition {
  const ids = new Set(def.nodes.map((n) => n.id));
  const layout: Record<string, Point> = {};
  for (const [cardId, p] of places) {
    if (cardId !== ENTRY_ID && !ids.has(cardId)) continue;
    layout[cardId === ENTRY_ID ? LAYOUT_ENTRY_KEY : cardId] = { x: Math.round(p.x), y: Math.round(p.y) };
  }
  const before = def.layout ?? {};
  const same =
    Object.keys(layout).length === Object.keys(before).length && Object.entries(layout).every(([k, p]) => before[k]?.x === p.x && before[k]?.y === p.y);
  return same ? def : { ...def, layout };
}

/** The layout without the places of these node ids (undefined when none is left). */
function layoutWithout(layout: Definition['layout'], ids: ReadonlySet<string>): Definition['layout'] {
  if (!layout) return undefined;
  const kept = Object.entries(layout).filter(([key]) => !ids.has(key));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** What each node type is called in the console, in the order the "Add node" menu offers them. */
export const NODE_LABELS: Record<NodeType, string> = {
  delay: 'Delay',
  wait_until: 'Wait until',
  wait_for_event: 'Wait for event',
  branch: 'Branch',
  random_split: 'Random split',
  send: 'Send message',
  webhook: 'Webhook',
  update_customer: 'Update customer',
  exit: 'Exit',
};

/** One outgoing edge slot of a node: `next`, `timeoutNext`, `else`, `branch:<i>` or `path:<i>`. */
export interface Slot {
  key: string;
  label: string;
  target: string | undefined;
}

/** The outgoing slots of a node, with where each leads now. */
export function slotsOf(node: JourneyNode): Slot[] {
  switch (node.type) {
    case 'exit':
      return [];
    case 'wait_for_event':
      return [
        { key: 'next', label: 'Event arrived', target: node.next },
        { key: 'timeoutNext', label: 'Timed out', target: node.timeoutNext },
      ];
    case 'branch':
      return [
        ...node.branches.map((b, i) => ({ key: `branch:${i}`, label: b.name || `Branch ${i + 1}`, target: b.next })),
        { key: 'else', label: 'Otherwise', target: node.else },
      ];
    case 'random_split':
      return node.paths.map((p, i) => ({ key: `path:${i}`, label: p.name || `Path ${i + 1}`, target: p.next }));
    default:
      return [{ key: 'next', label: 'Next', target: node.next }];
  }
}

/** The node with one slot pointed at `target` (undefined: the slot leads nowhere, the run completes). */
export function withSlot(node: JourneyNode, key: string, target: string | undefined): JourneyNode {
  const [kind, at] = key.split(':');
  const index = Number(at);
  if (node.type === 'branch' && kind === 'branch') return { ...node, branches: node.branches.map((b, i) => (i === index ? { ...b, next: target } : b)) };
  if (node.type === 'branch' && kind === 'else') return { ...node, else: target };
  if (node.type === 'random_split' && kind === 'path') return { ...node, paths: node.paths.map((p, i) => (i === index ? { ...p, next: target } : p)) };
  if (node.type === 'wait_for_event' && kind === 'timeoutNext') return { ...node, timeoutNext: target };
  if (node.type !== 'exit' && node.type !== 'branch' && node.type !== 'random_split' && kind === 'next') return { ...node, next: target };
  return node;
}

/** Points a slot of a node (or the entry's, which sets `start`) at `target`. */
export function connect(def: Definition, source: string, key: string, target: string | undefined): Definition {
  if (source === ENTRY_ID) return target ? { ...def, start: target } : def;
  return { ...def, nodes: def.nodes.map((n) => (n.id === source ? withSlot(n, key, target) : n)) };
}

/** Removes nodes, every slot that led to them (a run reaching that slot then completes) and their places on the canvas. */
export function removeNodes(def: Definition, ids: ReadonlySet<string>): Definition {
  const nodes = def.nodes
    .filter((n) => !ids.has(n.id))
    .map((n) => slotsOf(n).reduce((node, slot) => (slot.target && ids.has(slot.target) ? withSlot(node, slot.key, undefined) : node), n));
  const { layout: _layout, ...rest } = def;
  const layout = layoutWithout(def.layout, ids);
  return layout ? { ...rest, nodes, layout } : { ...rest, nodes };
}

/** Gives a node a new id and follows every reference to it (slots, `start`, branch message conditions, its place on the canvas). */
export function renameNode(def: Definition, from: string, to: string): Definition {
  const nodes = def.nodes.map((n) => {
    let node = slotsOf(n).reduce((acc, slot) => (slot.target === from ? withSlot(acc, slot.key, to) : acc), n);
    if (node.type === 'branch')
      node = { ...node, branches: node.branches.map((b) => (b.message?.node === from ? { ...b, message: { ...b.message, node: to } } : b)) };
    return node.id === from ? { ...node, id: to } : node;
  });
  const place = def.layout?.[from];
  const layout = place ? { ...layoutWithout(def.layout, new Set([from])), [to]: place } : def.layout;
  return { ...def, start: def.start === from ? to : def.start, nodes, ...(layout ? { layout } : {}) };
}

/** A fresh id for a node of this type that the definition does not use yet (`delay_2`). */
export function freshId(def: Definition, type: NodeType): string {
  const used = new Set(def.nodes.map((n) => n.id));
  for (let i = 1; ; i++) if (!used.has(`${type}_${i}`)) return `${type}_${i}`;
}

/** A new node of a type with settings that make sense to start from. */
export function newNode(type: NodeType, id: string): JourneyNode {
  switch (type) {
    case 'delay':
      return { id, type, duration: '1d' };
    case 'wait_until':
      return { id, type, timeOfDay: '09:00' };
    case 'wait_for_event':
      return { id, type, event: 'Order Completed', timeout: '1d' };
    case 'branch':
      return { id, type, branches: [{ name: 'Yes', where: { all: [{ property: 'total', operator: 'greaterThan', value: 50 }] } }] };
    case 'random_split':
      return {
        id,
        type,
        paths: [
          { name: 'A', weight: 50 },
          { name: 'B', weight: 50 },
        ],
      };
    case 'send':
      return { id, type, channel: 'email', subject: 'Hello {{ customer.firstName }}', body: '<p>Hello {{ customer.firstName }}</p>' };
    case 'webhook':
      return { id, type, endpointId: '00000000-0000-4000-8000-000000000000' };
    case 'update_customer':
      return { id, type, addTags: ['journey'] };
    case 'exit':
      return { id, type };
  }
}

/** What a new journey starts from: a tracked event entry and one delay. */
export const NEW_DEFINITION: Definition = {
  entry: { type: 'event', event: 'Signed Up' },
  start: 'delay_1',
  nodes: [{ id: 'delay_1', type: 'delay', duration: '1d' }],
};

/** A one-line summary of a node's settings, for the canvas and the node list. */
export function summaryOf(node: JourneyNode): string {
  switch (node.type) {
    case 'delay':
      return `Wait ${node.duration}`;
    case 'wait_until':
      return [node.timeOfDay && `at ${node.timeOfDay}`, node.weekdays?.join(', '), node.date && `on ${node.date.field} ${node.date.offset ?? ''}`]
        .filter(Boolean)
        .join(' ');
    case 'wait_for_event':
      return `Wait for “${node.event}”${node.timeout ? ` up to ${node.timeout}` : ''}`;
    case 'branch':
      return `${node.branches.length} branch${node.branches.length === 1 ? '' : 'es'} and otherwise`;
    case 'random_split':
      return node.paths.map((p) => `${p.name || '?'} ${p.weight}`).join(' / ');
    case 'send':
      return node.channel === 'email' ? `Email: ${node.subject ?? ''}` : `SMS: ${node.body.slice(0, 40)}`;
    case 'webhook':
      return 'POST to a webhook endpoint';
    case 'update_customer':
      return [node.addTags?.length && `+${node.addTags.join(', +')}`, node.removeTags?.length && `−${node.removeTags.join(', −')}`, node.set && 'set fields']
        .filter(Boolean)
        .join(' ');
    case 'exit':
      return 'End the run';
  }
}

/** A one-line summary of the entry. */
export function entrySummary(entry: Entry): string {
  if (entry.type === 'event') return `When “${entry.event}” is tracked`;
  if (entry.type === 'herald_event') return `On Herald’s ${entry.eventType}`;
  return 'When a customer enters a segment';
}
