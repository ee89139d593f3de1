/**
 * The runner's view of runs and steps: the rows it claims and writes, and what a node's executor
 * answers. Executors (steps/*.ts) decide; the runner (execute.ts) writes their outcomes together with
 * the runs' moves, a batch of runs at the same node in one transaction (outcomes.ts).
 */
import type { Settlement } from '../campaigns/ledger';
import type { JourneyDefinition, JourneyNode, RunTrigger, RunWait } from './types';

/** `journey_runs.context` as the runner keeps it. */
export interface RunContext {
  /** Arrivals per node id, across versions (so (run, node, visit) stays unique after a migration). */
  visits?: Record<string, number>;
  /** The event that ended a wait-for-event (set by the router, cleared when the wait finishes). */
  received?: Record<string, unknown>;
  /** The path index each random split gave this run. */
  splits?: Record<string, number>;
  [key: string]: unknown;
}

/** A claimed run, as the claim statement returns it (with its journey's name). */
export interface RunRow {
  id: string;
  tenant_id: string;
  journey_id: string;
  version_id: string;
  customer_id: string;
  node_id: string;
  visit: number;
  due_at: Date | null;
  waiting_for: RunWait | null;
  trigger: RunTrigger;
  context: RunContext;
  entered_at: Date;
  last_message_id: string | null;
  migrate_to_version_id: string | null;
  migrate_to_node_id: string | null;
  journey_name: string;
}

/** A `journey_steps` row. */
export interface StepRow {
  id: string;
  run_id: string;
  node_id: string;
  visit: number;
  kind: string;
  status: 'started' | 'waiting' | 'done' | 'failed';
  next_node_id: string | null;
  detail: Record<string, unknown>;
  started_at: Date;
  finished_at: Date | null;
}

/** A published version as the runner uses it: the graph by node id and the send nodes' hidden campaigns. */
export interface RunnerVersion {
  id: string;
  journeyId: string;
  version: number;
  definition: JourneyDefinition;
  nodes: ReadonlyMap<string, JourneyNode>;
  sendCampaigns: Record<string, string>;
}

/**
 * What a node's executor decided.
 * - `next`: the step is finished (`done`, or `failed` with the reason: the run still goes on) and
 *   the run moves to `next` (none: it completes). `messageId` is the ledger row it sent.
 * - `wait`: the step holds (`waiting`) until `until` (null: only an event wakes it), optionally
 *   waiting for an event (`waitingFor`).
 * - `exit`: the run ends `exited` (`exit_node`).
 * `onlyIfWaiting`: the move applies only while the run still waits for an event (a timeout must
 * not overwrite an event the router delivered meanwhile). `settlement` is the step's own write (its
 * ledger row's outcome), made in the same transaction as the step and the run's move.
 */
export type StepOutcome =
  | {
      kind: 'next';
      status: 'done' | 'failed';
      next: string | null;
      detail: Record<string, unknown>;
      messageId?: string;
      onlyIfWaiting?: boolean;
      settlement?: Settlement;
    }
  | { kind: 'wait'; until: Date | null; detail: Record<string, unknown>; waitingFor?: RunWait | null; settlement?: Settlement }
  | { kind: 'exit'; detail: Record<string, unknown> };

/** What one executor call sees: the run, its version, the node, the step row if this visit already has one, and the clock's reading. */
export interface StepInput<N extends JourneyNode = JourneyNode> {
  run: RunRow;
  version: RunnerVersion;
  node: N;
  step: StepRow | undefined;
  now: Date;
}
