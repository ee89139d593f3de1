/**
 * The waiting nodes: delay, wait until, wait for an event. The first arrival computes when the
 * wait ends and holds the run (its due time is that moment; no timer anywhere else); the step
 * keeps that moment in its detail, so a resumed step never recomputes it.
 */
import { toCustomer } from '../../customers/rows';
import { requiredDurationMs } from '../durations';
import { readPath } from '../matching';
import { waitUntilMoment } from '../timing';
import type { DelayNode, RunWait, WaitForEventNode, WaitUntilNode } from '../types';
import type { StepOutcome } from '../runnerTypes';
import type { Executor } from './env';

/** The end of a wait as the step recorded it (null: no end), or undefined when the step has none yet. */
function recordedUntil(detail: Record<string, unknown> | undefined): Date | null | undefined {
  if (!detail || !('until' in detail)) return undefined;
  return detail.until ? new Date(detail.until as string) : null;
}

/** Goes on to `next` when `until` has come, else holds until it. */
function waitOrGo(until: Date | null, now: Date, next: string | undefined, detail: Record<string, unknown>): StepOutcome {
  if (!until || until.getTime() <= now.getTime()) return { kind: 'next', status: 'done', next: next ?? null, detail };
  return { kind: 'wait', until, detail };
}

/** Delay: holds the run for the node's duration from its arrival. */
export const runDelay: Executor<DelayNode> = async (_env, { node, step, now }) => {
  const until = recordedUntil(step?.detail) ?? new Date(now.getTime() + requiredDurationMs(node.duration));
  return waitOrGo(until, now, node.next, { until: until.toISOString() });
};

/**
 * Wait until: the moment timing.ts computes from the node, the customer (as the API shows it),
 * the trigger's properties and the customer's timezone (else the tenant's messaging timezone).
 * A moment in the past, or a date that cannot be read, goes on at once.
 */
export const runWaitUntil: Executor<WaitUntilNode> = async (env, { run, node, step, now }) => {
  let until = recordedUntil(step?.detail);
  let timezone: string | null = null;
  if (until === undefined) {
    const row = await env.customerRow(run.tenant_id, run.customer_id);
    timezone = row?.timezone || (await env.tenantTimezone(run.tenant_id));
    const customer = row ? (toCustomer(row) as unknown as Record<string, unknown>) : {};
    until = waitUntilMoment(node, now, { customer, event: run.trigger.properties ?? {}, timezone });
  }
  return waitOrGo(until, now, node.next, { ...step?.detail, until: until?.toISOString() ?? null, ...(timezone ? { timezone } : {}) });
};

/** The wait a wait-for-event node puts on the run: its event and conditions, and the trigger's value of the matched property. */
export function runWaitOf(node: WaitForEventNode, trigger: Record<string, unknown>): RunWait {
  const wait: RunWait = { event: node.event };
  if (node.where) wait.where = node.where;
  if (node.match) wait.match = { property: node.match.property, value: readPath(trigger, node.match.triggerProperty ?? node.match.property) ?? null };
  return wait;
}

/**
 * Wait for event: the first arrival sets the run's `waiting_for` (the router matches events
 * against it) and its due time to the timeout (none: null). Resumed with `context.received`, the
 * step is done and goes to `next`, the event in its detail; resumed at the timeout without it,
 * the run takes `timeoutNext` (absent: it completes) — only while it still waits, so an event the
 * router delivered meanwhile wins.
 */
export const runWaitForEvent: Executor<WaitForEventNode> = async (_env, { run, node, step, now }) => {
  if (!step) {
    const waitingFor = runWaitOf(node, run.trigger.properties ?? {});
    const until = node.timeout ? new Date(now.getTime() + requiredDurationMs(node.timeout)) : null;
    return { kind: 'wait', until, waitingFor, detail: { waitingFor, until: until?.toISOString() ?? null } };
  }
  const received = run.context.received;
  if (received) return { kind: 'next', status: 'done', next: node.next ?? null, detail: { ...step.detail, received } };
  const until = recordedUntil(step.detail) ?? null;
  if (until && until.getTime() <= now.getTime())
    return { kind: 'next', status: 'done', next: node.timeoutNext ?? null, detail: { ...step.detail, timedOut: true }, onlyIfWaiting: true };
  const waitingFor = run.waiting_for ?? runWaitOf(node, run.trigger.properties ?? {});
  return { kind: 'wait', until, waitingFor, detail: step.detail };
};
