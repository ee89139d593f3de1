import { Client, Connection, type ConnectionLike } from '@temporalio/client';
import { clientInterceptors } from '../telemetry/temporalTracing';

/** Where the Temporal frontend is and which namespace Herald uses. */
export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
}

/**
 * How domain code reaches Temporal to start and signal workflows: a client, the settings that
 * name the queue, a reachability probe for /readyz, and close. The API process gets one from
 * {@link createTemporalProvider}; the worker process from its own worker connection
 * (temporal/worker.ts), so it opens no second connection for what it starts.
 */
export interface TemporalProvider {
  readonly settings: TemporalSettings;
  /** A workflow client on the provider's connection. */
  client(): Promise<Client>;
  /** True when the frontend answers a health check within the timeout. */
  isReachable(timeoutMs?: number): Promise<boolean>;
  /** Closes the connection if the provider opened one. */
  close(): Promise<void>;
}

/** A connection that can answer a health check (the client's Connection and the worker's NativeConnection both can). */
type CheckableConnection = ConnectionLike & { healthService: { check(request: object): Promise<unknown> } };

/** True when `connection` answers a health check within the timeout. */
export async function answersHealthCheck(connection: Promise<CheckableConnection>, timeoutMs: number): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  const probe = connection
    .then((c) => c.withDeadline(Date.now() + timeoutMs, () => c.healthService.check({})))
    .then(
      () => true,
      () => false,
    );
  return Promise.race([probe, timeout]);
}

/**
 * A lazily connected Temporal client: the API process's provider. The API must start (and answer
 * /healthz) while Temporal is down, so nothing connects until first use, and a failed connect is
 * retried on the next use.
 */
export function createTemporalProvider(settings: TemporalSettings): TemporalProvider {
  let connecting: Promise<Connection> | undefined;

  function connection(timeoutMs = 5000): Promise<Connection> {
    connecting ??= Connection.connect({ address: settings.address, connectTimeout: timeoutMs }).catch((err: unknown) => {
      connecting = undefined;
      throw err;
    });
    return connecting;
  }

  return {
    settings,
    async client(): Promise<Client> {
      return new Client({ connection: await connection(), namespace: settings.namespace, interceptors: clientInterceptors() });
    },
    isReachable: (timeoutMs = 1500) => answersHealthCheck(connection(timeoutMs), timeoutMs),
    async close(): Promise<void> {
      const c = await connecting?.catch(() => undefined);
      connecting = undefined;
      await c?.close();
    },
  };
}

/**
 * A provider over a connection someone else owns (the worker's): one client on it, and `close`
 * leaves the connection to its owner.
 */
export function temporalProviderOn(connection: CheckableConnection, settings: TemporalSettings): TemporalProvider {
  const client = new Client({ connection, namespace: settings.namespace, interceptors: clientInterceptors() });
  return {
    settings,
    client: async () => client,
    isReachable: (timeoutMs = 1500) => answersHealthCheck(Promise.resolve(connection), timeoutMs),
    close: async () => undefined,
  };
}
