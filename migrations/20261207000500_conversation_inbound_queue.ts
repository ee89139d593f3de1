import type { Knex } from 'knex';

/**
 * The inbound webhook's queue (issue 18, "answers fast"): Twilio's route verifies the signature and
 * stores the raw form parameters here in one statement; the worker's inbound processor
 * (domain/conversations/inboundProcessor.ts) turns them into customers, threads, messages,
 * statistics and events, and deletes each row in the transaction that applied it.
 *
 * - `to_number` is `To` without `whatsapp:`: the tenant is resolved at processing, from the
 *   tenants' `inboundNumbers` as they are then (no cache in the API to go stale).
 * - `sender` is `From` without `whatsapp:`: one sender's rows are processed in `seq` order, one
 *   worker at a time (`conversation_inbound_queue_sender`, read by the claim).
 * - `message_sid` is unique: Twilio's retry of a message still queued is dropped by the insert's
 *   `ON CONFLICT DO NOTHING` (after processing, the message's own unique `provider_id` dedupes).
 * - `attempts`, `last_error`, `retry_at`: a row whose processing failed waits `retry_at`;
 *   after the processor's last attempt it gets `failed_at` and is kept for an operator (the
 *   claim skips it, so it holds nothing back).
 *
 * No tenant foreign key: a row belongs to a tenant only once processed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE conversation_inbound_queue (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      message_sid text,
      to_number text NOT NULL,
      sender text NOT NULL,
      params jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      retry_at timestamptz,
      last_error text,
      failed_at timestamptz
    )`);
  await knex.raw('CREATE UNIQUE INDEX conversation_inbound_queue_sid ON conversation_inbound_queue (message_sid)');
  await knex.raw('CREATE INDEX conversation_inbound_queue_sender ON conversation_inbound_queue (sender, seq) WHERE failed_at IS NULL');
}

/** Drops the queue (rows not yet processed are lost: drain it first). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE conversation_inbound_queue');
}
