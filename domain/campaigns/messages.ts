import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { ChannelError, type Channels } from '../../channels/types';
import { findCustomer } from '../customers/repo';
import type { CampaignTestSendInput, TestSendResult } from '../../workflows/campaignTestSend';
import type { ClaimedRecipient, Settlement } from './ledger';
import { failureOutcome } from './policy';
import { sampleCustomerRow } from './preview';
import { renderForCustomer, type TemplateCache } from './render';
import { findCampaignRow } from './sending';
import { addTracking, messageLinks } from './tracking';
import type { CampaignRow } from './types';

/** What sending one campaign message needs: the transports, the links recipients reach, and a clock. */
export interface MessageDeps {
  channels: Channels;
  /** Base URL of the API as recipients reach it (tracking, unsubscribe, status callbacks). */
  publicUrl: string;
  trackingSecret: string;
  templates: TemplateCache;
  now: () => Date;
}

/** A provider's refusal as a classified error; anything unclassified is permanent (never retried blindly). */
export function asChannelError(err: unknown): ChannelError {
  return err instanceof ChannelError ? err : new ChannelError((err as Error)?.message ?? String(err), 'permanent');
}

/**
 * Renders the campaign for one claimed recipient and sends it through the campaign's channel, with
 * tracking, unsubscribe and status-callback links signed for the ledger row (whose id is also the
 * Message-ID, so a repeat after a crash is recognisable). `scope` adds template variables (a
 * journey's `event` and `journey`). Never rejects: the outcome is the row's settlement — sent,
 * failed, or pending again with the retry time of a transient failure.
 */
export async function sendCampaignMessage(
  deps: MessageDeps,
  campaign: CampaignRow,
  r: ClaimedRecipient,
  from: string | undefined,
  scope: Record<string, unknown> = {},
): Promise<Settlement> {
  const links = messageLinks(deps.publicUrl, deps.trackingSecret, r.ledgerId);
  try {
    const message = renderForCustomer(deps.templates.get(campaign, r.variant), campaign, r.customer, { ...scope, unsubscribeUrl: links.unsubscribeUrl });
    const result =
      campaign.channel === 'email'
        ? await deps.channels.email.send({
            ledgerId: r.ledgerId,
            tenantId: campaign.tenant_id,
            to: r.address,
            from,
            subject: message.subject,
            html: addTracking(message.body, links),
            unsubscribeUrl: links.unsubscribeUrl,
          })
        : await deps.channels.sms.send({
            ledgerId: r.ledgerId,
            tenantId: campaign.tenant_id,
            to: r.address,
            body: message.body,
            statusCallback: links.statusCallbackUrl,
          });
    return { id: r.ledgerId, state: 'sent', providerId: result.providerId, attempted: true };
  } catch (err) {
    const e = asChannelError(err);
    const outcome = failureOutcome(e.kind, r.attempts, deps.now());
    if (outcome.state === 'pending') {
      return {
        id: r.ledgerId,
        state: 'pending',
        error: e.message,
        errorKind: 'transient',
        attempted: true,
        nextAttemptAt: outcome.retryAt.toISOString(),
        deferredReason: 'retry',
      };
    }
    return { id: r.ledgerId, state: 'failed', error: e.message, errorKind: e.kind, attempted: true };
  }
}

/**
 * Sends the campaign's message to test addresses, rendered for a chosen live customer (or a sample
 * one). Test messages have no ledger rows and no tracking; each gets a fresh Message-ID.
 */
export async function sendTestMessages(db: Knex, deps: Pick<MessageDeps, 'channels' | 'templates'>, input: CampaignTestSendInput): Promise<TestSendResult[]> {
  const campaign = await findCampaignRow(db, input.tenantId, input.campaignId);
  if (!campaign) return input.addresses.map((address) => ({ address, ok: false, error: 'campaign not found' }));
  const customer = input.customerId ? await findCustomer(db, input.tenantId, input.customerId) : undefined;
  const message = renderForCustomer(deps.templates.get(campaign), campaign, customer ?? sampleCustomerRow(), { unsubscribeUrl: '#test' });
  return Promise.all(
    input.addresses.map(async (address): Promise<TestSendResult> => {
      try {
        const sent =
          campaign.channel === 'email'
            ? await deps.channels.email.send({
                ledgerId: randomUUID(),
                tenantId: input.tenantId,
                to: address,
                subject: `[TEST] ${message.subject}`,
                html: message.body,
              })
            : await deps.channels.sms.send({ ledgerId: randomUUID(), tenantId: input.tenantId, to: address, body: message.body });
        return { address, ok: true, providerId: sent.providerId };
      } catch (err) {
        return { address, ok: false, error: (err as Error).message };
      }
    }),
  );
}
