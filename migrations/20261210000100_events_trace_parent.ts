import type { Knex } from 'knex';

/**
 * `events.trace_parent`: the W3C traceparent of the request that wrote the event, when tracing
 * is on (telemetry/traceContext.ts), so the webhook deliveries and journey sends the event causes
 * later, in the worker's untraced polling loops, join that request's trace. Nullable and without
 * a default: adding it rewrites nothing.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events ADD COLUMN trace_parent text');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE events DROP COLUMN trace_parent');
}
