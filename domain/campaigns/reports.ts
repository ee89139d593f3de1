import type { Knex } from 'knex';
import type { Readable } from 'node:stream';
import { exportStream, type ExportFormat } from '../../lib/exportStreams';
import { notFound } from '../../lib/errors';
import type { TemporalProvider } from '../../temporal/client';
import { ledgerCounts } from './ledger';
import { queryCampaignProgress } from './lifecycle';
import { sampleCustomerRow } from './preview';
import { renderForCustomer, type RenderedMessage } from './render';
import type { CampaignService } from './service';
import { parseTemplates } from './templates';
import { toCampaign, type Campaign, type CampaignRow, type LedgerCounts } from './types';
import { variantAnalytics, type VariantAnalytics } from './variantDecision';
import { streamRows } from '../../db/streams';
import { fetchPage, type Page, type PageRequest } from '../shared/listing';

/** Campaign analytics, all read from the ledger (seed 003's `GET /campaigns/:id/analytics`). */
export interface CampaignAnalytics {
  campaignId: string;
  status: string;
  recipients: number;
  queued: number;
  /** The rest of an A/B test's audience, waiting for the decision. */
  held: number;
  deferred: number;
  /** Of `deferred`, recipients of an optimal-time campaign waiting for their best hour. */
  waitingForBestHour: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  cancelled: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  rates: { delivery: number; open: number; click: number; failure: number };
  /** The A/B test (issue 19): each variant with its rate and 95 % interval, and the decision; absent without one. */
  abTest?: VariantAnalytics;
}

const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : 0);

/** Maps ledger counts to the analytics shape; "sent" counts every message the provider accepted. */
export function toAnalytics(campaign: CampaignRow, c: LedgerCounts): CampaignAnalytics {
  const sent = c.sent + c.delivered;
  return {
    campaignId: campaign.id,
    status: campaign.status,
    recipients: c.total,
    queued: c.pending + c.sending,
    held: c.held,
    deferred: c.deferred,
    waitingForBestHour: c.waitingForBestHour,
    sent,
    delivered: c.delivered,
    failed: c.failed,
    skipped: c.skipped,
    skippedByReason: c.skippedByReason,
    cancelled: c.cancelled,
    opened: c.opened,
    clicked: c.clicked,
    unsubscribed: c.unsubscribed,
    rates: { delivery: ratio(c.delivered, sent), open: ratio(c.opened, sent), click: ratio(c.clicked, sent), failure: ratio(c.failed, sent + c.failed) },
  };
}

/** Columns of the per-recipient export. */
const EXPORT_COLUMNS = [
  'recipientId',
  'customerId',
  'address',
  'state',
  'skipReason',
  'providerId',
  'error',
  'errorKind',
  'attempts',
  'sentAt',
  'deliveredAt',
  'openedAt',
  'clickedAt',
  'unsubscribedAt',
];

/** Reads about campaigns: detail with progress, analytics, the per-recipient export, previews. */
export function createCampaignReports(deps: { db: Knex; exportDb?: Knex; temporal: TemporalProvider; campaigns: CampaignService }) {
  const { db } = deps;
  return {
    /** A campaign with its ledger counts and, while it runs, the workflow's live state. */
    async detail(tenantId: string, id: string): Promise<Campaign & { progress: CampaignAnalytics & { workflow: unknown } }> {
      const row = await deps.campaigns.findRow(tenantId, id);
      const counts = await ledgerCounts(db, tenantId, id);
      const workflow = ['sending', 'paused'].includes(row.status) ? await queryCampaignProgress(deps.temporal, tenantId, id) : null;
      return { ...toCampaign(row), progress: { ...toAnalytics(row, counts), workflow } };
    },

    /** Queued, sent, delivered, failed, skipped by reason, opened, clicked, unsubscribed. */
    async analytics(tenantId: string, id: string): Promise<CampaignAnalytics> {
      const row = await deps.campaigns.findRow(tenantId, id);
      const analytics = toAnalytics(row, await ledgerCounts(db, tenantId, id));
      const abTest = await variantAnalytics(db, row, new Date());
      return abTest ? { ...analytics, abTest } : analytics;
    },

    /** A page of the tenant's campaigns with their analytics, newest first by default (seed 003's `GET /analytics/campaigns`). */
    async overview(tenantId: string, page: PageRequest): Promise<Page<CampaignAnalytics & { name: string }>> {
      const result = await fetchPage<CampaignRow>(db('campaigns').where({ tenant_id: tenantId, kind: 'campaign' }), { expression: 'created_at' }, page);
      const data = await Promise.all(result.data.map(async (r) => ({ name: r.name as string, ...toAnalytics(r, await ledgerCounts(db, tenantId, r.id)) })));
      return { data, pagination: result.pagination };
    },

    /** Streams one row per recipient (CSV, JSON or NDJSON) with constant memory. */
    async exportRecipients(tenantId: string, id: string, format: ExportFormat): Promise<Readable> {
      await deps.campaigns.findRow(tenantId, id);
      const source = deps.exportDb ?? db;
      const rows = streamRows(source, source('campaign_recipients').where({ tenant_id: tenantId, campaign_id: id }).orderBy('id').select('*'));
      return exportStream(
        rows,
        format,
        (r) => ({
          recipientId: r.id,
          customerId: r.customer_id,
          address: r.address,
          state: r.state,
          skipReason: r.skip_reason,
          providerId: r.provider_id,
          error: r.error,
          errorKind: r.error_kind,
          attempts: r.attempts,
          sentAt: r.sent_at,
          deliveredAt: r.delivered_at,
          openedAt: r.opened_at,
          clickedAt: r.clicked_at,
          unsubscribedAt: r.unsubscribed_at,
        }),
        EXPORT_COLUMNS,
      );
    },

    /**
     * Renders the campaign for one customer (or, without one, a sample customer): what that
     * recipient would receive, without sending anything.
     */
    async preview(tenantId: string, id: string, customerId?: string): Promise<RenderedMessage & { channel: string; customerId: string | null }> {
      const row = await deps.campaigns.findRow(tenantId, id);
      const customer = customerId ? await db('customers').where({ tenant_id: tenantId, id: customerId }).whereNull('deleted_at').first() : null;
      if (customerId && !customer) throw notFound('Customer');
      const rendered = renderForCustomer(parseTemplates(row.subject, row.body), row, customer ?? sampleCustomerRow(), { unsubscribeUrl: '#unsubscribe' });
      return { channel: row.channel, customerId: customer?.id ?? null, ...rendered };
    },
  };
}
