import type { Knex } from 'knex';
import type { SqlStatement } from '../../db/prepared';
import { campaignMessages } from '../../lib/metrics';
import type { CustomerRow } from '../customers/rows';
import type { LedgerCounts } from './types';

/** A claimed recipient: the ledger row and the customer row it addresses. */
export interface ClaimedRecipient {
  ledgerId: string;
  address: string;
  attempts: number;
  /** The A/B variant this recipient gets (null: the campaign's own message). */
  variant?: string | null;
  customer: CustomerRow;
}

/**
 * How long a claim is left to the attempt that made it before another attempt may take it back.
 * Temporal starts a new attempt when the last one missed its heartbeat, which does not mean that
 * one is dead: a worker starved of CPU misses heartbeats and keeps sending, and stops only when
 * its next heartbeat tells it the attempt was cancelled (sendCampaignPages' signal). Releasing its
 * fresh claims at once would send those messages twice; releasing only claims older than this
 * (four heartbeat timeouts) leaves it the time to finish or stop.
 */
export const ORPHAN_CLAIM_AFTER_MS = 20_000;

/**
 * Rows left in `sending` by an attempt that died (worker killed between claim and settle) go back
 * to `pending` once their claim is older than {@link ORPHAN_CLAIM_AFTER_MS}. Only the campaign's
 * single workflow sends for it, one activity at a time, so an old claim is an orphan. Re-sent,
 * each keeps its id and thus its Message-ID; there are at most one page of them per dead attempt.
 */
export async function releaseOrphanedClaims(db: Knex, campaignId: string, now: Date): Promise<number> {
  return db('campaign_recipients')
    .where({ campaign_id: campaignId, state: 'sending' })
    .where('claimed_at', '<', new Date(now.getTime() - ORPHAN_CLAIM_AFTER_MS))
    .update({ state: 'pending' });
}

/**
 * Claims the next page of due recipients (pending, and past any deferral) and marks them
 * `sending` with the claim time BEFORE any provider call. SKIP LOCKED keeps two claimers from
 * ever taking the same row.
 */
export async function claimDueRecipients(db: Knex, campaignId: string, now: Date, limit: number): Promise<ClaimedRecipient[]> {
  const { rows } = await db.raw(
    `WITH next AS (
       SELECT id FROM campaign_recipients
        WHERE campaign_id = ? AND state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
        ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE campaign_recipients r SET state = 'sending', claimed_at = ? FROM next WHERE r.id = next.id
       RETURNING r.id, r.customer_id, r.address, r.attempts, r.variant
     )
     SELECT claimed.id AS ledger_id, claimed.address AS ledger_address, claimed.attempts AS ledger_attempts, claimed.variant AS ledger_variant, c.*
       FROM claimed JOIN customers c ON c.id = claimed.customer_id
      ORDER BY claimed.id`,
    [campaignId, now, limit, now],
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return rows.map((r: any) => {
    const { ledger_id, ledger_address, ledger_attempts, ledger_variant, ...customer } = r;
    return { ledgerId: ledger_id, address: ledger_address, attempts: ledger_attempts, variant: ledger_variant, customer };
  });
}

/** The outcome of one claimed row. */
export interface Settlement {
  id: string;
  state: 'sent' | 'failed' | 'pending';
  providerId?: string | null;
  error?: string | null;
  errorKind?: 'permanent' | 'transient' | null;
  /** Whether this outcome used a provider attempt (deferrals by policy do not). */
  attempted: boolean;
  /** For `pending`: when to try again (retry backoff or policy deferral). */
  nextAttemptAt?: string | null;
  deferredReason?: string | null;
}

/**
 * Settles a page of claimed rows in one statement (the ids also as an array, so the rows are read
 * by primary key however stale the table's statistics: a journey burst settles small batches
 * into a ledger that grew faster than ANALYZE ran). A delivery receipt that arrived before the
 * settlement (fast providers) is kept: a sent row with delivered_at becomes `delivered`, and one
 * whose provider already reported it failed (a permanent error on a row still `sending`, only
 * written by a status callback) becomes `failed` with that error.
 */
export async function settleRecipients(db: Knex, settlements: Settlement[], now: Date): Promise<void> {
  if (!settlements.length) return;
  const statement = settleRecipientsStatement(settlements, now);
  const { rows } = await db.raw<{ rows: SettledRow[] }>(`${statement.sql} RETURNING r.id, r.channel, r.state`, statement.bindings as Knex.RawBinding[]);
  countSettled(settlements, rows);
}

/** A row the settle statement changed, as it left it. */
interface SettledRow {
  id: string;
  channel: string;
  state: string;
}

/**
 * Counts what a settle statement did to the ledger (herald_campaign_messages_total), from the
 * rows it changed: a row it skipped (no longer `sending`) is not counted, so the counter moves
 * exactly as the ledger does. `delivered` (a receipt that came first) counts as sent; rows put
 * back to pending are retries when a provider attempt failed, deferrals when policy held them,
 * and uncounted when a pause released them unsent.
 */
function countSettled(settlements: Settlement[], rows: SettledRow[]): void {
  const byId = new Map(settlements.map((s) => [s.id, s]));
  for (const row of rows) {
    const settlement = byId.get(row.id);
    const state =
      row.state === 'sent' || row.state === 'delivered'
        ? 'sent'
        : row.state === 'failed'
          ? 'failed'
          : settlement?.attempted
            ? 'retry'
            : settlement?.deferredReason
              ? 'deferred'
              : null;
    if (state) campaignMessages.inc({ channel: row.channel, state });
  }
}

/** The UPDATE of {@link settleRecipients}, for a caller that writes it in the same statement as its own rows (the journey runner). */
export function settleRecipientsStatement(settlements: Settlement[], now: Date): SqlStatement {
  return {
    sql: `UPDATE campaign_recipients r
        SET state = CASE WHEN v.state = 'sent' AND r.error_kind = 'permanent' THEN 'failed' WHEN v.state = 'sent' AND r.delivered_at IS NOT NULL THEN 'delivered' ELSE v.state END,
            provider_id = coalesce(v.provider_id, r.provider_id),
            error = CASE WHEN v.state = 'sent' AND r.error_kind = 'permanent' THEN r.error ELSE v.error END,
            error_kind = CASE WHEN v.state = 'sent' AND r.error_kind = 'permanent' THEN r.error_kind ELSE v.error_kind END,
            attempts = r.attempts + CASE WHEN v.attempted THEN 1 ELSE 0 END,
            sent_at = CASE WHEN v.state = 'sent' THEN ?::timestamptz ELSE r.sent_at END,
            next_attempt_at = v.next_attempt_at, deferred_reason = v.deferred_reason
       FROM jsonb_to_recordset(?::jsonb) AS v(id uuid, state text, provider_id text, error text, error_kind text, attempted boolean, next_attempt_at timestamptz, deferred_reason text)
      WHERE r.id = ANY(?::uuid[]) AND r.id = v.id AND r.state = 'sending'`,
    bindings: [
      now,
      JSON.stringify(
        settlements.map((s) => ({
          id: s.id,
          state: s.state,
          provider_id: s.providerId ?? null,
          error: s.error ?? null,
          error_kind: s.errorKind ?? null,
          attempted: s.attempted,
          next_attempt_at: s.nextAttemptAt ?? null,
          deferred_reason: s.deferredReason ?? null,
        })),
      ),
      settlements.map((s) => s.id),
    ],
  };
}

/** What is left of a campaign: rows still to settle, how many are due now, and the next deferral. */
export async function remainingWork(db: Knex, campaignId: string, now: Date): Promise<{ remaining: number; due: number; nextDueAt: Date | null }> {
  // A row still claimed by another attempt is not due: it comes back when its claim is an orphan.
  const orphanAt = `claimed_at + interval '${ORPHAN_CLAIM_AFTER_MS} milliseconds'`;
  const row = await db('campaign_recipients')
    .where({ campaign_id: campaignId })
    .whereIn('state', ['pending', 'sending'])
    .first(
      db.raw('count(*)::int AS remaining'),
      db.raw(`count(*) FILTER (WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?))::int AS due`, [now]),
      db.raw(
        `least(min(next_attempt_at) FILTER (WHERE state = 'pending' AND next_attempt_at > ?), min(${orphanAt}) FILTER (WHERE state = 'sending')) AS next_due_at`,
        [now],
      ),
    );
  return { remaining: row?.remaining ?? 0, due: row?.due ?? 0, nextDueAt: row?.next_due_at ? new Date(row.next_due_at) : null };
}

/** Marks every unsent row cancelled (cancel: the rest of the audience will not be messaged). */
export async function cancelUnsent(db: Knex, campaignId: string): Promise<number> {
  return db('campaign_recipients')
    .where({ campaign_id: campaignId })
    .whereIn('state', ['pending', 'sending', 'held'])
    .update({ state: 'cancelled', next_attempt_at: null });
}

/** Counts of one campaign's ledger by state, engagement and skip reason. */
export async function ledgerCounts(db: Knex, tenantId: string, campaignId: string, now = new Date()): Promise<LedgerCounts> {
  const [row] = await db('campaign_recipients')
    .where({ tenant_id: tenantId, campaign_id: campaignId })
    .select(
      db.raw('count(*)::int AS total'),
      db.raw(`count(*) FILTER (WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?))::int AS pending`, [now]),
      db.raw(`count(*) FILTER (WHERE state = 'pending' AND next_attempt_at > ?)::int AS deferred`, [now]),
      db.raw(
        `count(*) FILTER (WHERE state = 'pending' AND next_attempt_at > ? AND deferred_reason IN ('best_hour', 'segment_best_hour'))::int AS "waitingForBestHour"`,
        [now],
      ),
      ...['held', 'sending', 'sent', 'delivered', 'failed', 'skipped', 'cancelled'].map((s) => db.raw(`count(*) FILTER (WHERE state = '${s}')::int AS ${s}`)),
      db.raw('count(opened_at)::int AS opened'),
      db.raw('count(clicked_at)::int AS clicked'),
      db.raw('count(unsubscribed_at)::int AS unsubscribed'),
    );
  const reasons = await db('campaign_recipients')
    .where({ tenant_id: tenantId, campaign_id: campaignId, state: 'skipped' })
    .groupBy('skip_reason')
    .select('skip_reason', db.raw('count(*)::int AS n'));
  return { ...(row as Omit<LedgerCounts, 'skippedByReason'>), skippedByReason: Object.fromEntries(reasons.map((r) => [r.skip_reason, r.n])) };
}
