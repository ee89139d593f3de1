import type { Conversation } from './queries';

/** WhatsApp's customer-care window: free-form replies only this long after the customer's last message (as the API checks it). */
export const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

/** Where a thread stands with WhatsApp's 24-hour window: not WhatsApp, open until a time, or closed (since a time, or never opened). */
export type WindowState = { kind: 'none' } | { kind: 'open'; until: Date } | { kind: 'closed'; since: Date | null };

/** The window of a thread from its channel and `lastInboundAt`, at `now`. */
export function whatsappWindow(c: Pick<Conversation, 'channel' | 'lastInboundAt'>, now = Date.now()): WindowState {
  if (c.channel !== 'whatsapp') return { kind: 'none' };
  if (!c.lastInboundAt) return { kind: 'closed', since: null };
  const until = new Date(new Date(c.lastInboundAt).getTime() + WHATSAPP_WINDOW_MS);
  return until.getTime() > now ? { kind: 'open', until } : { kind: 'closed', since: until };
}

/** A date and time as the marketer's browser writes them. */
export const formatTime = (at: string | Date): string => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
