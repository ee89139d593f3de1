import { ENTRY_ID, slotsOf, storedPosition, type Definition, type Point } from './definition';

export type { Point };

const COLUMN = 300;
const ROW = 170;

/** Each card's column: its distance from the entry (breadth first); cards nobody reaches come last. */
function depthsOf(def: Definition): Map<string, number> {
  const byId = new Map(def.nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>([[ENTRY_ID, 0]]);
  const queue: string[] = [];
  if (byId.has(def.start)) {
    depth.set(def.start, 1);
    queue.push(def.start);
  }
  while (queue.length) {
    const id = queue.shift()!;
    for (const slot of slotsOf(byId.get(id)!)) {
      if (slot.target && byId.has(slot.target) && !depth.has(slot.target)) {
        depth.set(slot.target, depth.get(id)! + 1);
        queue.push(slot.target);
      }
    }
  }
  const last = Math.max(...depth.values()) + 1;
  for (const n of def.nodes) if (!depth.has(n.id)) depth.set(n.id, last);
  return depth;
}

/** A card already placed that leads to `id` (the entry for the start node), to put `id` beside it. */
function placedPredecessor(def: Definition, id: string, placed: ReadonlyMap<string, Point>): Point | undefined {
  if (id === def.start && placed.has(ENTRY_ID)) return placed.get(ENTRY_ID);
  const from = def.nodes.find((n) => placed.has(n.id) && slotsOf(n).some((s) => s.target === id));
  return from ? placed.get(from.id) : undefined;
}

/**
 * Where each card goes when the canvas opens. Cards the definition's `layout` places stay where
 * the marketer left them; the others are laid out: all of them in columns by their distance from
 * the start (left to right) when nothing is stored, else each beside a card that leads to it.
 */
export function layoutOf(def: Definition): Map<string, Point> {
  const depth = depthsOf(def);
  const ids = [ENTRY_ID, ...def.nodes.map((n) => n.id)];
  const out = new Map<string, Point>();
  for (const id of ids) {
    const stored = storedPosition(def, id);
    if (stored) out.set(id, stored);
  }
  if (out.size === 0) {
    const rows = new Map<number, number>();
    for (const id of ids) {
      const column = depth.get(id)!;
      const row = rows.get(column) ?? 0;
      rows.set(column, row + 1);
      out.set(id, { x: column * COLUMN, y: row * ROW });
    }
    return out;
  }
  const missing = ids.filter((id) => !out.has(id)).sort((a, b) => depth.get(a)! - depth.get(b)!);
  for (const id of missing) out.set(id, placeNear(placedPredecessor(def, id, out), out.values()));
  return out;
}

/** Where a node added next to `near` goes: to its right, below anything already there. */
export function placeNear(near: Point | undefined, taken: Iterable<Point>): Point {
  const base = near ? { x: near.x + COLUMN, y: near.y } : { x: 0, y: 0 };
  const points = [...taken];
  let y = base.y;
  while (points.some((p) => Math.abs(p.x - base.x) < COLUMN / 2 && Math.abs(p.y - y) < ROW / 2)) y += ROW;
  return { x: base.x, y };
}
