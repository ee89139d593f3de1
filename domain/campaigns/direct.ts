import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import type { CommandContext } from '../shared/context';
import { snapshotAudience } from './audience';
import type { createCampaignCommands } from './commands';
import type { CampaignService } from './service';

/** A message to customers outside a campaign definition (seed 000's messaging endpoints). */
export interface DirectMessage {
  customerIds: string[];
  message: string;
  channel: 'email' | 'sms';
  subject?: string;
}

/** What sending a direct message did: how many will receive it, who will not and why, and the campaign that carries it. */
export interface DirectSend {
  queued: number;
  skipped: Array<{ customerId: string; reason: string }>;
  campaignId: string;
}

/**
 * Direct messages: each is a campaign of kind `direct`, so it goes through the same ledger,
 * policy and worker as any other campaign.
 */
export function createDirectMessages(deps: { db: Knex; campaigns: CampaignService; commands: ReturnType<typeof createCampaignCommands> }) {
  const { db } = deps;

  /**
   * Sends a message to explicit customers: the audience is snapshotted here (so the answer can
   * say how many will receive it and why others will not), then the campaign's workflow sends it
   * like any other. Unknown ids in the tenant are a 404.
   */
  async function sendDirect(ctx: CommandContext, input: DirectMessage): Promise<DirectSend> {
    const ids = [...new Set(input.customerIds)];
    const found = await db('customers')
      .where('tenant_id', ctx.principal.tenantId)
      .whereIn('id', ids)
      .whereNull('deleted_at')
      .count<{ n: string }[]>({ n: '*' });
    if (Number(found[0]?.n ?? 0) !== ids.length) throw notFound(ids.length === 1 ? 'Customer' : 'One or more customers');
    const campaign = await deps.campaigns.create(
      ctx,
      {
        name: `Direct message ${new Date().toISOString()}`,
        channel: input.channel,
        subject: input.channel === 'email' ? (input.subject ?? 'A message for you') : null,
        body: input.message,
        audience: { type: 'customers', customerIds: ids },
      },
      'direct',
    );
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

  return { sendDirect };
}
