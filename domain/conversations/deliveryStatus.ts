import type { Knex } from 'knex';

/**
 * Applies Twilio's status callback to a conversation message: `delivered`, or `undelivered` /
 * `failed` with the error code. A callback that overtakes the send's own answer (still
 * `sending`) is left for the sender to settle, as the campaigns' ledger does.
 */
export async function applyConversationMessageStatus(db: Knex, messageId: string, status: string, errorCode?: string): Promise<void> {
  if (status === 'delivered') await db('conversation_messages').where({ id: messageId, state: 'sent' }).update({ state: 'delivered', updated_at: db.fn.now() });
  else if (status === 'failed' || status === 'undelivered')
    await db('conversation_messages')
      .where({ id: messageId })
      .whereIn('state', ['sent', 'delivered'])
      .update({ state: status, error: `twilio ${status}${errorCode ? ` (${errorCode})` : ''}`, updated_at: db.fn.now() });
}
