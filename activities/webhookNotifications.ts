import type { Knex } from 'knex';
import type { Logger } from '../lib/logger';

/** A pg client as knex hands it out: enough to LISTEN. */
interface ListeningClient {
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (msg: { channel: string; payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: (err?: Error) => void): void;
  removeAllListeners(event?: string): void;
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
  let connecting: Promise<ListeningClient> | undefined;
  const released = new WeakSet<ListeningClient>();

  const emit = (channel: Channel, payload: string) => listeners.get(channel)?.forEach((l) => l(payload));

  function connect(): Promise<ListeningClient> {
    connecting ??= (async () => {
      const client = (await db.client.acquireConnection()) as ListeningClient;
      const drop = (err?: Error) => {
        if (released.has(client)) return;
        released.add(client);
        logger.warn({ err }, 'webhook LISTEN connection lost; reconnecting on next use');
        client.removeAllListeners('notification');
        connecting = undefined;
        void db.client.releaseConnection(client).catch(() => undefined);
        for (const channel of listeners.keys()) emit(channel, '');
      };
      client.on('notification', (msg) => emit(msg.channel as Channel, msg.payload ?? ''));
      client.on('error', drop);
      client.on('end', drop);
      await client.query('LISTEN herald_deliveries');
      return client;
    })().catch((err: unknown) => {
      connecting = undefined;
      throw err;
    });
    return connecting;
  }

  async function release(): Promise<void> {
    const pending = connecting;
    connecting = undefined;
    const client = await pending?.catch(() => undefined);
    if (!client || released.has(client)) return;
    released.add(client);
    client.removeAllListeners('notification');
    await client.query('UNLISTEN *').catch(() => undefined);
    await db.client.releaseConnection(client).catch(() => undefined);
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
        if (![...listeners.values()].some((l) => l.size)) void release();
      };
    },
  };
}

/** The hub's interface. */
export type NotificationHub = ReturnType<typeof createNotificationHub>;

/**
 * A resettable wake-up: `wait(ms)` resolves at the first `wake()` or after `ms`, or when the
 * abort signal fires. A wake with nobody waiting is remembered for the next wait.
 */
export function createWakeup(signal?: AbortSignal) {
  let pending = false;
  let resolveWait: (() => void) | undefined;
  const wake = () => {
    pending = true;
    resolveWait?.();
  };
  signal?.addEventListener('abort', wake, { once: true });
  return {
    wake,
    wait(ms: number): Promise<void> {
      if (pending || signal?.aborted) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, ms));
        function done() {
          clearTimeout(timer);
          resolveWait = undefined;
          pending = false;
          resolve();
        }
        resolveWait = done;
      });
    },
  };
}
