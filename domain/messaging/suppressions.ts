import type { Knex } from 'knex';

/** An address that must not be messaged on a channel again, and why. */
export interface Suppression {
  tenantId: string;
  channel: 'email' | 'sms';
  address: string;
  reason: 'unsubscribed' | 'bounced' | 'complained';
}

/**
 * Adds an address to the tenant's suppression list (`message_suppressions`), which every
 * audience snapshot reads: the address is skipped as `suppressed` whichever customer holds it.
 * Adding one already listed keeps the first entry and its reason.
 */
export async function suppressAddress(db: Knex, s: Suppression): Promise<void> {
  await db('message_suppressions')
    .insert({ tenant_id: s.tenantId, channel: s.channel, address: s.address, reason: s.reason })
    .onConflict(['tenant_id', 'channel', 'address'])
    .ignore();
}
