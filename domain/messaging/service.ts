import type { Knex } from 'knex';
import { conflict } from '../../lib/errors';
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
    /**
     * Replaces the tenant's messaging defaults, with an audit row. An inbound number another tenant
     * already lists is a 409 (inbound messages are routed by it); claims are serialised by an
     * advisory lock so two tenants cannot take one number at once.
     */
    async updateSettings(ctx: CommandContext, settings: MessagingSettings): Promise<MessagingSettings> {
      return db.transaction(async (trx) => {
        const numbers = [...new Set(settings.inboundNumbers ?? [])];
        if (numbers.length) {
          await trx.raw("SELECT pg_advisory_xact_lock(hashtextextended('messaging:inbound-numbers', 0))");
          const taken = (await trx('tenants')
            .whereNot({ id: ctx.principal.tenantId })
            .whereRaw(`jsonb_exists_any(settings->'messaging'->'inboundNumbers', ?::text[])`, [numbers])
            .select(trx.raw(`settings->'messaging'->'inboundNumbers' AS numbers`))) as Array<{ numbers: string[] }>;
          const clash = numbers.filter((n) => taken.some((t) => t.numbers.includes(n)));
          if (clash.length) throw conflict(`Another tenant receives messages on ${clash.join(', ')}`, { inboundNumbers: clash });
        }
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
