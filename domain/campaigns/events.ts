import type { Knex } from 'knex';
import { recordAudit } from '../audit/repo';
import { appendEvent, type EventData } from '../events/outbox';
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

/** The campaign lifecycle events. */
type CampaignEventType =
  'campaign.scheduled' | 'campaign.started' | 'campaign.paused' | 'campaign.resumed' | 'campaign.cancelled' | 'campaign.sent' | 'campaign.completed';

/** What a campaign event of type T carries besides the campaign itself. */
type CampaignExtra<T extends CampaignEventType> = Omit<EventData<T>, 'campaignId' | 'name' | 'channel' | 'status'>;

/**
 * Writes a campaign's lifecycle event and audit row in the caller's transaction, so the status
 * change, its event and its audit entry commit together. The type decides which extra fields
 * the event needs (none for sent, resumed and cancelled).
 */
export async function recordCampaignEvent<T extends CampaignEventType>(
  trx: Knex,
  ctx: CommandContext,
  type: T,
  campaign: CampaignRow,
  ...[extra]: Partial<CampaignExtra<T>> extends CampaignExtra<T> ? [extra?: CampaignExtra<T>] : [extra: CampaignExtra<T>]
): Promise<void> {
  const data = { ...extra };
  const base = { campaignId: campaign.id, name: campaign.name, channel: campaign.channel, status: campaign.status };
  await appendEvent(trx, ctx, { type, subjectType: 'campaign', subjectId: campaign.id, data: { ...base, ...data } as EventData<T> });
  const actor = ctx.principal.actorType === ('system' as Principal['actorType']) ? 'system' : ctx.principal;
  await recordAudit(trx, actor, campaign.tenant_id, {
    action: type,
    subjectType: 'campaign',
    subjectId: campaign.id,
    changes: data,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}
