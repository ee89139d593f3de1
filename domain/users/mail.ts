import type { Knex } from 'knex';
import type { Channel, OutgoingEmail } from '../../channels/types';
import { findTenantById } from '../tenants/repo';
import { findUserToken } from './repo';
import { userTokenFor } from './secrets';

/** What sending a token's e-mail needs from the worker. */
export interface UserMailDeps {
  db: Knex;
  email: Channel<OutgoingEmail>;
  /** Base URL people reach Herald at: the links point at its console. */
  publicUrl: string;
  /** The key mailed tokens are derived with (TRACKING_SECRET). */
  tokenKey: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Composes and sends the e-mail of an invitation or a password reset. The link carries the
 * token, rebuilt from the row's id; nothing is sent for a token already used or expired, so a
 * retry after the person acted sends no stale link.
 */
export async function sendUserEmail(deps: UserMailDeps, tokenId: string): Promise<string> {
  const row = await findUserToken(deps.db, tokenId);
  if (!row) return 'missing';
  if (row.used_at) return 'used';
  if (row.expires_at.getTime() <= Date.now()) return 'expired';
  const token = userTokenFor(row.id, deps.tokenKey);
  const base = deps.publicUrl.replace(/\/$/, '');
  let subject: string;
  let html: string;
  if (row.kind === 'invitation') {
    const tenant = row.tenant_id ? await findTenantById(deps.db, row.tenant_id) : undefined;
    const link = `${base}/console/accept-invitation?token=${encodeURIComponent(token)}`;
    subject = `You are invited to ${tenant?.name ?? 'Herald'} on Herald`;
    html = `<p>You have been invited to join <b>${escapeHtml(tenant?.name ?? 'a workspace')}</b> on Herald as ${escapeHtml(row.role ?? 'member')}.</p>
<p><a href="${escapeHtml(link)}">Accept the invitation</a> (the link works once, until ${row.expires_at.toISOString()}).</p>
<p>Token for the API (POST /api/v1/auth/invitations/accept): <code>${escapeHtml(token)}</code></p>`;
  } else {
    const link = `${base}/console/reset-password?token=${encodeURIComponent(token)}`;
    subject = 'Reset your Herald password';
    html = `<p>Someone asked to reset the password of this address on Herald. If it was not you, ignore this message.</p>
<p><a href="${escapeHtml(link)}">Choose a new password</a> (the link works once, until ${row.expires_at.toISOString()}).</p>
<p>Token for the API (POST /api/v1/auth/password-reset/confirm): <code>${escapeHtml(token)}</code></p>`;
  }
  await deps.email.send({ ledgerId: row.id, tenantId: row.tenant_id ?? 'herald', to: row.email, subject, html });
  return 'sent';
}
