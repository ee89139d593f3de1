/**
 * Send: the node's message to each run's customer through its hidden campaign
 * (domain/campaigns/journeySends.ts), keyed by the run's step, a batch of runs at once. Sent or
 * skipped: the run goes on; held by policy or a transient failure: the step waits (the run is due
 * when the ledger row is); failed: the step fails with the reason and the run still goes on — a
 * failed send never stalls it.
 */
import { inStoredTrace } from '../../../lib/traceContext';
import type { JourneySendOutcome } from '../../campaigns/journeySends';
import type { StepOutcome } from '../runnerTypes';
import type { SendNode } from '../types';
import type { BatchExecutor, PlannedStep } from './env';

/** The step outcome of one message's fate. */
function outcomeOf(out: JourneySendOutcome, base: Record<string, unknown>, next: string | null): StepOutcome {
  const detail = { ...base, ledgerId: out.ledgerId };
  switch (out.state) {
    case 'sent':
      return { kind: 'next', status: 'done', next, detail: { ...detail, sent: true }, messageId: out.ledgerId, settlement: out.settlement };
    case 'skipped':
      return { kind: 'next', status: 'done', next, detail: { ...detail, skipped: out.reason } };
    case 'held':
      return { kind: 'wait', until: out.until, detail: { ...detail, held: out.reason, until: out.until.toISOString() }, settlement: out.settlement };
    case 'failed':
      return { kind: 'next', status: 'failed', next, detail: { ...detail, error: out.error }, settlement: out.settlement };
  }
}

/** The send node's executor for runs at the same node (the runner began their steps: each step's id keys its ledger row); provider calls come back as effects. */
export const runSends: BatchExecutor<SendNode> = async (env, inputs) => {
  const first = inputs[0];
  if (!first) return [];
  const { version, node, now } = first;
  const campaignId = version.sendCampaigns[node.id];
  const next = node.next ?? null;
  if (!campaignId)
    return inputs.map(() => ({ kind: 'next', status: 'failed', next, detail: { channel: node.channel, error: 'the send node has no campaign' } }));
  const messages = inputs.map(({ run, step }) => ({
    customerId: run.customer_id,
    stepId: step!.id,
    scope: { event: run.trigger.properties ?? {}, journey: { id: run.journey_id, name: run.journey_name, version: version.version } },
  }));
  const prepared = await env.sender.prepareJourneyMessages(first.run.tenant_id, campaignId, messages, now);
  const base = { channel: node.channel, campaignId };
  return inputs.map(({ run, step }): PlannedStep => {
    const p = prepared.get(step!.id)!;
    if (!('send' in p)) return outcomeOf(p.outcome, base, next);
    // The runner polls outside any trace: the send joins the trace of the request whose event started the run.
    const attributes = { 'herald.journey.id': run.journey_id, 'herald.journey.run_id': run.id, 'herald.journey.node': node.id, 'herald.channel': node.channel };
    return { effect: async () => outcomeOf(await inStoredTrace(run.trigger.traceParent, 'journey send', attributes, () => p.send()), base, next) };
  });
};
