import { createApp } from '../../api/app';
import { startServer, type RunningServer } from '../../api/server';
import { createRateLimiters, createRuntime, type Runtime } from '../../bin/runtime';
import type { WebhookSettings } from '../../domain/webhooks/settings';
import { loadConfig, type Config } from '../../lib/config';
import { createLogger } from '../../lib/logger';

/** A real Herald API on an ephemeral port, wired exactly as `herald serve` wires it. */
export interface TestServer {
  url: string;
  runtime: Runtime;
  server: RunningServer;
  /** fetch against the server; JSON bodies are serialised and the content type set. */
  request(
    path: string,
    init?: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

/**
 * Starts the API with the test environment plus any overrides (e.g. tiny rate limits), and
 * webhook settings of the test's own when given (e.g. an SSRF policy with an injected resolver).
 */
export async function startTestServer(env: Record<string, string> = {}, overrides: { webhooks?: WebhookSettings } = {}): Promise<TestServer> {
  const config: Config = loadConfig({ ...process.env, PORT: '1', ...env });
  const runtime = createRuntime(config, createLogger(config.LOG_LEVEL), { jwtSecret: config.JWT_SECRET, webhooks: overrides.webhooks });
  const app = createApp({ config, domain: runtime.domain, logger: runtime.logger, rateLimiters: createRateLimiters(config, runtime.db) });
  const server = await startServer(app, '127.0.0.1', 0);
  return {
    url: server.url,
    runtime,
    server,
    async request(path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      if (init.key) headers.Authorization = `Bearer ${init.key}`;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['Content-Type'] ??= 'application/json';
      }
      const res = await fetch(server.url + path, { method: init.method ?? 'GET', headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    async close() {
      await server.close();
      await runtime.close();
    },
  };
}
