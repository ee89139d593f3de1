import type { Knex } from 'knex';
import type { MessagingDeps } from '../domain/campaigns/pageSender';
import { sendUserEmail } from '../domain/users/mail';

/** The activity that mails invitations and password-reset links (domain/users/mail.ts). */
export function createUserEmailActivities(deps: { db: Knex; messaging?: MessagingDeps }) {
  return {
    /** Sends one token's e-mail; answers `sent`, or why nothing was sent (missing, used or expired meanwhile). */
    async sendUserEmail(tokenId: string): Promise<string> {
      if (!deps.messaging) throw new Error('This worker has no messaging transports configured');
      return sendUserEmail(
        { db: deps.db, email: deps.messaging.channels.email, publicUrl: deps.messaging.publicUrl, tokenKey: deps.messaging.trackingSecret },
        tokenId,
      );
    },
  };
}
