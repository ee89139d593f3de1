/**
 * Webhook: one signed POST (Standard Webhooks, channels/webhookSigning.ts) to one of the tenant's
 * endpoints, through the SSRF-guarded transport (channels/webhookHttp.ts). `webhook-id` is the
 * step id, the same on every attempt. A failure is retried on the run's due time with the webhook
 * retry schedule (domain/webhooks/retry.ts); when it runs out the step fails and the run goes on.
 */
import { createSigner } from '../../../channels/webhookSigning';
import { toCustomer } from '../../customers/rows';
import { isFailedResponse, requestHeaders } from '../../webhooks/dispatchPolicy';
import { readSigningEndpoint } from '../../webhooks/ledger';
import { nextAttemptDelayMs, parseRetryAfter } from '../../webhooks/retry';
import type { WebhookNode } from '../types';
import type { Executor } from './env';

/** The webhook node's executor (the runner began the step: its id is the webhook-id). */
export const runWebhook: Executor<WebhookNode> = async (env, { run, version, node, step, now }) => {
  const next = node.next ?? null;
  const attempts = Number(step!.detail.attempts ?? 0);
  const endpoint = await readSigningEndpoint(env.db, env.webhooks.settings, run.tenant_id, node.endpointId);
  if (!endpoint || !endpoint.enabled)
    return {
      kind: 'next',
      status: 'failed',
      next,
      detail: { endpointId: node.endpointId, attempts, error: endpoint ? 'endpoint disabled' : 'endpoint not found' },
    };
  const row = await env.customerRow(run.tenant_id, run.customer_id);
  // The body is the same on every attempt: its timestamp is the step's start.
  const body = JSON.stringify({
    type: 'journey.webhook',
    timestamp: new Date(step!.started_at).toISOString(),
    data: {
      journey: { id: run.journey_id, name: run.journey_name, version: version.version },
      run: { id: run.id, nodeId: node.id, enteredAt: new Date(run.entered_at).toISOString() },
      customer: row ? toCustomer(row) : { id: run.customer_id },
      event: run.trigger,
    },
  });
  // The signature's timestamp is the real time of sending (receivers reject old ones), not the journey's clock.
  const headers = requestHeaders(endpoint, createSigner(endpoint.keys), { id: step!.id, body }, new Date());
  const out = await env.webhooks.transport.post(endpoint.url, headers, body);
  const made = attempts + 1;
  if (!isFailedResponse(out.statusCode))
    return { kind: 'next', status: 'done', next, detail: { endpointId: endpoint.id, attempts: made, statusCode: out.statusCode } };
  const error = out.error ?? `HTTP ${out.statusCode}`;
  const delay = nextAttemptDelayMs(env.webhooks.settings.retryScheduleMs, made, out.retryAfter === null ? null : parseRetryAfter(out.retryAfter));
  if (delay === null) return { kind: 'next', status: 'failed', next, detail: { endpointId: endpoint.id, attempts: made, error } };
  const until = new Date(now.getTime() + delay);
  return { kind: 'wait', until, detail: { endpointId: endpoint.id, attempts: made, lastError: error, until: until.toISOString() } };
};
