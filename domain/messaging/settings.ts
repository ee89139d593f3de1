import type { Knex } from 'knex';
import { replaceTenantSettingsSection } from '../tenants/repo';

/** A tenant's messaging defaults, kept under `settings.messaging` on the tenant. */
export interface MessagingSettings {
  /** From address of the tenant's e-mail (else SMTP_FROM). */
  fromEmail?: string;
  /** Communication hours for customers who have none of their own (else 09:00–21:00). */
  communicationHours?: { start: string; end: string };
  /** Timezone for customers who have none (else UTC). */
  timezone?: string;
  /** The tenant's Twilio numbers (E.164): inbound SMS and WhatsApp messages to them are the tenant's conversations. */
  inboundNumbers?: string[];
  /** A customer's message on a thread resolved within this many days reopens it; later, a new thread (default 7). */
  conversationReopenDays?: number;
  /** What one SMS segment costs the tenant, shown by the message checks (else Twilio's US list price, see domain/copy). */
  smsSegmentPrice?: { amount: number; currency: string };
}

/** The tenant's messaging settings (empty when never set). */
export async function readMessagingSettings(db: Knex, tenantId: string): Promise<MessagingSettings> {
  const row = await db('tenants').where({ id: tenantId }).first('settings');
  return ((row?.settings as { messaging?: MessagingSettings } | undefined)?.messaging ?? {}) as MessagingSettings;
}

/** Replaces the tenant's messaging settings, leaving the rest of its settings alone (the tenants module writes the row). */
export async function writeMessagingSettings(db: Knex, tenantId: string, settings: MessagingSettings): Promise<MessagingSettings> {
  await replaceTenantSettingsSection(db, tenantId, 'messaging', settings);
  return settings;
}
