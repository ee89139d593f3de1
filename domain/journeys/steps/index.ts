/**
 * The executor of each node type, and which of them have an effect outside the run (their step
 * row is begun before the effect, so its id keys the message, the request or the change).
 */
import type { JourneyNode } from '../types';
import { runBranch, runExit, runRandomSplit } from './branching';
import type { Executor } from './env';
import { runSend } from './send';
import { runUpdateCustomer } from './updateCustomer';
import { runDelay, runWaitForEvent, runWaitUntil } from './waits';
import { runWebhook } from './webhook';

/** Executors by node type. */
export const EXECUTORS: { [K in JourneyNode['type']]: Executor<Extract<JourneyNode, { type: K }>> } = {
  delay: runDelay,
  wait_until: runWaitUntil,
  wait_for_event: runWaitForEvent,
  branch: runBranch,
  random_split: runRandomSplit,
  send: runSend,
  webhook: runWebhook,
  update_customer: runUpdateCustomer,
  exit: runExit,
};

/** Node types whose step is begun (`started`) before the executor runs: they act outside the run. */
export const EFFECT_TYPES: ReadonlySet<JourneyNode['type']> = new Set(['send', 'webhook', 'update_customer']);

export type { StepEnv, Executor } from './env';
