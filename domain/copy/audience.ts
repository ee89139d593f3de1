import type { Knex } from 'knex';
import { notFound } from '../../lib/errors';
import type { RuleNode } from '../../rules/ast';
import { compileRuleToSql } from '../../rules/compile';
import { audiencePredicate } from '../campaigns/audience';
import { findCampaignRow } from '../campaigns/sending';
import type { CampaignRow } from '../campaigns/types';
import type { CustomerRow } from '../customers/rows';

/**
 * How many members are read to learn what an audience looks like. 1,000 gives a filled share to
 * within ±3 points (95 %), enough to tell "most members" from "some", and the read stays bounded
 * on a million-customer tenant: the newest members first, along the (tenant, created_at, id)
 * index the customer list sorts by, stopping at the thousandth match.
 */
export const AUDIENCE_SAMPLE_SIZE = 1000;

/** A field is used in suggested copy when at least this share of the sampled members has it. */
export const FILLED_THRESHOLD = 0.8;

/** The customer fields a suggestion may personalise with, as liquid names them, and their columns. */
export const PERSONAL_FIELDS = [
  { field: 'firstName', column: 'first_name' },
  { field: 'lastName', column: 'last_name' },
  { field: 'address.city', column: 'address_city' },
  { field: 'address.country', column: 'address_country' },
] as const;

/** One field's filled share among the sampled members. */
export interface FieldFill {
  field: (typeof PERSONAL_FIELDS)[number]['field'];
  filledShare: number;
  used: boolean;
}

/** What the copy checks and suggestions know about the audience a message is for. */
export interface AudienceFacts {
  kind: 'segment' | 'campaign';
  id: string;
  /** Members read (at most {@link AUDIENCE_SAMPLE_SIZE}). */
  sampled: number;
  fields: FieldFill[];
  /** The most common language among sampled members who have one (its primary subtag), or null. */
  language: string | null;
  /** Sampled members whose last WhatsApp/SMS message to the tenant is older than 24 hours, or who never wrote. */
  outsideWhatsappWindow: number;
  /** The newest member, whom checks render the message for; null for an empty audience. */
  member: CustomerRow | null;
  /** The campaign, when the audience is a campaign's. */
  campaign: CampaignRow | null;
}

/** The audience's predicate over `c` (customers): a segment's rule or a campaign's audience. 404 when either is not the tenant's. */
async function predicateOf(db: Knex, tenantId: string, ref: { segmentId?: string; campaignId?: string }, now: Date) {
  if (ref.campaignId) {
    const campaign = await findCampaignRow(db, tenantId, ref.campaignId);
    if (!campaign) throw notFound('Campaign');
    const p = await audiencePredicate(db, campaign, now);
    return { kind: 'campaign' as const, id: campaign.id, campaign, sql: `c.deleted_at IS NULL AND ${p.sql}`, bindings: p.bindings };
  }
  const segment = await db('segments').where({ tenant_id: tenantId, id: ref.segmentId }).first('id', 'rules');
  if (!segment) throw notFound('Segment');
  const p = compileRuleToSql(segment.rules as RuleNode, { now, alias: 'c', tenantId });
  return { kind: 'segment' as const, id: segment.id as string, campaign: null, sql: `c.deleted_at IS NULL AND ${p.sql}`, bindings: p.bindings };
}

/**
 * Reads a sample of the audience in one statement: the filled share of each personal field, the
 * most common language, how many sampled members are outside WhatsApp's 24-hour window (from
 * customer_conversation_stats.last_inbound_at), and the newest member to render for.
 */
export async function audienceFacts(db: Knex, tenantId: string, ref: { segmentId?: string; campaignId?: string }, now = new Date()): Promise<AudienceFacts> {
  const p = await predicateOf(db, tenantId, ref, now);
  const filled = PERSONAL_FIELDS.map(({ column }) => `count(*) FILTER (WHERE nullif(btrim(m.${column}), '') IS NOT NULL)::int AS ${column}`).join(',\n       ');
  const { rows } = await db.raw(
    `WITH m AS (
       SELECT c.* FROM customers c
        WHERE c.tenant_id = ? AND (${p.sql})
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT ${AUDIENCE_SAMPLE_SIZE})
     SELECT count(*)::int AS sampled,
       ${filled},
       mode() WITHIN GROUP (ORDER BY lower(split_part(m.language, '-', 1))) AS language,
       count(*) FILTER (WHERE s.last_inbound_at IS NULL OR s.last_inbound_at < ?::timestamptz - interval '24 hours')::int AS outside_window,
       (SELECT to_jsonb(n) FROM (SELECT * FROM m ORDER BY m.created_at DESC, m.id DESC LIMIT 1) n) AS member
       FROM m LEFT JOIN customer_conversation_stats s ON s.customer_id = m.id`,
    [tenantId, ...p.bindings, now.toISOString()],
  );
  const row = rows[0] as Record<string, unknown> & { sampled: number; language: string | null; outside_window: number; member: CustomerRow | null };
  const sampled = row.sampled;
  return {
    kind: p.kind,
    id: p.id,
    sampled,
    fields: PERSONAL_FIELDS.map(({ field, column }) => {
      const share = sampled ? Number(row[column]) / sampled : 0;
      return { field, filledShare: Math.round(share * 1000) / 1000, used: sampled > 0 && share >= FILLED_THRESHOLD };
    }),
    language: row.language,
    outsideWhatsappWindow: row.outside_window,
    member: row.member,
    campaign: p.campaign,
  };
}
