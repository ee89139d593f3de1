import type { Knex } from 'knex';
import { runPrepared } from '../../db/prepared';
import type { TwilioInbound } from './inbound';

/**
 * The inbound queue (`conversation_inbound_queue`, migration 20261207000500): what Twilio posted,
 * stored by the webhook in one statement and applied later by the worker's inbound processor.
 * This file is the table's only writer.
 */

/** One queued inbound message, as the processor claims it. */
export interface QueuedInbound {
  seq: number;
  params: TwilioInbound;
  toNumber: string;
  sender: string;
  /** When the webhook stored it: the message's time on its thread. */
  receivedAt: Date;
  attempts: number;
}

/** Characters PostgreSQL cannot store in text or jsonb (NUL, lone surrogates): replaced, never a 500 Twilio would retry. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be matched
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const storable = (s: string) => s.replace(UNSTORABLE, '\ufffd');
/** A Twilio address without the `whatsapp:` channel prefix. */
export const bareAddress = (address: string) => address.replace(/^whatsapp:/, '');

const ENQUEUE = `INSERT INTO conversation_inbound_queue (message_sid, to_number, sender, params) VALUES (?, ?, ?, ?)
  ON CONFLICT (message_sid) DO NOTHING`;

/**
 * Stores one inbound message for processing (one prepared statement). A MessageSid already queued
 * (Twilio retrying before the worker got to it) is dropped by the unique index; answers whether a
 * row was added.
 */
export async function enqueueInbound(db: Knex, params: TwilioInbound): Promise<boolean> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) clean[storable(key)] = storable(value);
  const rows = await runPrepared<{ seq: string }>(db, `${ENQUEUE} RETURNING seq`, [
    clean.MessageSid || null,
    bareAddress(clean.To ?? ''),
    bareAddress(clean.From ?? ''),
    JSON.stringify(clean),
  ]);
  return rows.length > 0;
}

/**
 * Locks up to `limit` of the oldest queued messages that are due (skipping rows another processor
 * holds) and answers, in queue order, those this transaction may apply: a row whose sender has an
 * older row still queued outside this batch (held by another processor, or waiting for a retry)
 * waits, so one sender's messages are applied in arrival order and by one processor at a time.
 * The locks last until the caller's transaction ends; rows it does not delete stay queued.
 */
export async function claimInbound(trx: Knex.Transaction, limit: number): Promise<QueuedInbound[]> {
  const { rows } = await trx.raw<{
    rows: Array<{ seq: string; params: TwilioInbound; to_number: string; sender: string; received_at: Date; attempts: number }>;
  }>(
    `WITH locked AS (
       SELECT seq, sender FROM conversation_inbound_queue
       WHERE failed_at IS NULL AND (retry_at IS NULL OR retry_at <= now())
       ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED
     )
     SELECT q.seq, q.params, q.to_number, q.sender, q.received_at, q.attempts
     FROM conversation_inbound_queue q JOIN locked l ON l.seq = q.seq
     WHERE NOT EXISTS (
       SELECT 1 FROM conversation_inbound_queue e
       WHERE e.sender = l.sender AND e.seq < l.seq AND e.failed_at IS NULL AND e.seq NOT IN (SELECT seq FROM locked))
     ORDER BY q.seq`,
    [limit],
  );
  return rows.map((r) => ({ seq: Number(r.seq), params: r.params, toNumber: r.to_number, sender: r.sender, receivedAt: r.received_at, attempts: r.attempts }));
}

/** Removes applied rows, in the transaction that applied them. */
export async function deleteInbound(trx: Knex.Transaction, seqs: number[]): Promise<void> {
  if (seqs.length) await trx('conversation_inbound_queue').whereIn('seq', seqs).delete();
}

/**
 * Records a failed attempt: the row waits `retryMs` before it is claimed again, or, at its last
 * attempt, is kept as failed (`failed_at`) for an operator and no longer holds its sender back.
 * The error is stored as its message only (it stays in the database, never in an answer).
 */
export async function failInbound(trx: Knex.Transaction, row: QueuedInbound, error: string, retryMs: number, lastAttempt: boolean): Promise<void> {
  await trx('conversation_inbound_queue')
    .where({ seq: row.seq })
    .update({
      attempts: row.attempts + 1,
      last_error: storable(error).slice(0, 2000),
      retry_at: trx.raw('now() + make_interval(secs => ?)', [retryMs / 1000]),
      failed_at: lastAttempt ? trx.fn.now() : null,
    });
}
