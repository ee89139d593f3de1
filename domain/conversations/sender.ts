import type { Knex } from 'knex';
import { ChannelError, type Channel, type OutgoingSms } from '../../channels/types';

/** What the worker's reply sender needs: the SMS/WhatsApp transport and the public base URL (status callbacks). */
export interface ReplySenderDeps {
  db: Knex;
  sms: Channel<OutgoingSms>;
  publicUrl: string;
}

/** Where Twilio reports a conversation message's delivery (the campaigns' callback route, by message id). */
export const conversationStatusCallback = (publicUrl: string, messageId: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/v1/messaging/twilio/status?messageId=${messageId}`;

/**
 * Sends one queued outbound message of a conversation (the worker's activity). The row is claimed
 * `queued → sending` first, so two attempts never both send a queued message; an attempt that
 * died while `sending` is retried (at least once: Twilio has no idempotency key). Twilio's answer
 * sets `sent` with its message SID, a permanent refusal `failed` with the reason; a transient one
 * is thrown for Temporal to retry. Answers the state the row ended in.
 */
export async function sendConversationMessage(deps: ReplySenderDeps, tenantId: string, messageId: string): Promise<string> {
  const { db } = deps;
  const [claimed] = (await db('conversation_messages as m')
    .update({ state: 'sending', updated_at: db.fn.now() })
    .where({ 'm.tenant_id': tenantId, 'm.id': messageId, 'm.direction': 'outbound' })
    .whereIn('m.state', ['queued', 'sending'])
    .returning(['m.id', 'm.conversation_id', 'm.body', 'm.content_sid', 'm.content_variables'])) as Array<{
    id: string;
    conversation_id: string;
    body: string;
    content_sid: string | null;
    content_variables: Record<string, string> | null;
  }>;
  if (!claimed) return ((await db('conversation_messages').where({ id: messageId }).first('state')) as { state: string } | undefined)?.state ?? 'missing';
  const conversation = (await db('conversations').where({ id: claimed.conversation_id }).first('address')) as { address: string | null };
  const settle = (fields: Record<string, unknown>) =>
    db('conversation_messages')
      .where({ id: messageId, state: 'sending' })
      .update({ ...fields, updated_at: db.fn.now() });
  if (!conversation.address) {
    await settle({ state: 'failed', error: 'The conversation has no address to send to' });
    return 'failed';
  }
  try {
    const sent = await deps.sms.send({
      ledgerId: messageId,
      tenantId,
      to: conversation.address,
      body: claimed.body,
      statusCallback: conversationStatusCallback(deps.publicUrl, messageId),
      ...(claimed.content_sid ? { contentSid: claimed.content_sid, contentVariables: claimed.content_variables ?? {} } : {}),
    });
    await settle({ state: 'sent', provider_id: sent.providerId });
    return 'sent';
  } catch (err) {
    if (err instanceof ChannelError && err.kind === 'permanent') {
      await settle({ state: 'failed', error: `twilio: ${err.message}`.slice(0, 1000) });
      return 'failed';
    }
    throw err;
  }
}

/** How long a reply may stay `queued` before the sweep starts its workflow again, and how far back it looks. */
export const REPLY_SWEEP = { after: 60_000, within: 7 * 24 * 3_600_000, batch: 500 } as const;

/**
 * Outbound messages left `queued` for longer than {@link REPLY_SWEEP}.after (and queued within
 * the last week): replies whose workflow the API could not start after its commit (Temporal
 * unreachable then). Oldest first, at most a batch; the partial index of queued outbound
 * messages keeps this a short read however many messages were ever sent.
 */
export async function staleQueuedReplies(db: Knex, now: Date = new Date()): Promise<Array<{ tenantId: string; messageId: string }>> {
  const rows = (await db('conversation_messages')
    .where({ direction: 'outbound', state: 'queued' })
    .where('created_at', '<', new Date(now.getTime() - REPLY_SWEEP.after))
    .where('created_at', '>', new Date(now.getTime() - REPLY_SWEEP.within))
    .orderBy('created_at')
    .limit(REPLY_SWEEP.batch)
    .select('tenant_id', 'id')) as Array<{ tenant_id: string; id: string }>;
  return rows.map((r) => ({ tenantId: r.tenant_id, messageId: r.id }));
}
