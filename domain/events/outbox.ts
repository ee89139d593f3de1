import type { Knex } from 'knex';
import type { SqlStatement } from '../../db/prepared';
import type { CommandContext } from '../shared/context';
import { currentTraceParent } from '../../lib/traceContext';
import type { EventData, EventType } from './catalogue';

export type { EventData, EventType };

/** What an event is about; the relay and the delivery log show it. */
export type SubjectType = 'customer' | 'customer_event' | 'order' | 'segment' | 'import' | 'campaign' | 'webhook_endpoint' | 'journey' | 'conversation';

/**
 * One domain change of type T, as written to the outbox. `data` is what webhooks deliver: its
 * shape is the type's schema in catalogue.ts, so the type picks what the emitter must give.
 */
export interface OutboxEventOf<T extends EventType> {
  type: T;
  subjectType: SubjectType;
  subjectId: string;
  data: EventData<T>;
}

/** Any outbox event, told apart by `type`. */
export type OutboxEvent = { [T in EventType]: OutboxEventOf<T> }[EventType];

/** Who an event is attributed to, when it is not a request's principal (system work, webhook engine). */
export interface EventEnvelope {
  tenantId: string;
  actor: { type: string; id: string | null };
  requestId?: string | null;
}

const envelopeOf = (ctx: CommandContext): EventEnvelope => ({
  tenantId: ctx.principal.tenantId,
  actor: { type: ctx.principal.actorType, id: ctx.principal.actorId },
  requestId: ctx.requestId ?? null,
});

/** An events row as the outbox writes it (the columns it does not name take their defaults). */
interface EventRow {
  tenant_id: string;
  type: EventType;
  subject_type: SubjectType;
  subject_id: string;
  /** The JSON text of `{ data, actor, requestId }`. */
  payload: string;
  /** The writing request's trace, for the deliveries and sends the event causes later (telemetry/traceContext.ts). */
  trace_parent: string | null;
}

function rowOf<T extends EventType>(envelope: EventEnvelope, event: OutboxEventOf<T>): EventRow {
  return {
    tenant_id: envelope.tenantId,
    type: event.type,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    payload: JSON.stringify({ data: event.data, actor: envelope.actor, requestId: envelope.requestId ?? null }),
    trace_parent: currentTraceParent(),
  };
}

/**
 * The INSERT of one event as a statement not yet run, for a writer that sends it in one statement
 * with its own change (data-modifying CTEs): the events table's row shape stays defined here. Plain
 * SQL rather than a knex builder: it is part of every POST /customers, and compiling a builder cost
 * more than the rest of this function (docs/benchmarks-history.md, customers-api, issue 15).
 */
export function eventInsert<T extends EventType>(ctx: CommandContext, event: OutboxEventOf<T>): SqlStatement {
  const row = rowOf(envelopeOf(ctx), event);
  return {
    sql: 'INSERT INTO events (tenant_id, type, subject_type, subject_id, payload, trace_parent) VALUES (?, ?, ?, ?, ?, ?)',
    bindings: [row.tenant_id, row.type, row.subject_type, row.subject_id, row.payload, row.trace_parent],
  };
}

/**
 * Appends an event in the caller's transaction: the change and its event commit together or not
 * at all, so a relay reading committed events never misses one and never sees a phantom.
 */
export async function appendEvent<T extends EventType>(trx: Knex, ctx: CommandContext, event: OutboxEventOf<T>): Promise<void> {
  await trx('events').insert(rowOf(envelopeOf(ctx), event));
}

/** Appends many events of one command in the caller's transaction, 1,000 rows a statement. */
export async function appendEvents(trx: Knex, ctx: CommandContext, events: OutboxEvent[]): Promise<void> {
  const envelope = envelopeOf(ctx);
  for (let i = 0; i < events.length; i += 1000) await trx('events').insert(events.slice(i, i + 1000).map((e) => rowOf(envelope, e)));
}

/**
 * Appends an event attributed to `envelope` (the system, or the webhook engine acting for a
 * principal) and answers its id and time, for callers that refer to the event (a test delivery).
 */
export async function appendEventAs<T extends EventType>(
  trx: Knex,
  envelope: EventEnvelope,
  event: OutboxEventOf<T>,
): Promise<{ id: string; created_at: Date }> {
  const [row] = await trx('events').insert(rowOf(envelope, event)).returning(['id', 'created_at']);
  return row as { id: string; created_at: Date };
}

/**
 * SQL that inserts one system event of type T per row of `from` (a CTE name or subquery), for
 * set-based statements that change many rows at once (segment refreshes). Each part is an SQL
 * expression evaluated per row; `data` is best built with sqlEventData so it follows the schema.
 */
export function sqlInsertEvents<T extends EventType>(
  type: T,
  parts: { tenantId: string; subjectType: SubjectType; subjectId: string; data: string; from: string },
): string {
  return `INSERT INTO events (tenant_id, type, subject_type, subject_id, payload)
       SELECT ${parts.tenantId}, '${type}', '${parts.subjectType}', ${parts.subjectId},
              jsonb_build_object('data', ${parts.data}, 'actor', jsonb_build_object('type', 'system', 'id', null), 'requestId', null)
       FROM ${parts.from}`;
}

/**
 * A `jsonb_build_object(…)` SQL expression for the data of an event of type T, for emitters that
 * write events in SQL: `fields` names every field of the type's data with the SQL expression that
 * gives it, so a field added to or renamed in the schema fails the type check here too.
 */
export function sqlEventData<T extends EventType>(_type: T, fields: { [K in keyof EventData<T>]-?: string }): string {
  return `jsonb_build_object(${Object.entries(fields as Record<string, string>)
    .map(([key, sql]) => `'${key}', ${sql}`)
    .join(', ')})`;
}
