import Router from '@koa/router';
import type { HeraldCustom, HeraldState } from '../context';
import { createOpenApiRegistry } from '../openapi';
import { registerWebhookEvents } from '../webhookEvents';
import type { RouteTarget } from '../route';
import { aiRoutes } from './ai';
import { analyticsRoutes } from './analytics/routes';
import { apiKeyRoutes } from './apiKeys/routes';
import { oidcRoutes } from './auth/oidc';
import { authRoutes } from './auth/routes';
import { campaignActionRoutes } from './campaigns/actions';
import { campaignRoutes } from './campaigns/routes';
import { conversationInboundRoutes } from './conversations/inbound';
import { conversationMessageRoutes } from './conversations/messages';
import { conversationRoutes } from './conversations/routes';
import { customerActionRoutes } from './customers/actions';
import { customerConversationRoutes } from './customers/conversations';
import { customerJourneyRoutes } from './customers/journeys';
import { customerSegmentRoutes } from './customers/segments';
import { customerReportRoutes } from './customers/reports';
import { customerRoutes } from './customers/routes';
import { consoleRoutes } from './console/routes';
import { docsRoutes } from './docs/routes';
import { engagementRoutes } from './engagement/routes';
import { batchRoutes } from './events/batch';
import { identifyRoutes } from './events/identify';
import { customerEventListRoutes } from './events/list';
import { eventNameRoutes } from './events/names';
import { trackRoutes } from './events/track';
import { userRoutes } from './users/routes';
import { healthRoutes } from './health/routes';
import { importRoutes } from './imports/routes';
import { journeyActionRoutes } from './journeys/actions';
import { journeyRoutes } from './journeys/routes';
import { journeyAnalyticsRoutes } from './journeys/analytics';
import { journeyRunRoutes } from './journeys/runs';
import { messagingRoutes } from './messaging/routes';
import { orderRoutes } from './orders/routes';
import { segmentRoutes } from './segments/routes';
import { tenantRoutes } from './tenant/routes';
import { webhookDeliveryRoutes } from './webhooks/deliveries';
import { webhookRoutes } from './webhooks/routes';

/** Every route module, in the order their paths appear in the docs. */
const MODULES = [
  healthRoutes,
  tenantRoutes,
  apiKeyRoutes,
  // The fixed /auth paths before /auth/:provider, so they are not taken for a provider's name.
  authRoutes,
  oidcRoutes,
  userRoutes,
  customerReportRoutes,
  customerRoutes,
  customerActionRoutes,
  customerEventListRoutes,
  trackRoutes,
  identifyRoutes,
  batchRoutes,
  eventNameRoutes,
  orderRoutes,
  segmentRoutes,
  aiRoutes,
  importRoutes,
  campaignRoutes,
  campaignActionRoutes,
  analyticsRoutes,
  journeyRoutes,
  journeyActionRoutes,
  messagingRoutes,
  conversationRoutes,
  conversationMessageRoutes,
  conversationInboundRoutes,
  webhookRoutes,
  webhookDeliveryRoutes,
  journeyAnalyticsRoutes,
  journeyRunRoutes,
  customerJourneyRoutes,
  customerConversationRoutes,
  customerSegmentRoutes,
  engagementRoutes,
  docsRoutes,
  consoleRoutes,
];

/** Builds the router with every route registered, and the OpenAPI registry that describes them and the webhooks Herald sends. */
export function buildRouter(): RouteTarget {
  const target: RouteTarget = { router: new Router<HeraldState, HeraldCustom>(), registry: createOpenApiRegistry() };
  for (const register of MODULES) register(target);
  registerWebhookEvents(target.registry);
  return target;
}
