import type { Knex } from 'knex';
import { readMessagingSettings, type MessagingSettings } from '../messaging/settings';
import { ADDRESS_COLUMN, skipReasonSql } from './audience';
import { settleRecipients, type ClaimedRecipient, type Settlement } from './ledger';
import { sendCampaignMessage, type MessageDeps } from './messages';
import { DEFAULT_COMMUNICATION_HOURS, holdsForPage } from './policy';
import { findCampaignRow } from './sending';
import type { CampaignRow } from './types';

/**
 * Journey messages (issue 17): a send node's message to one run's customer goes through the
 * campaign machinery of the node's hidden campaign (kind `journey`). Its ledger row is keyed by
 * the journey step (`journey_step_id`), so each visit of a send node is one row, created — already
 * claimed — before the provider call; after a crash the same step finds the row and sends it again
 * with the same id (Message-ID) unless it was settled. Skip reasons, the policy gate (quiet hours,
 * frequency cap across campaigns), rendering and the channels are the campaign sender's own.
 */

/** What became of a journey step's message. `settle` writes the ledger row's outcome in the caller's transaction (with the step). */
export type JourneySendOutcome =
  | { state: 'sent'; ledgerId: string; settle?: (trx: Knex) => Promise<void> }
  | { state: 'held'; ledgerId: string; until: Date; reason: string; settle?: (trx: Knex) => Promise<void> }
  | { state: 'failed'; ledgerId: string | null; error: string; settle?: (trx: Knex) => Promise<void> }
  | { state: 'skipped'; ledgerId: string; reason: string };

/** One journey message to send: the hidden campaign, the run's customer, the step, and the template's extra scope. */
export interface JourneyMessage {
  tenantId: string;
  campaignId: string;
  customerId: string;
  stepId: string;
  /** Liquid variables besides the customer: `event` (the trigger's properties) and `journey`. */
  scope: Record<string, unknown>;
}

/** A ledger row as the journey sender reads it back, with its customer row. */
type LedgerRead = { id: string; state: string; skip_reason: string | null; next_attempt_at: Date | null; deferred_reason: string | null; error: string | null };

/** The claimed row and its customer, shaped as the campaign sender's claims are. */
function toClaimed(row: Record<string, unknown>): ClaimedRecipient & { state: string; skipReason: string | null } {
  const { ledger_id, ledger_address, ledger_attempts, ledger_state, ledger_skip_reason, ...customer } = row;
  return {
    ledgerId: ledger_id as string,
    address: ledger_address as string,
    attempts: ledger_attempts as number,
    state: ledger_state as string,
    skipReason: ledger_skip_reason as string | null,
    customer: customer as unknown as ClaimedRecipient['customer'],
  };
}

/**
 * Creates the step's ledger row, claimed (`sending`) or `skipped` with the reason a campaign
 * audience would give, or claims the row an earlier attempt created when it is still unsent and
 * due (a `sending` row is an orphan of a crashed attempt: the run's lease makes this the only
 * sender). Returns the claim, or undefined when the row exists but is settled or not due.
 */
async function claimJourneyRow(db: Knex, campaign: CampaignRow, m: JourneyMessage, now: Date) {
  const channel = campaign.channel;
  const returning = `SELECT x.id AS ledger_id, x.address AS ledger_address, x.attempts AS ledger_attempts, x.state AS ledger_state,
                            x.skip_reason AS ledger_skip_reason, c.* FROM x JOIN customers c ON c.id = x.customer_id`;
  const inserted = await db.raw(
    `WITH x AS (
       INSERT INTO campaign_recipients (tenant_id, campaign_id, customer_id, channel, address, state, skip_reason, claimed_at, journey_step_id)
       SELECT c.tenant_id, ?, c.id, ?, c.${ADDRESS_COLUMN[channel]}, CASE WHEN r.reason IS NULL THEN 'sending' ELSE 'skipped' END, r.reason,
              CASE WHEN r.reason IS NULL THEN ?::timestamptz END, ?
         FROM customers c CROSS JOIN LATERAL (SELECT ${skipReasonSql(channel)} AS reason) r
        WHERE c.tenant_id = ? AND c.id = ?
       ON CONFLICT (journey_step_id) WHERE journey_step_id IS NOT NULL DO NOTHING
       RETURNING id, customer_id, address, attempts, state, skip_reason
     ) ${returning}`,
    [campaign.id, channel, now, m.stepId, channel, m.tenantId, m.customerId],
  );
  if (inserted.rows.length) return toClaimed(inserted.rows[0]);
  const reclaimed = await db.raw(
    `WITH x AS (
       UPDATE campaign_recipients SET state = 'sending', claimed_at = ?
        WHERE journey_step_id = ? AND (state = 'sending' OR (state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)))
       RETURNING id, customer_id, address, attempts, state, skip_reason
     ) ${returning}`,
    [now, m.stepId, now],
  );
  return reclaimed.rows.length ? toClaimed(reclaimed.rows[0]) : undefined;
}

/** The outcome a settled or deferred ledger row stands for, when the step finds it on resuming. */
function outcomeOfRow(row: LedgerRead): JourneySendOutcome {
  if (row.state === 'sent' || row.state === 'delivered') return { state: 'sent', ledgerId: row.id };
  if (row.state === 'skipped') return { state: 'skipped', ledgerId: row.id, reason: row.skip_reason ?? 'skipped' };
  if (row.state === 'pending' && row.next_attempt_at)
    return { state: 'held', ledgerId: row.id, until: new Date(row.next_attempt_at), reason: row.deferred_reason ?? 'deferred' };
  return { state: 'failed', ledgerId: row.id, error: row.error ?? row.state };
}

/** The settlement of one row, written in the caller's transaction. */
const settling = (s: Settlement, now: Date) => (trx: Knex) => settleRecipients(trx, [s], now);

/**
 * The worker's journey sender: hidden campaigns (immutable once published) and tenants'
 * messaging settings (for a few seconds) are cached; templates are parsed once per campaign.
 */
export function createJourneySender(deps: { db: Knex; messages: MessageDeps }) {
  const { db, messages } = deps;
  const campaigns = new Map<string, CampaignRow>();
  const settings = new Map<string, { at: number; value: MessagingSettings }>();

  /** A hidden campaign's row (read once: it does not change after its version is published). */
  async function campaignOf(tenantId: string, id: string): Promise<CampaignRow | undefined> {
    const known = campaigns.get(id);
    if (known) return known;
    const row = await findCampaignRow(db, tenantId, id);
    if (row) {
      if (campaigns.size > 5000) campaigns.clear();
      campaigns.set(id, row);
    }
    return row;
  }

  /** The tenant's messaging settings, read at most every five seconds. */
  async function settingsOf(tenantId: string): Promise<MessagingSettings> {
    const known = settings.get(tenantId);
    if (known && Date.now() - known.at < 5000) return known.value;
    const value = await readMessagingSettings(db, tenantId);
    if (settings.size > 5000) settings.clear();
    settings.set(tenantId, { at: Date.now(), value });
    return value;
  }

  /**
   * Sends (or resumes) one journey step's message at `now`: skipped customers are settled by the
   * claim; a policy hold defers the row to when it may go; otherwise it is rendered with the
   * extra scope and sent. The outcome's `settle` must be written with the step.
   */
  async function sendJourneyMessage(m: JourneyMessage, now: Date): Promise<JourneySendOutcome> {
    const campaign = await campaignOf(m.tenantId, m.campaignId);
    if (!campaign) return { state: 'failed', ledgerId: null, error: 'the send node has no campaign' };
    const claimed = await claimJourneyRow(db, campaign, m, now);
    if (!claimed) {
      const row: LedgerRead | undefined = await db('campaign_recipients').where({ journey_step_id: m.stepId }).first();
      return row ? outcomeOfRow(row) : { state: 'failed', ledgerId: null, error: 'customer not found' };
    }
    if (claimed.state === 'skipped') return { state: 'skipped', ledgerId: claimed.ledgerId, reason: claimed.skipReason ?? 'skipped' };
    const tenant = await settingsOf(m.tenantId);
    const defaults = { hours: tenant.communicationHours ?? DEFAULT_COMMUNICATION_HOURS, timezone: tenant.timezone ?? null };
    const hold = (await holdsForPage(db, campaign, [claimed], now, defaults)).get(claimed.ledgerId);
    if (hold) {
      const s: Settlement = { id: claimed.ledgerId, state: 'pending', attempted: false, nextAttemptAt: hold.at.toISOString(), deferredReason: hold.reason };
      return { state: 'held', ledgerId: claimed.ledgerId, until: hold.at, reason: hold.reason, settle: settling(s, now) };
    }
    const s = await sendCampaignMessage(messages, campaign, claimed, tenant.fromEmail, m.scope);
    if (s.state === 'sent') return { state: 'sent', ledgerId: claimed.ledgerId, settle: settling(s, now) };
    if (s.state === 'pending')
      return {
        state: 'held',
        ledgerId: claimed.ledgerId,
        until: new Date(s.nextAttemptAt!),
        reason: `retry: ${s.error ?? 'transient failure'}`,
        settle: settling(s, now),
      };
    return { state: 'failed', ledgerId: claimed.ledgerId, error: s.error ?? 'failed', settle: settling(s, now) };
  }

  return { sendJourneyMessage, settingsOf };
}

/** A worker's journey sender. */
export type JourneySender = ReturnType<typeof createJourneySender>;
