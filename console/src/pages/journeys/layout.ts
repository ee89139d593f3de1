import { ENTRY_ID, slotsOf, type Definition } from './definition';

/** A point on the canvas. */
export interface Point {
  x: number;
  y: number;
}

const COLUMN = 300;
const ROW = 170;

/**
 * Places the entry and the nodes in columns by their distance from the start (breadth first), left
 * to right; nodes nobody reaches go in a last column. The API stores no positions, so the canvas
 * lays a journey out on every load and keeps the marketer's moves while the page is open.
 */
export function layoutOf(def: Definition): Map<string, Point> {
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
  const rows = new Map<number, number>();
  const out = new Map<string, Point>();
  for (const id of [ENTRY_ID, ...def.nodes.map((n) => n.id)]) {
    const column = depth.get(id)!;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    out.set(id, { x: column * COLUMN, y: row * ROW });
  }
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
