import type { Knex } from 'knex';
import { compileRuleToSql } from '../../rules/compile';
import type { RuleNode } from '../../rules/ast';
import { notFound } from '../../lib/errors';
import type { CampaignRow } from './types';

/** Column holding a customer's address on a channel. */
export const ADDRESS_COLUMN = { email: 'email', sms: 'phone' } as const;
/** Column holding a customer's consent for a channel. */
const CONSENT_COLUMN = { email: 'consent_email', sms: 'consent_sms' } as const;

/**
 * Why customer `c` may not receive a message on the channel, as SQL (null: they may): the first of
 * deleted, blocked, suspended, no consent, no address, suppressed address. Takes one binding, the
 * channel. Campaign audiences and journey sends decide it with this one expression.
 */
export function skipReasonSql(channel: 'email' | 'sms'): string {
  const address = `c.${ADDRESS_COLUMN[channel]}`;
  return `CASE
           WHEN c.deleted_at IS NOT NULL THEN 'deleted'
           WHEN c.is_blocked OR c.status = 'blocked' THEN 'blocked'
           WHEN c.status = 'suspended' THEN 'suspended'
           WHEN NOT c.${CONSENT_COLUMN[channel]} THEN 'no_consent'
           WHEN ${address} IS NULL THEN 'no_address'
           WHEN EXISTS (SELECT 1 FROM message_suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = ? AND s.address = ${address}) THEN 'suppressed'
         END`;
}

/** The audience as a predicate on `c` (customers). Deleted customers only ever appear through explicit ids. */
export async function audiencePredicate(db: Knex, campaign: CampaignRow, now: Date): Promise<{ sql: string; bindings: Knex.Value[] }> {
  const audience = campaign.audience as { type: string; segmentId?: string; rules?: RuleNode; customerIds?: string[] };
  switch (audience.type) {
    case 'customers':
      return { sql: 'c.id = ANY(?::uuid[])', bindings: [audience.customerIds ?? []] };
    case 'all':
      return { sql: 'c.deleted_at IS NULL', bindings: [] };
    case 'segment': {
      const segment = await db('segments').where({ tenant_id: campaign.tenant_id, id: audience.segmentId }).first('rules');
      if (!segment) throw notFound('Segment');
      const p = compileRuleToSql(segment.rules as RuleNode, { now, alias: 'c', tenantId: campaign.tenant_id });
      return { sql: `c.deleted_at IS NULL AND ${p.sql}`, bindings: p.bindings };
    }
    default: {
      const p = compileRuleToSql(audience.rules as RuleNode, { now, alias: 'c', tenantId: campaign.tenant_id });
      return { sql: `c.deleted_at IS NULL AND ${p.sql}`, bindings: p.bindings };
    }
  }
}

/**
 * When each recipient's message is first due, as a `… LATERAL (…) due` join over customer `c`
 * giving `due.at` (null: at once) and `due.reason` (the ledger's `deferred_reason` while it waits).
 */
export interface RecipientDueJoin {
  sql: string;
  bindings: Knex.Value[];
}

/** Every recipient due at once. */
const DUE_AT_ONCE: RecipientDueJoin = { sql: 'CROSS JOIN LATERAL (SELECT NULL::timestamptz AS at, NULL::text AS reason) due', bindings: [] };

/**
 * Send in each recipient's timezone: the scheduled wall-clock time (`YYYY-MM-DDTHH:MM:SS`) read in
 * the customer's timezone (UTC when it is unknown).
 */
export function recipientTimezoneDue(localSendTime: string): RecipientDueJoin {
  return {
    sql: `CROSS JOIN LATERAL (SELECT (?::timestamp AT TIME ZONE (CASE WHEN c.timezone IN (SELECT name FROM pg_timezone_names) THEN c.timezone ELSE 'UTC' END)) AS at,
                                    'recipient_timezone'::text AS reason) due`,
    bindings: [localSendTime],
  };
}

/**
 * Fills the ledger with the campaign's audience in ONE statement: every selected customer gets
 * a row, `pending` when the message may go out and `skipped` with the first reason it may not
 * (deleted, blocked, suspended, no consent for the channel, no address, suppressed address).
 * `due` (send in each recipient's timezone, or at their best hour) gives each pending row its
 * first allowed instant and the reason it waits; the sender's policy gate applies once it is due.
 * Idempotent: re-running it after a crash inserts nothing twice (unique campaign + customer).
 */
export async function snapshotAudience(db: Knex, campaign: CampaignRow, now: Date, due: RecipientDueJoin = DUE_AT_ONCE): Promise<number> {
  const channel = campaign.channel as 'email' | 'sms';
  const address = `c.${ADDRESS_COLUMN[channel]}`;
  const predicate = await audiencePredicate(db, campaign, now);
  const result = await db.raw(
    `INSERT INTO campaign_recipients (tenant_id, campaign_id, customer_id, channel, address, state, skip_reason, next_attempt_at, deferred_reason)
     SELECT c.tenant_id, ?, c.id, ?, ${address}, CASE WHEN r.reason IS NULL THEN 'pending' ELSE 'skipped' END, r.reason,
            CASE WHEN r.reason IS NULL THEN due.at END, CASE WHEN r.reason IS NULL THEN due.reason END
       FROM customers c
       CROSS JOIN LATERAL (SELECT ${skipReasonSql(channel)} AS reason) r
       ${due.sql}
      WHERE c.tenant_id = ? AND (${predicate.sql})
     ON CONFLICT (campaign_id, customer_id) WHERE journey_step_id IS NULL DO NOTHING`,
    [campaign.id, channel, channel, ...due.bindings, campaign.tenant_id, ...predicate.bindings],
  );
  return result.rowCount ?? 0;
}
