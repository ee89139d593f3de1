import type { Knex } from 'knex';
import { snapshotAudience } from './audience';
import { recordCampaignEvent, systemContext } from './events';
import { ledgerCounts } from './ledger';
import { recipientDueFor } from './sendTime';
import type { CampaignOptions, CampaignRow } from './types';
import { assignVariants } from './variants';

/**
 * The worker's side of a campaign's lifecycle: snapshot and start, failure-rate auto-pause,
 * completion and recurring occurrences. Each status change commits with its event and audit row.
 */

/** The campaign's stored row, or undefined when there is none in this tenant. */
export async function findCampaignRow(db: Knex, tenantId: string, campaignId: string): Promise<CampaignRow | undefined> {
  return db('campaigns').where({ tenant_id: tenantId, id: campaignId }).first();
}

/**
 * The campaign's row as a sending page starts, read FOR SHARE: it waits for a pause or resume
 * still committing. The API signals the workflow inside its transaction, so a plain read could
 * still see 'paused' after the resume was delivered, and the workflow would wait for another.
 */
export async function campaignRowForPage(db: Knex, tenantId: string, campaignId: string): Promise<CampaignRow | undefined> {
  return db('campaigns').where({ tenant_id: tenantId, id: campaignId }).forShare().first();
}

/** The campaign's status now, or undefined once it is gone; polled by a running send to see a pause or cancel. */
export async function campaignStatus(db: Knex, tenantId: string, campaignId: string): Promise<string | undefined> {
  const row = await db('campaigns').where({ tenant_id: tenantId, id: campaignId }).first('status');
  return row?.status;
}

/** Messages each customer received in the cap's period (across all of the tenant's campaigns). */
export async function recentMessageCounts(
  db: Knex,
  campaign: CampaignRow,
  customerIds: string[],
  now: Date,
  periodHours: number,
): Promise<Map<string, { count: number; oldest: Date }>> {
  const query = db('campaign_recipients').where('tenant_id', campaign.tenant_id).whereIn('customer_id', customerIds);
  // A journey's send node messages a customer on every visit: its earlier messages count too.
  if ((campaign.kind as string) !== 'journey') query.whereNot('campaign_id', campaign.id);
  const rows = await query
    .whereIn('state', ['sent', 'delivered'])
    .where('sent_at', '>', new Date(now.getTime() - periodHours * 3_600_000))
    .groupBy('customer_id')
    .select('customer_id', db.raw('count(*)::int AS n'), db.raw('min(sent_at) AS oldest'));
  return new Map(rows.map((r) => [r.customer_id as string, { count: r.n as number, oldest: new Date(r.oldest) }]));
}

/** Attempts needed before the failure rate may pause a campaign (a first failure is not a rate). */
const AUTO_PAUSE_MIN_ATTEMPTS = 20;

/**
 * Pauses the campaign when its failure rate passes the threshold in its options. Returns true
 * when it paused it (the caller stops sending).
 */
export async function pauseForFailureRate(db: Knex, campaign: CampaignRow): Promise<boolean> {
  const threshold = (campaign.options as CampaignOptions)?.autoPauseFailureRate;
  if (threshold === undefined) return false;
  const row = await db('campaign_recipients')
    .where({ campaign_id: campaign.id })
    .whereIn('state', ['sent', 'delivered', 'failed'])
    .first(db.raw('count(*)::int AS attempted'), db.raw(`count(*) FILTER (WHERE state = 'failed')::int AS failed`));
  if (!row || row.attempted < AUTO_PAUSE_MIN_ATTEMPTS || row.failed / row.attempted <= threshold) return false;
  return db.transaction(async (trx) => {
    const reason = `failure rate ${(row.failed / row.attempted).toFixed(3)} passed ${threshold}`;
    const [updated] = await trx('campaigns')
      .where({ id: campaign.id, status: 'sending' })
      .update({ status: 'paused', status_reason: reason, updated_at: trx.fn.now() })
      .returning('*');
    if (!updated) return false;
    await recordCampaignEvent(trx, systemContext(campaign.tenant_id), 'campaign.paused', updated, { reason, automatic: true });
    return true;
  });
}

/**
 * Starts a campaign's send: snapshots the audience into the ledger (once) and moves the campaign
 * to `sending` with its `campaign.started` event, all in one transaction, so a retry after a crash
 * finds either nothing done or everything done. Returns the status the workflow must honour.
 */
export async function beginCampaign(db: Knex, tenantId: string, campaignId: string, now: Date): Promise<{ status: string }> {
  return db.transaction(async (trx) => {
    const campaign = await trx('campaigns').where({ tenant_id: tenantId, id: campaignId }).forUpdate().first();
    if (!campaign) return { status: 'cancelled' };
    if (['cancelled', 'completed', 'failed'].includes(campaign.status)) return { status: campaign.status };
    if (!campaign.snapshot_at) {
      await snapshotAudience(trx, campaign, now, await recipientDueFor(trx, campaign, now));
      await assignVariants(trx, campaign);
    }
    if (campaign.started_at) return { status: campaign.status };
    const status = campaign.status === 'paused' ? 'paused' : 'sending';
    const [updated] = await trx('campaigns')
      .where({ id: campaignId })
      .update({ status, snapshot_at: campaign.snapshot_at ?? now, started_at: now, updated_at: trx.fn.now() })
      .returning('*');
    const counts = await ledgerCounts(trx, tenantId, campaignId, now);
    await recordCampaignEvent(trx, systemContext(tenantId), 'campaign.started', updated, {
      recipients: counts.total,
      queued: counts.pending + counts.deferred,
      skipped: counts.skipped,
    });
    return { status };
  });
}

/**
 * Ends a campaign: on cancel every unsent row becomes `cancelled`; on completion the campaign is
 * `completed` with its final counts in the `campaign.completed` event.
 */
export async function finishCampaign(db: Knex, tenantId: string, campaignId: string, outcome: 'completed' | 'cancelled', now: Date): Promise<void> {
  await db.transaction(async (trx) => {
    const campaign = await trx('campaigns').where({ tenant_id: tenantId, id: campaignId }).forUpdate().first();
    if (!campaign || ['completed', 'failed'].includes(campaign.status) || (campaign.finished_at && campaign.status === 'cancelled')) return;
    if (outcome === 'cancelled') {
      await trx('campaign_recipients')
        .where({ campaign_id: campaignId })
        .whereIn('state', ['pending', 'sending', 'held'])
        .update({ state: 'cancelled', next_attempt_at: null });
    }
    const [updated] = await trx('campaigns').where({ id: campaignId }).update({ status: outcome, finished_at: now, updated_at: trx.fn.now() }).returning('*');
    if (outcome === 'completed') {
      const counts = await ledgerCounts(trx, tenantId, campaignId, now);
      await recordCampaignEvent(trx, systemContext(tenantId), 'campaign.completed', updated, {
        sent: counts.sent + counts.delivered,
        delivered: counts.delivered,
        failed: counts.failed,
        skipped: counts.skipped,
      });
    } else if (campaign.status !== 'cancelled') {
      await recordCampaignEvent(trx, systemContext(tenantId), 'campaign.cancelled', updated, {});
    }
  });
}

/**
 * Copies a recurring campaign into one occurrence (a child campaign sent now, with its own
 * ledger). Null when the recurring campaign is no longer scheduled (cancelled or paused).
 */
export async function createCampaignOccurrence(db: Knex, tenantId: string, campaignId: string, now: Date): Promise<string | null> {
  const parent = await db('campaigns').where({ tenant_id: tenantId, id: campaignId }).first();
  if (!parent || parent.status !== 'scheduled') return null;
  const [row] = await db('campaigns')
    .insert({
      tenant_id: tenantId,
      parent_id: parent.id,
      name: `${parent.name} (${now.toISOString().slice(0, 16)}Z)`,
      kind: parent.kind,
      channel: parent.channel,
      subject: parent.subject,
      body: parent.body,
      audience: JSON.stringify(parent.audience),
      schedule: JSON.stringify({ type: 'now' }),
      send_time: parent.send_time,
      options: JSON.stringify(parent.options ?? {}),
      variants: parent.variants ? JSON.stringify(parent.variants) : null,
      ab_test: parent.ab_test ? JSON.stringify(parent.ab_test) : null,
      status: 'sending',
      created_by: parent.created_by,
    })
    .returning('id');
  return row.id as string;
}
