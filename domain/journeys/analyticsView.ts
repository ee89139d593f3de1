/**
 * The shape of journey analytics (issue 17, INSIGHT) and the edges a definition declares: what
 * domain/journeys/analytics.ts fills in from its counts.
 */
import type { JourneyDefinition, JourneyNode } from './types';

/** How a run leaves a node along an edge of the definition. */
export interface EdgeVia {
  /** `next` (the node's next, or a received event), `timeout`, `branch`, `else` or `path` (random split). */
  kind: 'next' | 'timeout' | 'branch' | 'else' | 'path';
  /** The branch's or path's name, when it has one. */
  name: string | null;
  /** The branch's or path's position in its node (from 0); null for next, timeout and else. */
  index: number | null;
}

/** One node's counts. */
export interface NodeAnalytics {
  nodeId: string;
  type: JourneyNode['type'];
  name: string | null;
  /** Visits: step rows of the node (every status). */
  entered: number;
  /** Open runs at the node now (waiting on a delay or event, held, or about to run it). */
  waiting: number;
  /** Steps that finished done. */
  completed: number;
  /** Steps that finished failed (a failed send or webhook; the run went on). */
  failed: number;
  /** Runs that ended exited while at this node, by reason (exit_node, exit_rule, converted, migrated_to_exit…). */
  exited: number;
  exitedByReason: Record<string, number>;
  /** Runs that completed after this node (it had nowhere further to go). */
  runsCompleted: number;
  /** Runs that ended failed at this node. */
  runsFailed: number;
}

/** One edge (from → to) and the steps that took it; edges of one node to the same target are one entry. */
export interface EdgeAnalytics {
  from: string;
  to: string;
  via: EdgeVia[];
  taken: number;
}

/** One send node's ledger, counted from the ledger rows of this version's steps. */
export interface SendAnalytics {
  nodeId: string;
  channel: 'email' | 'sms';
  campaignId: string | null;
  /** Ledger rows (one per step that reached the send). */
  messages: number;
  /** Pending and due now, or being sent. */
  queued: number;
  /** Held by the policy gate (quiet hours, frequency cap) or a retry, until a later time. */
  deferred: number;
  /** Accepted by the provider (delivered included). */
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  failed: number;
  skipped: number;
  cancelled: number;
}

/** Conversions of the version's runs, and the send node each is attributed to. */
export interface GoalAnalytics {
  /** Runs on this version (the goal's denominator). */
  entered: number;
  converted: number;
  /** converted / entered, to four decimals (0 without runs). */
  conversionRate: number;
  /** Every send node of the version with the conversions whose last message it sent. */
  bySendNode: Array<{ nodeId: string; conversions: number }>;
  /** Conversions with no message of this version before them (none sent yet, or sent by an earlier version). */
  unattributed: number;
}

/** Runs of the version by state; entered is their sum. */
export interface RunTotals {
  entered: number;
  active: number;
  completed: number;
  exited: number;
  failed: number;
}

/** What GET /journeys/:id/analytics answers. */
export interface JourneyAnalytics {
  journeyId: string;
  version: { number: number; id: string; publishedAt: string; current: boolean };
  /** Every published version number, for choosing another. */
  versions: number[];
  /** When the counts were read (the clock deferrals are compared with). */
  asOf: string;
  totals: RunTotals;
  nodes: NodeAnalytics[];
  edges: EdgeAnalytics[];
  sends: SendAnalytics[];
  goal: GoalAnalytics | null;
}

/** The outgoing edges a node declares, in definition order. */
export function edgesOf(node: JourneyNode): Array<{ to: string; via: EdgeVia }> {
  const plain = (kind: EdgeVia['kind'], to: string | undefined) => (to ? [{ to, via: { kind, name: null, index: null } }] : []);
  switch (node.type) {
    case 'exit':
      return [];
    case 'wait_for_event':
      return [...plain('next', node.next), ...plain('timeout', node.timeoutNext)];
    case 'branch':
      return [
        ...node.branches.flatMap((b, index) => (b.next ? [{ to: b.next, via: { kind: 'branch' as const, name: b.name ?? null, index } }] : [])),
        ...plain('else', node.else),
      ];
    case 'random_split':
      return node.paths.flatMap((p, index) => (p.next ? [{ to: p.next, via: { kind: 'path' as const, name: p.name ?? null, index } }] : []));
    default:
      return plain('next', node.next);
  }
}

/** The definition's edges, one entry per (from, to), in definition order. */
export function definitionEdges(definition: JourneyDefinition): Array<{ from: string; to: string; via: EdgeVia[] }> {
  const edges = new Map<string, { from: string; to: string; via: EdgeVia[] }>();
  for (const node of definition.nodes) {
    for (const { to, via } of edgesOf(node)) {
      const key = JSON.stringify([node.id, to]);
      const edge = edges.get(key) ?? { from: node.id, to, via: [] };
      edge.via.push(via);
      edges.set(key, edge);
    }
  }
  return [...edges.values()];
}
