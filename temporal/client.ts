import { Client, Connection } from '@temporalio/client';

/** Where the Temporal frontend is and which namespace Herald uses. */
export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
}

/**
 * A lazily connected Temporal client. The API must start (and answer /healthz) while Temporal
 * is down, so nothing connects until first use, and a failed connect is retried on the next use.
 */
export function createTemporalProvider(settings: TemporalSettings) {
  let connecting: Promise<Connection> | undefined;

  function connection(timeoutMs = 5000): Promise<Connection> {
    connecting ??= Connection.connect({ address: settings.address, connectTimeout: timeoutMs }).catch((err: unknown) => {
      connecting = undefined;
      throw err;
    });
    return connecting;
  }

  /** True when the frontend answers a health check within the timeout. */
  async function isReachable(timeoutMs = 1500): Promise<boolean> {
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    const probe = connection(timeoutMs)
      .then((c) => c.withDeadline(Date.now() + timeoutMs, () => c.healthService.check({})))
      .then(() => true, () => false);
    return Promise.race([probe, timeout]);
  }

  return {
    settings,
    /** A workflow client on the shared connection. */
    async client(): Promise<Client> {
      return new Client({ connection: await connection(), namespace: settings.namespace });
    },
    isReachable,
    /** Closes the connection if one was made. */
    async close(): Promise<void> {
      const c = await connecting?.catch(() => undefined);
      connecting = undefined;
      await c?.close();
    },
  };
}

/** The provider's interface, for code that receives it as a dependency. */
export type TemporalProvider = ReturnType<typeof createTemporalProvider>;
