/**
 * Send: the node's message to the run's customer through its hidden campaign
 * (domain/campaigns/journeySends.ts), keyed by this step. Sent or skipped: the run goes on; held
 * by policy or a transient failure: the step waits (the run is due when the ledger row is);
 * failed: the step fails with the reason and the run still goes on — a failed send never stalls it.
 */
import type { SendNode } from '../types';
import type { Executor } from './env';

/** The send node's executor (the runner began the step: its id keys the ledger row). */
export const runSend: Executor<SendNode> = async (env, { run, version, node, step, now }) => {
  const campaignId = version.sendCampaigns[node.id];
  const next = node.next ?? null;
  if (!campaignId) return { kind: 'next', status: 'failed', next, detail: { channel: node.channel, error: 'the send node has no campaign' } };
  const out = await env.sender.sendJourneyMessage(
    {
      tenantId: run.tenant_id,
      campaignId,
      customerId: run.customer_id,
      stepId: step!.id,
      scope: { event: run.trigger.properties ?? {}, journey: { id: run.journey_id, name: run.journey_name, version: version.version } },
    },
    now,
  );
  const base = { channel: node.channel, campaignId, ledgerId: out.ledgerId };
  switch (out.state) {
    case 'sent':
      return { kind: 'next', status: 'done', next, detail: { ...base, sent: true }, messageId: out.ledgerId, write: out.settle };
    case 'skipped':
      return { kind: 'next', status: 'done', next, detail: { ...base, skipped: out.reason } };
    case 'held':
      return { kind: 'wait', until: out.until, detail: { ...base, held: out.reason, until: out.until.toISOString() }, write: out.settle };
    case 'failed':
      return { kind: 'next', status: 'failed', next, detail: { ...base, error: out.error }, write: out.settle };
  }
};
