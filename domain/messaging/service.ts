import type { Knex } from 'knex';
import { recordAudit } from '../audit/repo';
import type { CommandContext } from '../shared/context';
import { readMessagingSettings, writeMessagingSettings, type MessagingSettings } from './settings';

/**
 * Messaging: what every channel's sending shares, below campaigns — the tenant's messaging
 * settings, the suppression list (suppressions.ts) and the development outbox. Campaigns use it;
 * it knows nothing of campaigns (lint keeps it so).
 */
export function createMessagingService(deps: { db: Knex }) {
  const { db } = deps;
  return {
    /** The tenant's messaging defaults (from address, communication hours, timezone). */
    settings: (tenantId: string) => readMessagingSettings(db, tenantId),
    /** Replaces the tenant's messaging defaults, with an audit row. */
    async updateSettings(ctx: CommandContext, settings: MessagingSettings): Promise<MessagingSettings> {
      return db.transaction(async (trx) => {
        const saved = await writeMessagingSettings(trx, ctx.principal.tenantId, settings);
        await recordAudit(trx, ctx.principal, ctx.principal.tenantId, {
          action: 'tenant.messaging_settings_updated',
          subjectType: 'tenant',
          subjectId: ctx.principal.tenantId,
          changes: settings,
          requestId: ctx.requestId,
          ip: ctx.ip,
        });
        return saved;
      });
    },
    /** Messages the development SMTP catcher and log SMS provider received for the tenant, newest first. */
    async devOutbox(tenantId: string, limit = 50) {
      const rows = await db('dev_outbox').where({ tenant_id: tenantId }).orderBy('id', 'desc').limit(limit);
      return rows.map((r) => ({
        id: Number(r.id),
        channel: r.channel,
        to: r.to,
        from: r.from,
        subject: r.subject,
        body: r.body,
        messageId: r.message_id,
        receivedAt: new Date(r.received_at).toISOString(),
      }));
    },
  };
}
