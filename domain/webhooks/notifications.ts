import type { Knex } from 'knex';
import type { Logger } from '../../lib/logger';

/** A pg client as knex hands it out: enough to LISTEN. */
interface ListeningClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (msg: { channel: string; payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: (err?: Error) => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
}

/** One pooled connection while the hub holds it; `done` once it was given back or lost. */
interface Held {
  client: ListeningClient;
  done: boolean;
  detach(): void;
}

/** Channels the webhook engine listens on. */
export type Channel = 'herald_deliveries';

/**
 * One LISTEN connection per worker process, shared by the relay and every dispatcher in it.
 * Postgres delivers a notification when the notifying transaction commits, so a listener learns
 * of new events (or deliveries for its endpoint) within milliseconds instead of a poll interval.
 * If the connection drops, listeners are told to look (they re-read the tables) and the next
 * subscription reconnects; every waiter also has a timeout, so nothing depends on a notification.
 * The connection is released when the last listener leaves.
 */
export function createNotificationHub(db: Knex, logger: Logger) {
  const listeners = new Map<Channel, Set<(payload: string) => void>>();
  let connecting: Promise<Held> | undefined;

  const emit = (channel: Channel, payload: string) => listeners.get(channel)?.forEach((l) => l(payload));
  const listening = () => [...listeners.values()].some((l) => l.size > 0);

  // State lives on the acquisition (`Held`), not on the pooled client: the pool hands the same
  // client object out again later, and it must not look "already released" then.
  function connect(): Promise<Held> {
    connecting ??= (async () => {
      const client = (await db.client.acquireConnection()) as ListeningClient;
      const onNotification = (msg: { channel: string; payload?: string }) => emit(msg.channel as Channel, msg.payload ?? '');
      const drop = (err?: Error) => {
        if (held.done) return;
        held.done = true;
        held.detach();
        logger.warn({ err }, 'webhook LISTEN connection lost; reconnecting on next use');
        if (connecting === current) connecting = undefined;
        void db.client.releaseConnection(client).catch(() => undefined);
        for (const channel of listeners.keys()) emit(channel, '');
      };
      const held: Held = {
        client,
        done: false,
        detach: () => {
          client.off('notification', onNotification);
          client.off('error', drop);
          client.off('end', drop);
        },
      };
      client.on('notification', onNotification);
      client.on('error', drop);
      client.on('end', drop);
      await client.query('LISTEN herald_deliveries');
      return held;
    })().catch((err: unknown) => {
      connecting = undefined;
      throw err;
    });
    const current = connecting;
    return connecting;
  }

  /** Gives the connection back once nobody listens (a subscriber that came meanwhile keeps it). */
  async function release(): Promise<void> {
    const pending = connecting;
    const held = await pending?.catch(() => undefined);
    if (!held || held.done || connecting !== pending || listening()) return;
    connecting = undefined;
    held.done = true;
    held.detach();
    await held.client.query('UNLISTEN *').catch(() => undefined);
    await db.client.releaseConnection(held.client).catch(() => undefined);
  }

  return {
    /** Calls `listener` with each notification's payload on `channel` until unsubscribed. */
    async subscribe(channel: Channel, listener: (payload: string) => void): Promise<() => void> {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      await connect().catch((err: unknown) => logger.warn({ err }, 'webhook LISTEN unavailable; polling'));
      return () => {
        set.delete(listener);
        // The connection is only held while someone listens, so a stopping worker leaves none behind.
        if (!listening()) void release();
      };
    },
  };
}

/** The hub's interface. */
export type NotificationHub = ReturnType<typeof createNotificationHub>;
