import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import type { Logger } from '../lib/logger';
import { createRuleEvaluator } from '../rules/evaluate';
import type { TemporalProvider } from '../temporal/client';
import { createAnalyticsService } from './analytics/service';
import { createCampaignModule } from './campaigns';
import { startConversationReply } from './conversations/lifecycle';
import { createConversationService } from './conversations/service';
import { createCopyService } from './copy/service';
import { createCustomerEventModule } from './customerEvents';
import { createEngagementQueries } from './engagement/bestHour';
import { createCustomerService } from './customers';
import { createConversationQueries } from './conversations/queries';
import { createCustomerIdentities } from './customers/identities';
import { createHealthService } from './health/service';
import { createIdempotencyService } from './idempotency/service';
import { createImportService } from './imports/service';
import { createInsightService } from './insights/service';
import { createJourneyService } from './journeys/service';
import { createJourneyAnalytics } from './journeys/analytics';
import { createJourneyRunQueries } from './journeys/runQueries';
import { createOrderService } from './orders/service';
import { createMessagingService } from './messaging/service';
import { startSegmentRefresh } from './segments/lifecycle';
import { createSegmentReevaluator } from './segments/reevaluator';
import { createSegmentService } from './segments/service';
import { createSegmentMembershipQueries } from './segments/customerMemberships';
import { createDefaultLanguageCache } from './tenants/languageCache';
import { runTenantSummary } from './tenants/lifecycle';
import { createTenantService } from './tenants/service';
import { createUserModule, type SignInSettings } from './users';
import { createDeliveryService } from './webhooks/deliveries';
import { createWebhookService } from './webhooks/service';
import type { WebhookSettings } from './webhooks/settings';

/** What the domain layer needs from the process. */
export interface DomainDeps {
  db: Knex;
  /** A pool without a statement timeout for long streaming reads (exports); defaults to db. */
  exportDb?: Knex;
  temporal: TemporalProvider;
  /** Keys JWT bearer tokens verify with, the current one first. */
  jwtSecret?: string | readonly string[];
  /** Region assumed for phone numbers written without a country code. */
  defaultPhoneRegion?: CountryCode;
  /** Where failures of after-commit work (membership re-evaluation, refresh starts) are reported. */
  logger?: Logger;
  /** Webhook settings (SSRF policy, secrets key…), made from the configuration by the caller. */
  webhooks: WebhookSettings;
  /** Sessions, lockout, the key of mailed tokens and the OpenID providers. */
  signIn: SignInSettings;
}

/**
 * Builds every domain service bound to its dependencies. The API receives this object and
 * never sees knex or the Temporal client directly. Every command that changes a customer calls
 * the one segment re-evaluator built here once its transaction has committed.
 */
export function createDomain(deps: DomainDeps) {
  const { db } = deps;
  const defaultPhoneRegion = deps.defaultPhoneRegion ?? 'US';
  const report = (what: string) => (err: unknown) => deps.logger?.warn({ err }, what);
  const reevaluator = createSegmentReevaluator({
    db,
    matcher: createRuleEvaluator({ now: () => new Date() }),
    report: (err, customerId) =>
      deps.logger?.warn({ err, customerId }, "segment re-evaluation failed after a customer change; the tenant's segments are left to the scheduled refresh"),
  });
  const segments = createSegmentService({
    db,
    onDefinitionChanged: (tenantId, segmentId) =>
      startSegmentRefresh(deps.temporal, tenantId, segmentId).catch(report('segment refresh not started; the schedule will pick it up')),
  });
  const orders = createOrderService({ db, exportDb: deps.exportDb, segments: reevaluator });
  // One cache of tenants' default languages: the customer commands read it, the settings command clears it.
  const defaultLanguages = createDefaultLanguageCache({ db });
  const customers = createCustomerService({
    db,
    exportDb: deps.exportDb,
    defaultPhoneRegion,
    orders,
    segments: reevaluator,
    defaultLanguages,
    conversations: createConversationQueries({ db }),
  });
  return {
    campaigns: createCampaignModule({ db, exportDb: deps.exportDb, temporal: deps.temporal, defaultPhoneRegion, segments: reevaluator }),
    messaging: createMessagingService({ db }),
    conversations: createConversationService({
      db,
      // After commit: a start that fails leaves the message `queued` (visible in the thread) and is reported.
      onQueued: (tenantId, messageId) =>
        startConversationReply(deps.temporal, tenantId, messageId).catch(report('conversation reply not started; the message stays queued')),
    }),
    /** Message suggestions and checks (seed 003's AI message suggestions, without a model). */
    copy: createCopyService({ db }),
    customers,
    customerEvents: createCustomerEventModule({
      db,
      identities: createCustomerIdentities({ db, commands: customers }),
      logger: deps.logger,
      // Segments with event conditions on the tracked names follow at once (their rules read once per batch).
      onAccepted: (ctx, accepted) => reevaluator.eventsTracked(ctx, accepted),
    }),
    orders,
    segments,
    segmentMemberships: createSegmentMembershipQueries({ db }),
    tenants: createTenantService({ ...deps, defaultLanguages }),
    users: createUserModule({ db, temporal: deps.temporal, settings: deps.signIn, logger: deps.logger }),
    health: createHealthService(deps),
    idempotency: createIdempotencyService(deps),
    imports: createImportService({ db, temporal: deps.temporal }),
    journeys: createJourneyService({ db }),
    insights: createInsightService({ db }),
    webhooks: createWebhookService({ db, temporal: deps.temporal, logger: deps.logger, settings: deps.webhooks }),
    webhookDeliveries: createDeliveryService({ db, temporal: deps.temporal, logger: deps.logger }),
    journeyAnalytics: createJourneyAnalytics({ db }),
    journeyRuns: createJourneyRunQueries({ db }),
    engagement: createEngagementQueries({ db }),
    analytics: createAnalyticsService({ db }),
    /** Runs the tenant summary through Temporal (worker + activity + Postgres). */
    tenantSummary: (tenantId: string) => runTenantSummary(deps.temporal, tenantId),
  };
}

/** The domain layer as the API sees it. */
export type Domain = ReturnType<typeof createDomain>;
