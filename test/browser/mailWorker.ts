import { createEmailChannel } from '../../channels/email';
import { ChannelError } from '../../channels/types';
import { decodeQuotedPrintable } from '../support/cookieJar';
import { startSmtpSink } from '../support/smtpSink';
import { startTestWorker } from '../support/testWorker';
import { waitFor } from '../support/until';
import type { ConsoleStack } from '../support/browser';

/**
 * Herald's worker for a console test, with its e-mail channel pointed at an SMTP sink, so the
 * invitations and reset links the console asks for are really mailed, and a test can read them.
 */
export async function startMailWorker(stack: ConsoleStack) {
  const sink = await startSmtpSink({ keepRaw: true });
  const email = createEmailChannel({ url: sink.url, from: 'Herald Test <test@herald.local>', poolSize: 2 });
  const sms = {
    send: async () => {
      throw new ChannelError('No SMS in the console tests', 'permanent');
    },
    close: async () => undefined,
  };
  const stop = await startTestWorker(stack.db, {
    messaging: {
      channels: { email, sms },
      publicUrl: stack.server.url,
      trackingSecret: stack.server.runtime.config.TRACKING_SECRET,
      pageSize: 50,
      concurrency: 2,
    },
  });
  return {
    /** The console link (`/console/…?token=…`) of the last mail the sink received for an address. */
    async linkTo(address: string, page: 'accept-invitation' | 'reset-password'): Promise<string> {
      const body = await waitFor(
        async () =>
          [...sink.messages]
            .reverse()
            .filter((m) => m.to.includes(address))
            .map((m) => decodeQuotedPrintable(m.raw))
            .find((text) => text.includes(`/console/${page}?token=`)),
        30_000,
        100,
        `a ${page} mail to ${address}`,
      );
      const link = new RegExp(`href="([^"]*/console/${page}\\?token=[^"]+)"`).exec(body)?.[1];
      if (!link) throw new Error(`No ${page} link in the mail to ${address}`);
      return link.replace(/&amp;/g, '&');
    },
    async close() {
      await stop();
      await email.close();
      await sink.close();
    },
  };
}
