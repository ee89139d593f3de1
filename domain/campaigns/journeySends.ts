import type { Knex } from 'knex';
import { readMessagingSettings, type MessagingSettings } from '../messaging/settings';
import { ADDRESS_COLUMN, skipReasonSql } from './audience';
import type { ClaimedRecipient, Settlement } from './ledger';
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
 * Messages of one send node go in batches, as the campaign sender's pages do: one statement
 * creates (or reclaims) the batch's ledger rows and the policy is applied to the batch at once;
 * the provider calls are handed back to the caller (the runner), which schedules them within its
 * limits and writes their settlements with the steps, many in one statement.
 */

/** What became of a journey step's message. `settlement` is the ledger row's outcome, to be written in the caller's transaction (with the step). */
export type JourneySendOutcome =
  | { state: 'sent'; ledgerId: string; settlement?: Settlement }
  | { state: 'held'; ledgerId: string; until: Date; reason: string; settlement?: Settlement }
  | { state: 'failed'; ledgerId: string | null; error: string; settlement?: Settlement }
  | { state: 'skipped'; ledgerId: string; reason: string };

/** A prepared message: its outcome already (skipped, held, settled earlier), or the provider call still to make. */
export type PreparedMessage = { outcome: JourneySendOutcome } | { send: () => Promise<JourneySendOutcome> };

/** One journey message to send: the run's customer, the step, and the template's extra scope. */
export interface JourneyMessage {
  customerId: string;
  stepId: string;
  /** Liquid variables besides the customer: `event` (the trigger's properties) and `journey`. */
  scope: Record<string, unknown>;
}

/** A ledger row as the journey sender reads it back, with its customer row. */
type LedgerRead = {
  id: string;
  journey_step_id: string;
  state: string;
  skip_reason: string | null;
  next_attempt_at: Date | null;
  deferred_reason: string | null;
  error: string | null;
};

/** A claimed row and its customer, shaped as the campaign sender's claims are, with its step. */
type JourneyClaim = ClaimedRecipient & { stepId: string; state: string; skipReason: string | null };

/** The claimed row and its customer, from a row of {@link claimJourneyRows}'s statements. */
function toClaimed(row: Record<string, unknown>): JourneyClaim {
  const { ledger_id, ledger_address, ledger_attempts, ledger_state, ledger_skip_reason, ledger_step_id, ...customer } = row;
  return {
    ledgerId: ledger_id as string,
    stepId: ledger_step_id as string,
    address: ledger_address as string,
    attempts: ledger_attempts as number,
    state: ledger_state as string,
    skipReason: ledger_skip_reason as string | null,
    customer: customer as unknown as ClaimedRecipient['customer'],
  };
}

/**
 * Creates the steps' ledger rows in one statement, each claimed (`sending`) or `skipped` with the
 * reason a campaign audience would give; for steps whose row an earlier attempt created, claims
 * it again when it is still unsent and due (a `sending` row is an orphan of a crashed attempt:
 * the runs' lease makes this the only sender). Answers the claims by step id; a step without one
 * has a row that is settled or not due (or no customer).
 */
async function claimJourneyRows(db: Knex, campaign: CampaignRow, tenantId: string, messages: JourneyMessage[], now: Date): Promise<Map<string, JourneyClaim>> {
  const channel = campaign.channel;
  // The customer ids also as an array (here and in the insert): the customers are read by primary
  // key even when the table's statistics lag behind a bulk load.
  const customerIds = [...new Set(messages.map((m) => m.customerId))];
  const returning = `SELECT x.id AS ledger_id, x.journey_step_id AS ledger_step_id, x.address AS ledger_address, x.attempts AS ledger_attempts,
                            x.state AS ledger_state, x.skip_reason AS ledger_skip_reason, c.*
                       FROM x JOIN customers c ON c.id = x.customer_id WHERE c.id = ANY(?::uuid[])`;
  const inserted = await db.raw(
    `WITH x AS (
       INSERT INTO campaign_recipients (tenant_id, campaign_id, customer_id, channel, address, state, skip_reason, claimed_at, journey_step_id)
       SELECT c.tenant_id, ?, c.id, ?, c.${ADDRESS_COLUMN[channel]}, CASE WHEN r.reason IS NULL THEN 'sending' ELSE 'skipped' END, r.reason,
              CASE WHEN r.reason IS NULL THEN ?::timestamptz END, m.step_id
         FROM jsonb_to_recordset(?::jsonb) AS m(step_id uuid, customer_id uuid)
         JOIN customers c ON c.id = m.customer_id AND c.tenant_id = ? AND c.id = ANY(?::uuid[])
         CROSS JOIN LATERAL (SELECT ${skipReasonSql(channel)} AS reason) r
       ON CONFLICT (journey_step_id) WHERE journey_step_id IS NOT NULL DO NOTHING
       RETURNING id, journey_step_id, customer_id, address, attempts, state, skip_reason
     ) ${returning}`,
    [
      campaign.id,
      channel,
      now,
      JSON.stringify(messages.map((m) => ({ step_id: m.stepId, customer_id: m.customerId }))),
      tenantId,
      customerIds,
      channel,
      customerIds,
    ],
  );
  const claims = new Map<string, JourneyClaim>(inserted.rows.map((r: Record<string, unknown>) => [r.ledger_step_id as string, toClaimed(r)]));
  const existing = messages.filter((m) => !claims.has(m.stepId)).map((m) => m.stepId);
  if (!existing.length) return claims;
  const reclaimed = await db.raw(
    `WITH x AS (
       UPDATE campaign_recipients SET state = 'sending', claimed_at = ?
        WHERE journey_step_id = ANY(?::uuid[]) AND (state = 'sending' OR (state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)))
       RETURNING id, journey_step_id, customer_id, address, attempts, state, skip_reason
     ) ${returning}`,
    [now, existing, now, customerIds],
  );
  for (const r of reclaimed.rows as Array<Record<string, unknown>>) claims.set(r.ledger_step_id as string, toClaimed(r));
  return claims;
}

/** The outcome a settled or deferred ledger row stands for, when the step finds it on resuming. */
function outcomeOfRow(row: LedgerRead): JourneySendOutcome {
  if (row.state === 'sent' || row.state === 'delivered') return { state: 'sent', ledgerId: row.id };
  if (row.state === 'skipped') return { state: 'skipped', ledgerId: row.id, reason: row.skip_reason ?? 'skipped' };
  if (row.state === 'pending' && row.next_attempt_at)
    return { state: 'held', ledgerId: row.id, until: new Date(row.next_attempt_at), reason: row.deferred_reason ?? 'deferred' };
  return { state: 'failed', ledgerId: row.id, error: row.error ?? row.state };
}

/** The outcome of one sent (or attempted) message, from its settlement. */
function outcomeOfSettlement(ledgerId: string, s: Settlement): JourneySendOutcome {
  if (s.state === 'sent') return { state: 'sent', ledgerId, settlement: s };
  if (s.state === 'pending')
    return { state: 'held', ledgerId, until: new Date(s.nextAttemptAt!), reason: `retry: ${s.error ?? 'transient failure'}`, settlement: s };
  return { state: 'failed', ledgerId, error: s.error ?? 'failed', settlement: s };
}

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
   * Prepares (or resumes) a batch of one send node's messages at `now` (one hidden campaign, one
   * tenant): skipped customers are settled by the claim, policy holds defer rows to when they may
   * go, rows settled earlier answer what they were; each of the rest comes back as a `send` that
   * renders the message with its scope and calls the provider (it never rejects). The outcome's
   * `settlement` must be written with the step.
   */
  async function prepareJourneyMessages(tenantId: string, campaignId: string, batch: JourneyMessage[], now: Date): Promise<Map<string, PreparedMessage>> {
    const out = new Map<string, PreparedMessage>();
    const campaign = await campaignOf(tenantId, campaignId);
    if (!campaign) {
      for (const m of batch) out.set(m.stepId, { outcome: { state: 'failed', ledgerId: null, error: 'the send node has no campaign' } });
      return out;
    }
    const claims = await claimJourneyRows(db, campaign, tenantId, batch, now);
    const unclaimed = batch.filter((m) => !claims.has(m.stepId)).map((m) => m.stepId);
    if (unclaimed.length) {
      const rows: LedgerRead[] = await db('campaign_recipients').whereIn('journey_step_id', unclaimed);
      for (const row of rows) out.set(row.journey_step_id, { outcome: outcomeOfRow(row) });
      for (const id of unclaimed) if (!out.has(id)) out.set(id, { outcome: { state: 'failed', ledgerId: null, error: 'customer not found' } });
    }
    const toSend: JourneyClaim[] = [];
    for (const claim of claims.values()) {
      if (claim.state === 'skipped') out.set(claim.stepId, { outcome: { state: 'skipped', ledgerId: claim.ledgerId, reason: claim.skipReason ?? 'skipped' } });
      else toSend.push(claim);
    }
    if (!toSend.length) return out;
    const tenant = await settingsOf(tenantId);
    const defaults = { hours: tenant.communicationHours ?? DEFAULT_COMMUNICATION_HOURS, timezone: tenant.timezone ?? null };
    const holds = await holdsForPage(db, campaign, toSend, now, defaults);
    const scopes = new Map(batch.map((m) => [m.stepId, m.scope]));
    for (const claim of toSend) {
      const hold = holds.get(claim.ledgerId);
      if (hold) {
        const settlement: Settlement = {
          id: claim.ledgerId,
          state: 'pending',
          attempted: false,
          nextAttemptAt: hold.at.toISOString(),
          deferredReason: hold.reason,
        };
        out.set(claim.stepId, { outcome: { state: 'held', ledgerId: claim.ledgerId, until: hold.at, reason: hold.reason, settlement } });
      } else {
        const send = async () =>
          outcomeOfSettlement(claim.ledgerId, await sendCampaignMessage(messages, campaign, claim, tenant.fromEmail, scopes.get(claim.stepId)));
        out.set(claim.stepId, { send });
      }
    }
    return out;
  }

  return { prepareJourneyMessages, settingsOf };
}

/** A worker's journey sender. */
export type JourneySender = ReturnType<typeof createJourneySender>;
