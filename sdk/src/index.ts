/**
 * @herald/sdk: a typed client for Herald's API. Types are generated from Herald's OpenAPI
 * document (./generated/openapi.ts); calls go through openapi-fetch; this package adds resource
 * namespaces, pagination, retries, idempotency keys, typed errors and webhook verification.
 */
export { Herald } from './client';
export type { CreateOptions, HeraldOptions, RequestOptions } from './core';
export * from './errors';
export type { PagePosition } from './pagination';
export type { MessageCheckParams, MessageSuggestionParams } from './resources/ai';
export type { ImportCreateOptions, ImportSource } from './resources/imports';
export type { SegmentListParams } from './resources/segments';
export type * from './types';
export { verifyWebhook, Webhook, WebhookVerificationError, type WebhookHeaders } from './webhookVerify';
export type { components, paths, webhooks } from './generated/openapi';
