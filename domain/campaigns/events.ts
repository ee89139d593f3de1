import type { Knex } from 'knex';
import { recordAudit } from '../audit/repo';
import { appendEvent, type EventType } from '../events/outbox';
import type { CommandContext } from '../shared/context';
import type { Principal } from '../tenants/types';
import type { CampaignRow } from './types';

/**
 * The context of changes the worker makes on its own (a campaign starting or completing). The
 * audit log and the outbox record the actor as `system`, as they do for other unattended work.
 */
export const systemContext = (tenantId: string): CommandContext => ({
  principal: { tenantId, role: 'admin', actorType: 'system' as Principal['actorType'], actorId: 'herald-worker' },
});

/**
 * Writes a campaign's lifecycle event and audit row in the caller's transaction, so the status
 * change, its event and its audit entry commit together.
 */
export async function recordCampaignEvent(trx: Knex, ctx: CommandContext, type: EventType, campaign: CampaignRow, data: Record<string, unknown> = {}): Promise<void> {
  await appendEvent(trx, ctx, { type, subjectType: 'campaign', subjectId: campaign.id, data: { campaignId: campaign.id, name: campaign.name, channel: campaign.channel, status: campaign.status, ...data } });
  const actor = ctx.principal.actorType === ('system' as Principal['actorType']) ? 'system' : ctx.principal;
  await recordAudit(trx, actor, campaign.tenant_id, { action: type, subjectType: 'campaign', subjectId: campaign.id, changes: data, requestId: ctx.requestId, ip: ctx.ip });
}
