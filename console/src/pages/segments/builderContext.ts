import { createContext, useContext } from 'react';
import type { FieldInfo } from './catalogue';
import type { BuilderNode, NodeIssue } from './ruleModel';

/** What every row of the rule builder needs: the catalogue, Herald's problems per node, and the edits. */
export interface Builder {
  fields: FieldInfo[];
  eventNames: string[];
  issues: Map<string, NodeIssue[]>;
  update(id: string, fn: (node: BuilderNode) => BuilderNode): void;
  remove(id: string): void;
  move(id: string, delta: -1 | 1): void;
  add(groupId: string, node: BuilderNode): void;
}

/** The builder of the segment editor; rows read it instead of receiving ten props each. */
export const BuilderContext = createContext<Builder | null>(null);

/** The surrounding rule builder (only inside its provider). */
export function useBuilder(): Builder {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error('useBuilder outside BuilderContext');
  return builder;
}

/** The messages of a node's problems about `part` (`value`, `field`…); those about no listed part when `part` is null. */
export function issuesOf(issues: NodeIssue[] | undefined, part: string | null, known: string[] = []): string | undefined {
  const hits = (issues ?? []).filter((i) =>
    part === null
      ? !known.some((k) => i.part === k || i.part.startsWith(`${k}.`) || i.part.startsWith(`${k}[`))
      : i.part === part || i.part.startsWith(`${part}.`) || i.part.startsWith(`${part}[`),
  );
  return hits.length ? hits.map((i) => (part === null && i.part ? `${i.part}: ${i.message}` : i.message)).join('; ') : undefined;
}
