/**
 * Schemas of the journey insight routes (issue 17): analytics of a version, run lists, a run with
 * its step log, and a customer's runs. Every field the domain answers is stated here exactly, so
 * the OpenAPI document (and the SDK and fuzzer built from it) says what the API sends.
 */
import { z } from 'zod';
import { NODE_TYPES } from '../../../domain/journeys/types';
import { PageQuery, PaginationView } from '../../pagination';

const RUN_STATES = ['active', 'completed', 'exited', 'failed'] as const;
const END_REASONS = ['completed', 'exit_node', 'exit_rule', 'converted', 'migrated_to_exit', 'journey_deleted', 'customer_deleted', 'failed'] as const;
const count = (description: string) => z.number().int().min(0).meta({ description });
const jsonObject = z.record(z.string(), z.unknown());
const time = z.string().meta({ description: 'RFC 3339 UTC' });
const versionNumber = z.coerce.number().int().min(1).max(2147483647);

/** Path of the journey routes. */
export const JourneyParams = z.object({ id: z.uuid('must be a journey id (UUID)') });

/** Path of GET /journeys/:id/runs/:runId. */
export const JourneyRunParams = z.object({ id: z.uuid('must be a journey id (UUID)'), runId: z.uuid('must be a run id (UUID)') });

/** Path of GET /customers/:id/journeys. */
export const CustomerJourneysParams = z.object({ id: z.uuid('must be a customer id (UUID)') });

/** Query of GET /journeys/:id/analytics. */
export const JourneyAnalyticsQuery = z.object({
  version: versionNumber.optional().meta({ description: 'A published version number; the current version when absent' }),
});

/** Query of GET /journeys/:id/runs. */
export const JourneyRunListQuery = z.object({
  ...PageQuery,
  node: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a node id')
    .optional()
    .meta({ description: 'Only runs now at this node id' }),
  state: z.enum(RUN_STATES).optional(),
  customerId: z.uuid().optional(),
  version: versionNumber.optional().meta({ description: 'Only runs on this published version' }),
});

/** Query of GET /customers/:id/journeys. */
export const CustomerJourneyListQuery = z.object({
  ...PageQuery,
  state: z.enum(RUN_STATES).optional(),
  journeyId: z.uuid().optional(),
});

/** How a run leaves a node along an edge. */
const EdgeViaView = z.object({
  kind: z.enum(['next', 'timeout', 'branch', 'else', 'path']).meta({
    description: 'next: the next node (or the awaited event arrived); timeout: the timeout branch of a wait; branch/else: a branch node; path: a random split',
  }),
  name: z.string().nullable().meta({ description: 'The name of the branch or path' }),
  index: z.number().int().min(0).nullable().meta({ description: 'The position of the branch or path in its node' }),
});

/** One node's counts. */
const NodeAnalyticsView = z.object({
  nodeId: z.string(),
  type: z.enum(NODE_TYPES),
  name: z.string().nullable(),
  entered: count('Visits: steps of this node, whatever their status'),
  waiting: count('Open runs at this node now'),
  completed: count('Steps finished done'),
  failed: count('Steps finished failed (the run went on)'),
  exited: count('Runs that ended exited at this node'),
  exitedByReason: z.record(z.string(), z.number().int()).meta({ description: 'exited by end reason: exit_node, exit_rule, converted, migrated_to_exit…' }),
  runsCompleted: count('Runs that completed after this node'),
  runsFailed: count('Runs that ended failed at this node'),
});

/** One edge's traffic. */
const EdgeAnalyticsView = z.object({
  from: z.string(),
  to: z.string(),
  via: z.array(EdgeViaView).meta({ description: 'The ways the definition leads from `from` to `to` (usually one)' }),
  taken: count('Steps of `from` whose next node was `to`'),
});

/** One send node's ledger. */
const SendAnalyticsView = z.object({
  nodeId: z.string(),
  channel: z.enum(['email', 'sms']),
  campaignId: z.uuid().nullable().meta({ description: 'The hidden campaign whose ledger holds the messages of this node' }),
  messages: count('Ledger rows: steps that reached the send'),
  queued: count('Due now or being sent'),
  deferred: count('Held until a later time (quiet hours, frequency cap, retry backoff)'),
  sent: count('Accepted by the provider (delivered included)'),
  delivered: count('Delivered'),
  opened: count('Opened'),
  clicked: count('Clicked'),
  unsubscribed: count('Unsubscribed through this message'),
  failed: count('Failed permanently'),
  skipped: count('Skipped by the policy gate (blocked, no consent, suppressed, no address)'),
  cancelled: count('Cancelled'),
});

/** The goal's conversions. */
const GoalAnalyticsView = z.object({
  entered: count('Runs on this version'),
  converted: count('Runs on this version that converted'),
  conversionRate: z.number().min(0).max(1).meta({ description: 'converted / entered, to four decimals' }),
  bySendNode: z.array(z.object({ nodeId: z.string(), conversions: count('Conversions whose last message this node sent') })),
  unattributed: count('Conversions with no message of this version before them'),
});

/** What GET /journeys/:id/analytics answers. */
export const JourneyAnalyticsResponse = z
  .object({
    data: z.object({
      journeyId: z.uuid(),
      version: z.object({ number: z.number().int().min(1), id: z.uuid(), publishedAt: time, current: z.boolean() }),
      versions: z.array(z.number().int().min(1)).meta({ description: 'Every published version number, ascending' }),
      asOf: time,
      totals: z.object({
        entered: count('Runs on this version (a run moved by a migration map counts in the version it moved to)'),
        active: count('Open runs'),
        completed: count('Runs that completed'),
        exited: count('Runs that exited'),
        failed: count('Runs that failed'),
      }),
      nodes: z.array(NodeAnalyticsView).meta({ description: 'Every node of the version, in definition order' }),
      edges: z.array(EdgeAnalyticsView),
      sends: z.array(SendAnalyticsView),
      goal: GoalAnalyticsView.nullable().meta({ description: 'null when the version has no goal' }),
    }),
  })
  .meta({ id: 'JourneyAnalytics' });

/** A run in a list. */
const RunSummaryFields = {
  id: z.uuid(),
  journeyId: z.uuid(),
  journeyName: z.string(),
  version: z.number().int().meta({ description: 'The version number the run is on' }),
  customerId: z.uuid(),
  state: z.enum(RUN_STATES),
  nodeId: z.string().meta({ description: 'The node the run is at (or ended at)' }),
  visit: z.number().int().meta({ description: 'The visit number of that node (1 on first arrival)' }),
  entryKey: z.string().nullable(),
  dueAt: time.nullable().meta({ description: 'When the runner looks at the run next; null when nothing is scheduled' }),
  steps: z.number().int(),
  enteredAt: time,
  endedAt: time.nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  convertedAt: time.nullable(),
  updatedAt: time,
};
const RunSummaryView = z.object(RunSummaryFields).meta({ id: 'JourneyRun' });

/** The ledger row of a send step. */
const StepMessageView = z.object({
  id: z.uuid().meta({ description: 'The ledger row id, which is the Message-ID' }),
  campaignId: z.uuid(),
  channel: z.enum(['email', 'sms']),
  address: z.string().nullable(),
  state: z.enum(['pending', 'sending', 'sent', 'delivered', 'failed', 'skipped', 'cancelled']),
  skipReason: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: time.nullable(),
  deferredReason: z.string().nullable(),
  sentAt: time.nullable(),
  deliveredAt: time.nullable(),
  openedAt: time.nullable(),
  clickedAt: time.nullable(),
  unsubscribedAt: time.nullable(),
});

/** One step of a run's log. */
const StepView = z.object({
  id: z.uuid().meta({ description: 'The step id (the webhook-id of a webhook node)' }),
  nodeId: z.string(),
  version: z.number().int(),
  kind: z.string().meta({ description: 'The node type' }),
  visit: z.number().int(),
  status: z.enum(['started', 'waiting', 'done', 'failed']),
  startedAt: time,
  finishedAt: time.nullable(),
  nextNodeId: z.string().nullable(),
  detail: jsonObject.meta({ description: 'What the step did: why it branched, what it sent, why it waits or failed' }),
  message: StepMessageView.nullable().meta({ description: 'The message a send step enqueued (null for other steps)' }),
});

/** What GET /journeys/:id/runs/:runId answers. */
export const JourneyRunResponse = z
  .object({
    data: z.object({
      ...RunSummaryFields,
      trigger: z.object({
        kind: z.string(),
        eventId: z.string().nullable(),
        name: z.string(),
        properties: jsonObject,
        occurredAt: time.nullable(),
      }),
      waitingFor: z
        .object({
          event: z.string(),
          where: z.unknown().meta({ description: 'Conditions on the awaited event (the rule language), null for none' }),
          match: z.object({ property: z.string(), value: z.unknown() }).nullable(),
        })
        .nullable(),
      context: jsonObject,
      lastMessageId: z.uuid().nullable(),
      convertedMessageId: z.uuid().nullable(),
      pausedDueAt: time.nullable(),
      migration: z
        .object({ version: z.number().int(), nodeId: z.string().nullable().meta({ description: 'null: the run exits' }) })
        .nullable()
        .meta({ description: 'A move that a publish with a migration map holds for the next step of the run' }),
      stepLog: z.array(StepView).meta({ description: 'The latest 500 steps, oldest first' }),
      stepsOmitted: z.number().int().min(0).meta({ description: 'Earlier steps not shown' }),
    }),
  })
  .meta({ id: 'JourneyRunDetail' });

/** A page of runs. */
export const JourneyRunListResponse = z.object({ data: z.array(RunSummaryView), pagination: PaginationView }).meta({ id: 'JourneyRunList' });
