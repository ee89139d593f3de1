import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit/repo';
import { snapshotAudience } from '../campaigns/audience';
import type { createCampaignCommands } from '../campaigns/commands';
import { verifyToken } from '../campaigns/tracking';
import { toCustomer } from '../customers/rows';
import type { CampaignService } from '../campaigns/service';
import { appendEvent } from '../events/outbox';
import { systemContext } from '../campaigns/events';
import type { CommandContext } from '../shared/context';
import { readMessagingSettings, writeMessagingSettings, type MessagingSettings } from './settings';

/** A message to customers outside a campaign (seed 000's messaging endpoints). */
export interface DirectMessage {
  customerIds: string[];
  message: string;
  channel: 'email' | 'sms';
  subject?: string;
}

/**
 * Messaging outside campaign definitions: direct messages (through the same ledger, policy and
 * worker as campaigns), one-click unsubscribe, open/click tracking and provider status callbacks.
 */
export function createMessagingService(deps: { db: Knex; campaigns: CampaignService; commands: ReturnType<typeof createCampaignCommands> }) {
  const { db } = deps;

  /**
   * Sends a message to explicit customers as a `direct` campaign: the audience is snapshotted
   * here (so the answer can say how many will receive it and why others will not), then the
   * campaign's workflow sends it like any other. Unknown ids in the tenant are a 404.
   */
  async function sendDirect(ctx: CommandContext, input: DirectMessage): Promise<{ queued: number; skipped: Array<{ customerId: string; reason: string }>; campaignId: string }> {
    const ids = [...new Set(input.customerIds)];
    const found = await db('customers').where('tenant_id', ctx.principal.tenantId).whereIn('id', ids).whereNull('deleted_at').count<{ n: string }[]>({ n: '*' });
    if (Number(found[0]?.n ?? 0) !== ids.length) throw notFound(ids.length === 1 ? 'Customer' : 'One or more customers');
    const campaign = await deps.campaigns.create(ctx, {
      name: `Direct message ${new Date().toISOString()}`, channel: input.channel, subject: input.channel === 'email' ? input.subject ?? 'A message for you' : null,
      body: input.message, audience: { type: 'customers', customerIds: ids },
    }, 'direct');
    const row = await deps.campaigns.findRow(ctx.principal.tenantId, campaign.id);
    await db.transaction(async (trx) => {
      await snapshotAudience(trx, row, new Date());
      await trx('campaigns').where({ id: row.id }).update({ snapshot_at: trx.fn.now() });
    });
    const rows = await db('campaign_recipients').where({ campaign_id: row.id }).select('customer_id', 'state', 'skip_reason');
    const skipped = rows.filter((r) => r.state === 'skipped').map((r) => ({ customerId: r.customer_id as string, reason: r.skip_reason as string }));
    const queued = rows.length - skipped.length;
    if (queued > 0) await deps.commands.send(ctx, row.id);
    else await db('campaigns').where({ id: row.id }).update({ status: 'completed', finished_at: db.fn.now() });
    return { queued, skipped, campaignId: row.id };
  }

  /** The ledger row a token stands for, or null for a bad token or an unknown row. */
  async function rowOf(secret: string, purpose: 'open' | 'click' | 'unsubscribe', token: string, extra = '') {
    const ledgerId = verifyToken(secret, purpose, token, extra);
    return ledgerId ? db('campaign_recipients').where({ id: ledgerId }).first() : null;
  }

  /**
   * One-click unsubscribe (RFC 8058): turns the channel's consent off, adds the address to the
   * tenant's suppression list and marks the ledger row, in one transaction. Repeating it is harmless.
   */
  async function unsubscribe(secret: string, token: string): Promise<boolean> {
    const row = await rowOf(secret, 'unsubscribe', token);
    if (!row) return false;
    await db.transaction(async (trx) => {
      await trx('campaign_recipients').where({ id: row.id }).whereNull('unsubscribed_at').update({ unsubscribed_at: trx.fn.now() });
      const consent = row.channel === 'email' ? 'consent_email' : 'consent_sms';
      const before = await trx('customers').where({ tenant_id: row.tenant_id, id: row.customer_id }).forUpdate().first(consent);
      const [after] = await trx('customers').where({ tenant_id: row.tenant_id, id: row.customer_id }).update({ [consent]: false, updated_at: trx.fn.now() }).returning('*');
      if (row.address) await trx('message_suppressions').insert({ tenant_id: row.tenant_id, channel: row.channel, address: row.address, reason: 'unsubscribed' }).onConflict(['tenant_id', 'channel', 'address']).ignore();
      const ctx = systemContext(row.tenant_id);
      // The customers service's customer.updated shape; only when the consent changed (a repeat changes nothing).
      if (after && before?.[consent]) {
        await appendEvent(trx, ctx, { type: 'customer.updated', subjectType: 'customer', subjectId: row.customer_id, data: { customer: toCustomer(after), changed: [`preferences.${row.channel}`], reason: 'unsubscribed', campaignId: row.campaign_id } });
      }
      await recordAudit(trx, 'system', row.tenant_id, { action: 'customer.unsubscribed', subjectType: 'customer', subjectId: row.customer_id, changes: { channel: row.channel, campaignId: row.campaign_id } });
    });
    return true;
  }

  return {
    sendDirect,
    unsubscribe,
    /** The tenant's messaging defaults (from address, communication hours, timezone). */
    settings: (tenantId: string) => readMessagingSettings(db, tenantId),
    /** Replaces the tenant's messaging defaults, with an audit row. */
    async updateSettings(ctx: CommandContext, settings: MessagingSettings): Promise<MessagingSettings> {
      return db.transaction(async (trx) => {
        const saved = await writeMessagingSettings(trx, ctx.principal.tenantId, settings);
        await recordAudit(trx, ctx.principal, ctx.principal.tenantId, { action: 'tenant.messaging_settings_updated', subjectType: 'tenant', subjectId: ctx.principal.tenantId, changes: settings, requestId: ctx.requestId, ip: ctx.ip });
        return saved;
      });
    },
    /** Records the first open of a message (tracking pixel); false for a bad token. */
    async recordOpen(secret: string, token: string): Promise<boolean> {
      const row = await rowOf(secret, 'open', token);
      if (row) await db('campaign_recipients').where({ id: row.id }).whereNull('opened_at').update({ opened_at: db.fn.now() });
      return Boolean(row);
    },
    /** Records the first click (a click implies an open) and says whether to redirect; the target is part of the signature. */
    async recordClick(secret: string, token: string, target: string): Promise<boolean> {
      const row = await rowOf(secret, 'click', token, target);
      if (row) await db('campaign_recipients').where({ id: row.id }).update({ clicked_at: db.raw('coalesce(clicked_at, now())'), opened_at: db.raw('coalesce(opened_at, now())') });
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
        await db('campaign_recipients').where({ id: ledgerId }).update({ delivered_at: db.raw('coalesce(delivered_at, now())'), state: db.raw(`CASE WHEN state = 'sent' THEN 'delivered' ELSE state END`) });
      } else if (status === 'failed' || status === 'undelivered') {
        await db('campaign_recipients').where({ id: ledgerId }).whereIn('state', ['sending', 'sent', 'delivered'])
          .update({ state: db.raw(`CASE WHEN state = 'sending' THEN state ELSE 'failed' END`), error_kind: 'permanent', error: `twilio ${status}${errorCode ? ` (${errorCode})` : ''}` });
      }
    },
    /** Messages the development SMTP catcher and log SMS provider received for the tenant, newest first. */
    async devOutbox(tenantId: string, limit = 50) {
      const rows = await db('dev_outbox').where({ tenant_id: tenantId }).orderBy('id', 'desc').limit(limit);
      return rows.map((r) => ({ id: Number(r.id), channel: r.channel, to: r.to, from: r.from, subject: r.subject, body: r.body, messageId: r.message_id, receivedAt: new Date(r.received_at).toISOString() }));
    },
  };
}
