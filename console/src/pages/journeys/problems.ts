import { HeraldError } from '@herald/sdk';
import { ENTRY_ID, type Definition } from './definition';

/** A problem as Herald reports it: the draft's `problems`, or a 422 detail (`nodes[2].duration`). */
export interface Problem {
  path: string;
  message: string;
}

/** Problems placed where they belong: on a node (by canvas id), on the entry, or on the journey as a whole. */
export interface PlacedProblems {
  byNode: Map<string, string[]>;
  general: Problem[];
}

/**
 * Places each problem on the node its path concerns. Paths index the nodes of the definition that
 * was checked (`nodes[3].next`), so they are resolved against that definition, not the one being
 * edited now: a node keeps its problem even after nodes before it are removed. `entry.*` and
 * `start` land on the entry; `goal`, `exitRules`, `name`… are general.
 */
export function placeProblems(problems: readonly Problem[], checked: Definition): PlacedProblems {
  const byNode = new Map<string, string[]>();
  const general: Problem[] = [];
  const add = (id: string, text: string) => byNode.set(id, [...(byNode.get(id) ?? []), text]);
  for (const problem of problems) {
    const path = problem.path.replace(/^(body|draft)\./, '');
    const node = /^nodes\[(\d+)\]\.?(.*)$/.exec(path);
    const id = node ? checked.nodes[Number(node[1])]?.id : undefined;
    if (node && id) add(id, node[2] ? `${node[2]}: ${problem.message}` : problem.message);
    else if (/^(entry|start)\b/.test(path)) add(ENTRY_ID, `${path}: ${problem.message}`);
    else general.push({ path, message: problem.message });
  }
  return { byNode, general };
}

/** The field problems of a refused request (a 422's details), or none. */
export function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof HeraldError) || !Array.isArray(error.details)) return [];
  return (error.details as Partial<Problem>[]).filter((d): d is Problem => typeof d.path === 'string' && typeof d.message === 'string');
}
