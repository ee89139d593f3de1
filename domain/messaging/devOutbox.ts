import type { Knex } from 'knex';

/** One message caught in development (SMTP catcher or log SMS provider). */
export interface CaughtMessage {
  tenantId: string | null;
  channel: 'email' | 'sms';
  to: string;
  from?: string | null;
  subject?: string | null;
  body: string;
  messageId?: string | null;
}

/** Stores a caught message so `GET /api/v1/dev/outbox` can list it from any process. */
export async function recordCaughtMessage(db: Knex, m: CaughtMessage): Promise<void> {
  const uuid = /^[0-9a-f-]{36}$/i;
  await db('dev_outbox').insert({
    tenant_id: m.tenantId && uuid.test(m.tenantId) ? m.tenantId : null,
    channel: m.channel,
    to: m.to,
    from: m.from ?? null,
    subject: m.subject ?? null,
    body: m.body,
    message_id: m.messageId ?? null,
  });
}
