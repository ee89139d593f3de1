import type { Knex } from 'knex';
import { withdrawConsent } from '../customers/consent';
import { suppressAddress } from '../messaging/suppressions';
import type { SegmentReevaluator } from '../segments/reevaluator';
import { systemContext } from './events';
import { verifyToken, type TokenPurpose } from './tracking';

/**
 * What happens to a sent message afterwards, reported through its signed links (unsubscribe,
 * open pixel, click redirect) or by its provider (Twilio status callbacks). Each lands on the
 * message's ledger row (`campaign_recipients`); an unsubscribe also changes the customer.
 */
export function createRecipientFeedback(deps: { db: Knex; segments: SegmentReevaluator }) {
  const { db } = deps;

  /** The ledger row a token stands for, or null for a bad token or an unknown row. */
  async function rowOf(secrets: string | readonly string[], purpose: TokenPurpose, token: string, extra = '') {
    const ledgerId = verifyToken(secrets, purpose, token, extra);
    return ledgerId ? db('campaign_recipients').where({ id: ledgerId }).first() : null;
  }

  /**
   * One-click unsubscribe (RFC 8058), in one transaction: marks the ledger row, adds the address
   * to the tenant's suppression list and turns the channel's consent off (customers module).
   * Consent is a segment field, so once that has committed the customer's segments are
   * re-evaluated. Repeating it is harmless. False for a bad token.
   */
  async function unsubscribe(secrets: string | readonly string[], token: string): Promise<boolean> {
    const row = await rowOf(secrets, 'unsubscribe', token);
    if (!row) return false;
    const ctx = systemContext(row.tenant_id);
    const consentChanged = await db.transaction(async (trx) => {
      await trx('campaign_recipients').where({ id: row.id }).whereNull('unsubscribed_at').update({ unsubscribed_at: trx.fn.now() });
      if (row.address) await suppressAddress(trx, { tenantId: row.tenant_id, channel: row.channel, address: row.address, reason: 'unsubscribed' });
      return withdrawConsent(trx, ctx, { customerId: row.customer_id, channel: row.channel, campaignId: row.campaign_id });
    });
    if (consentChanged) await deps.segments.customerChanged(ctx, row.customer_id);
    return true;
  }

  return {
    unsubscribe,
    /** Records the first open of a message (tracking pixel); false for a bad token. */
    async recordOpen(secrets: string | readonly string[], token: string): Promise<boolean> {
      const row = await rowOf(secrets, 'open', token);
      if (row) await db('campaign_recipients').where({ id: row.id }).whereNull('opened_at').update({ opened_at: db.fn.now() });
      return Boolean(row);
    },
    /** Records the first click (a click implies an open) and says whether to redirect; the target is part of the signature. */
    async recordClick(secrets: string | readonly string[], token: string, target: string): Promise<boolean> {
      const row = await rowOf(secrets, 'click', token, target);
      if (row)
        await db('campaign_recipients')
          .where({ id: row.id })
          .update({ clicked_at: db.raw('coalesce(clicked_at, now())'), opened_at: db.raw('coalesce(opened_at, now())') });
      return Boolean(row);
    },
    /**
     * Applies a Twilio status callback (already signature-checked) to the ledger: `delivered`
     * marks the row delivered, `failed` and `undelivered` mark it failed permanently with Twilio's
     * error code. Either is kept when it arrives before the send is settled: on a row still
     * `sending` the failure is recorded as its error, which the settlement turns into `failed`.
     */
    async applySmsStatus(ledgerId: string, status: string, errorCode?: string): Promise<void> {
      if (status === 'delivered') {
        await db('campaign_recipients')
          .where({ id: ledgerId })
          .update({ delivered_at: db.raw('coalesce(delivered_at, now())'), state: db.raw(`CASE WHEN state = 'sent' THEN 'delivered' ELSE state END`) });
      } else if (status === 'failed' || status === 'undelivered') {
        await db('campaign_recipients')
          .where({ id: ledgerId })
          .whereIn('state', ['sending', 'sent', 'delivered'])
          .update({
            state: db.raw(`CASE WHEN state = 'sending' THEN state ELSE 'failed' END`),
            error_kind: 'permanent',
            error: `twilio ${status}${errorCode ? ` (${errorCode})` : ''}`,
          });
      }
    },
  };
}
