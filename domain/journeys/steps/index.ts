/**
 * The executor of each node type, and which of them have an effect outside the run (their step
 * row is begun before the effect, so its id keys the message, the request or the change).
 */
import type { JourneyNode } from '../types';
import { runBranch, runExit, runRandomSplit } from './branching';
import type { BatchExecutor, Executor } from './env';
import { runSends } from './send';
import { runUpdateCustomer } from './updateCustomer';
import { runDelay, runWaitForEvent, runWaitUntil } from './waits';
import { runWebhook } from './webhook';

/** Node types executed a batch of runs at a time (the others run one executor call per run). */
export type BatchedType = 'send';

/** Executors of one run, by node type. */
export const EXECUTORS: { [K in Exclude<JourneyNode['type'], BatchedType>]: Executor<Extract<JourneyNode, { type: K }>> } = {
  delay: runDelay,
  wait_until: runWaitUntil,
  wait_for_event: runWaitForEvent,
  branch: runBranch,
  random_split: runRandomSplit,
  webhook: runWebhook,
  update_customer: runUpdateCustomer,
  exit: runExit,
};

/** Executors of a batch of runs at the same node, by node type. */
export const BATCH_EXECUTORS: { [K in BatchedType]: BatchExecutor<Extract<JourneyNode, { type: K }>> } = {
  send: runSends,
};

/** Node types whose step is begun (`started`) before the executor runs: they act outside the run. */
export const EFFECT_TYPES: ReadonlySet<JourneyNode['type']> = new Set(['send', 'webhook', 'update_customer']);

export type { StepEnv, Executor, BatchExecutor, PlannedStep } from './env';
