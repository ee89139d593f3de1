import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from '../lib/logger';
import { createRuleEvaluator } from '../rules/evaluate';
import type { TemporalProvider } from '../temporal/client';
import { createCampaignModule } from './campaigns';
import { createCustomerEventModule } from './customerEvents';
import { createCustomerService } from './customers';
import { createCustomerIdentities } from './customers/identities';
import { CREATED_WITHOUT_SEGMENTS } from './customers/service';
import type { OrderReader } from './customers/queries';
import { createHealthService } from './health/service';
import { createIdempotencyService } from './idempotency/service';
import { createImportService } from './imports/service';
import { createOrderService } from './orders/service';
import { afterCommit } from './segments/hooks';
import { startSegmentRefresh } from './segments/lifecycle';
import { reevaluateCustomer } from './segments/membership';
import { createSegmentService } from './segments/service';
import { runTenantSummary } from './tenants/lifecycle';
import { createTenantService } from './tenants/service';
import { createDeliveryService } from './webhooks/deliveries';
import { createWebhookService } from './webhooks/service';
import type { WebhookSettings } from './webhooks/settings';

/** What the domain layer needs from the process. */
export interface DomainDeps {
  db: Knex;
  /** A pool without a statement timeout for long streaming reads (exports); defaults to db. */
  exportDb?: Knex;
  temporal: TemporalProvider;
  jwtSecret?: string;
  /** Region assumed for phone numbers written without a country code. */
  defaultPhoneRegion?: CountryCode;
  /** Where failures of after-commit work (membership re-evaluation, refresh starts) are reported. */
  logger?: Logger;
  /** Webhook settings (SSRF policy, secrets key…), made from the configuration by the caller. */
  webhooks: WebhookSettings;
}

/** Customer commands, each with how to find the customer it changed. */
const CUSTOMER_COMMANDS = ['create', 'update', 'changeTags', 'setBlocked', 'setStatus', 'setTier', 'remove'].map((name) => ({
  name,
  customerOf: (args: unknown[], result: unknown) =>
    name === 'create' ? (CREATED_WITHOUT_SEGMENTS.has(result as object) ? undefined : (result as { id: string }).id) : (args[1] as string),
}));

/** Order commands change the customer's statistics, hence their segments. */
const ORDER_COMMANDS = ['createOrder', 'updateOrderStatus'].map((name) => ({
  name,
  customerOf: (_args: unknown[], result: unknown) => (result as { customerId: string }).customerId,
}));

/**
 * Builds every domain service bound to its dependencies. The API receives this object and
 * never sees knex or the Temporal client directly. Customer and order commands are wrapped so
 * the touched customer's segment membership is re-evaluated right after each commit.
 */
export function createDomain(deps: DomainDeps) {
  const { db } = deps;
  const report = (what: string) => (err: unknown) => deps.logger?.warn({ err }, what);
  const evaluator = createRuleEvaluator({ now: () => new Date() });
  // If re-evaluation fails, the tenant's segments are marked pending so the scheduled SQL refresh
  // repairs their membership; the error is still reported.
  const reevaluate = async (ctx: Parameters<typeof reevaluateCustomer>[2], customerId: string) => {
    try {
      await reevaluateCustomer(db, evaluator, ctx, customerId);
    } catch (err) {
      await db('segments').where({ tenant_id: ctx.principal.tenantId }).update({ refreshed_at: null }).catch(() => undefined);
      throw err;
    }
  };
  const segments = createSegmentService({
    db,
    onDefinitionChanged: (tenantId, segmentId) => startSegmentRefresh(deps.temporal, tenantId, segmentId).catch(report('segment refresh not started; the schedule will pick it up')),
  });
  const orders = afterCommit(createOrderService(deps), ORDER_COMMANDS as never, reevaluate, report('segment re-evaluation failed after an order change'));
  const customers = afterCommit(
    createCustomerService({ db, exportDb: deps.exportDb, defaultPhoneRegion: deps.defaultPhoneRegion ?? 'US', orders: orders as unknown as OrderReader }),
    CUSTOMER_COMMANDS as never,
    reevaluate,
    report('segment re-evaluation failed after a customer change'),
  );
  const { campaigns, messaging } = createCampaignModule({ db, exportDb: deps.exportDb, temporal: deps.temporal, defaultPhoneRegion: deps.defaultPhoneRegion ?? 'US' });
  return {
    campaigns,
    messaging,
    customers,
    // Tracked events; the lead wires onAccepted (segment re-evaluation by event name) at merge.
    customerEvents: createCustomerEventModule({ db, identities: createCustomerIdentities({ db, commands: customers }), logger: deps.logger }),
    orders,
    segments,
    tenants: createTenantService(deps),
    health: createHealthService(deps),
    idempotency: createIdempotencyService(deps),
    imports: createImportService({ db, temporal: deps.temporal }),
    webhooks: createWebhookService({ db, temporal: deps.temporal, logger: deps.logger, settings: deps.webhooks }),
    webhookDeliveries: createDeliveryService({ db, temporal: deps.temporal, logger: deps.logger }),
    /** Runs the tenant summary through Temporal (worker + activity + Postgres). */
    tenantSummary: (tenantId: string) => runTenantSummary(deps.temporal, tenantId),
  };
}

/** The domain layer as the API sees it. */
export type Domain = ReturnType<typeof createDomain>;
