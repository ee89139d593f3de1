/**
 * The hidden campaigns of journey send nodes (issue 17). Each send node of a published journey
 * version gets one campaign row of kind `journey`: its channel, subject and body are the node's,
 * its options the node's policy (quiet hours, frequency cap), and its ledger (campaign_recipients,
 * one row per journey step) is where the runner's messages are recorded, so the channels, policy
 * gate, tracking and feedback of campaigns apply unchanged. Campaign lists show kind `campaign`
 * only, so these never appear there. Rows are written here because domain/campaigns owns the table.
 */
import type { Knex } from 'knex';

/** What a send node contributes to its campaign. */
export interface JourneySendNode {
  id: string;
  name?: string;
  channel: 'email' | 'sms';
  subject?: string;
  body: string;
  respectQuietHours?: boolean;
  frequencyCap?: { max: number; periodHours: number };
}

/** The version whose send nodes get campaigns. */
export interface JourneyCampaignsInput {
  tenantId: string;
  journeyId: string;
  journeyName: string;
  versionId: string;
  version: number;
  nodes: JourneySendNode[];
  /** created_by of the rows (who published). */
  actor: string;
}

/**
 * Creates one `sending` campaign per send node in the caller's transaction (the publish) and
 * returns node id → campaign id, which the version stores as `send_campaigns`.
 */
export async function createJourneyCampaigns(trx: Knex, input: JourneyCampaignsInput): Promise<Record<string, string>> {
  if (input.nodes.length === 0) return {};
  const rows = await trx('campaigns')
    .insert(
      input.nodes.map((node) => ({
        tenant_id: input.tenantId,
        name: `${input.journeyName} · v${input.version} · ${node.name ?? node.id}`.slice(0, 200),
        kind: 'journey',
        channel: node.channel,
        subject: node.subject ?? null,
        body: node.body,
        audience: JSON.stringify({ type: 'journey', journeyId: input.journeyId, versionId: input.versionId, nodeId: node.id }),
        schedule: JSON.stringify({ type: 'now' }),
        options: JSON.stringify({ respectQuietHours: node.respectQuietHours ?? true, ...(node.frequencyCap ? { frequencyCap: node.frequencyCap } : {}) }),
        status: 'sending',
        started_at: trx.fn.now(),
        created_by: input.actor,
      })),
    )
    .returning(['id', 'audience']);
  return Object.fromEntries((rows as Array<{ id: string; audience: { nodeId: string } }>).map((r) => [r.audience.nodeId, r.id]));
}

/**
 * Deletes the campaigns (and with them their ledger rows) of a journey being deleted, in the
 * caller's transaction: nothing can send through them any more once the journey's runs are gone.
 */
export async function deleteJourneyCampaigns(trx: Knex, tenantId: string, journeyId: string): Promise<number> {
  return trx('campaigns').where({ tenant_id: tenantId, kind: 'journey' }).whereRaw("audience ->> 'journeyId' = ?", [journeyId]).delete();
}
