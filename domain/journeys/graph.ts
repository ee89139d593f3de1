/**
 * The journey graph's edges and the checks that need the whole graph: every edge lands on a node,
 * every node is reachable from `start`, and every loop passes through a node that waits. Pure
 * functions over a {@link JourneyDefinition}; problems carry the input path of what is wrong.
 */
import type { JourneyDefinition, JourneyNode } from './types';

/** One problem of a definition: where (`nodes[3].next`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** One edge: the node it leaves (by index), where it points, and the input path of that pointer. */
export interface Edge {
  from: number;
  to: string;
  path: string;
}

/** Node types a run waits in; a loop through one of them cannot spin without time passing. */
export const WAITING_TYPES: ReadonlySet<JourneyNode['type']> = new Set(['delay', 'wait_until', 'wait_for_event']);

/** Every edge of a node, in input order: `next`, `timeoutNext`, branch and path `next`s, `else`. */
export function edgesOf(node: JourneyNode, index: number): Edge[] {
  const at = (to: string | undefined, path: string): Edge[] => (to === undefined ? [] : [{ from: index, to, path: `nodes[${index}].${path}` }]);
  switch (node.type) {
    case 'exit':
      return [];
    case 'branch':
      return [...node.branches.flatMap((b, j) => at(b.next, `branches[${j}].next`)), ...at(node.else, 'else')];
    case 'random_split':
      return node.paths.flatMap((p, j) => at(p.next, `paths[${j}].next`));
    case 'wait_for_event':
      return [...at(node.next, 'next'), ...at(node.timeoutNext, 'timeoutNext')];
    default:
      return at(node.next, 'next');
  }
}

/**
 * The graph checks: unique ids, `start` and every edge landing on a node, reachability from
 * `start`, and loops without a waiting node (one problem per such loop, at its first node).
 */
export function graphProblems(def: JourneyDefinition): Problem[] {
  const problems: Problem[] = [];
  const index = new Map<string, number>();
  def.nodes.forEach((node, i) => {
    if (index.has(node.id)) problems.push({ path: `nodes[${i}].id`, message: `"${node.id}" is already the id of nodes[${index.get(node.id)}]` });
    else index.set(node.id, i);
  });
  if (def.nodes.length === 0) problems.push({ path: 'nodes', message: 'a journey needs at least one node' });
  else if (!index.has(def.start)) problems.push({ path: 'start', message: `no node has the id "${def.start}"` });
  const successors: number[][] = def.nodes.map(() => []);
  def.nodes.forEach((node, i) => {
    for (const edge of edgesOf(node, i)) {
      const target = index.get(edge.to);
      if (target === undefined) problems.push({ path: edge.path, message: `no node has the id "${edge.to}"` });
      else successors[i]!.push(target);
    }
  });
  const start = index.get(def.start);
  if (start !== undefined) {
    const seen = reachable(start, successors);
    def.nodes.forEach((node, i) => {
      if (!seen.has(i) && index.get(node.id) === i) problems.push({ path: `nodes[${i}]`, message: `"${node.id}" cannot be reached from start` });
    });
  }
  for (const loop of loopsWithoutWait(def.nodes, successors)) {
    const names = loop.map((i) => `"${def.nodes[i]!.id}"`).join(', ');
    problems.push({
      path: `nodes[${loop[0]}]`,
      message: `is on a loop through ${names} with no delay, wait_until or wait_for_event node on it, so a run would spin in it`,
    });
  }
  return problems;
}

/** The node indexes reachable from `start` (start included). */
function reachable(start: number, successors: number[][]): Set<number> {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length) {
    for (const next of successors[stack.pop()!]!) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/**
 * The loops made only of nodes that do not wait: the strongly connected components (Tarjan's
 * algorithm, iterative) of the graph without waiting nodes that hold a cycle, each as its node
 * indexes in input order.
 */
function loopsWithoutWait(nodes: JourneyNode[], successors: number[][]): number[][] {
  const moving = (i: number) => !WAITING_TYPES.has(nodes[i]!.type);
  const next = successors.map((s, i) => (moving(i) ? s.filter(moving) : []));
  const order = new Array<number>(nodes.length).fill(-1);
  const low = new Array<number>(nodes.length).fill(0);
  const onStack = new Set<number>();
  const stack: number[] = [];
  const loops: number[][] = [];
  let counter = 0;
  for (let root = 0; root < nodes.length; root++) {
    if (order[root] !== -1 || !moving(root)) continue;
    const work: Array<[number, number]> = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [v, k] = frame;
      if (k < next[v]!.length) {
        frame[1] += 1;
        const w = next[v]![k]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] !== order[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next[v]!.includes(v)) loops.push(component.sort((a, b) => a - b));
    }
  }
  return loops.sort((a, b) => a[0]! - b[0]!);
}
