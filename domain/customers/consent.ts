import type { Knex } from 'knex';
import { recordAudit } from '../audit/repo';
import { appendEvent } from '../events/outbox';
import { actorLabel, type CommandContext } from '../shared/context';
import * as repo from './repo';
import { toCustomer } from './rows';

/** The consent column of each channel a message can be unsubscribed from. */
const CONSENT_COLUMN = { email: 'consent_email', sms: 'consent_sms' } as const;

/** Why a customer's consent is withdrawn: an unsubscribe through the link in a campaign's message. */
export interface Unsubscribe {
  customerId: string;
  channel: keyof typeof CONSENT_COLUMN;
  campaignId: string;
}

/**
 * Turns a customer's consent for a channel off because they unsubscribed, in the caller's
 * transaction (the unsubscribe also marks the message and suppresses the address in it). When
 * the consent was on, the customer changes and customer.updated says so (`preferences.<channel>`,
 * reason `unsubscribed`); a repeat changes nothing. The audit row `customer.unsubscribed` is
 * written every time. Returns whether the customer changed, so the caller knows to re-evaluate
 * the customer's segments once its transaction has committed.
 */
export async function withdrawConsent(trx: Knex, ctx: CommandContext, unsubscribe: Unsubscribe): Promise<boolean> {
  const { customerId, channel, campaignId } = unsubscribe;
  const tenantId = ctx.principal.tenantId;
  const column = CONSENT_COLUMN[channel];
  const before = await repo.findCustomer(trx, tenantId, customerId, true);
  const changed = before?.[column] === true;
  if (changed) {
    const after = (await repo.updateCustomer(trx, tenantId, customerId, { [column]: false, updated_by: actorLabel(ctx) }))!;
    await appendEvent(trx, ctx, {
      type: 'customer.updated',
      subjectType: 'customer',
      subjectId: customerId,
      data: { customer: toCustomer(after), changed: [`preferences.${channel}`], reason: 'unsubscribed', campaignId },
    });
  }
  await recordAudit(trx, 'system', tenantId, {
    action: 'customer.unsubscribed',
    subjectType: 'customer',
    subjectId: customerId,
    changes: { channel, campaignId },
  });
  return changed;
}
