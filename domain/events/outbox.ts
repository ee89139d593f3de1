import type { Knex } from 'knex';
import type { CommandContext } from '../shared/context';
import type { EventData, EventType } from './catalogue';

export type { EventData, EventType };

/** What an event is about; the relay and the delivery log show it. */
export type SubjectType = 'customer' | 'order' | 'segment' | 'import' | 'campaign' | 'webhook_endpoint';

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

/** The events row of an event: what appendEvent inserts, for callers that batch it into one statement. */
export function eventRow<T extends EventType>(ctx: CommandContext, event: OutboxEventOf<T>): Record<string, unknown> {
  return {
    tenant_id: ctx.principal.tenantId,
    type: event.type,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    payload: JSON.stringify({ data: event.data, actor: { type: ctx.principal.actorType, id: ctx.principal.actorId }, requestId: ctx.requestId ?? null }),
  };
}

/**
 * Appends an event in the caller's transaction: the change and its event commit together or not
 * at all, so a relay reading committed events never misses one and never sees a phantom.
 */
export async function appendEvent<T extends EventType>(trx: Knex, ctx: CommandContext, event: OutboxEventOf<T>): Promise<void> {
  await trx('events').insert(eventRow(ctx, event));
}

/**
 * The `INSERT INTO events … <select>` of emitters that write their events in SQL, in the same
 * statement as the change (a segment refresh): `select` yields tenant_id, type, subject_type,
 * subject_id and payload, in that order (build the payload's data with sqlEventData).
 */
export function insertEventsSql(select: string): string {
  return `INSERT INTO events (tenant_id, type, subject_type, subject_id, payload) ${select}`;
}

/**
 * A `jsonb_build_object(…)` SQL expression for the data of an event of type T, for emitters that
 * write events in SQL: `fields` names every field of the type's data with the SQL expression that
 * gives it, so a field added to or renamed in the schema fails the type check here too.
 */
export function sqlEventData<T extends EventType>(_type: T, fields: { [K in keyof EventData<T>]-?: string }): string {
  return `jsonb_build_object(${Object.entries(fields as Record<string, string>).map(([key, sql]) => `'${key}', ${sql}`).join(', ')})`;
}
