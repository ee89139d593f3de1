import path from 'node:path';
import { Client } from 'pg';
import { run } from '../../scripts/services/process';

const root = path.resolve(__dirname, '../..');

/** The environment without TEMPORAL_ADDRESS (which would make `services up` use that server) plus `env`. */
export function envWith(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.TEMPORAL_ADDRESS;
  return { ...base, ...env };
}

/**
 * Runs a `herald` command to completion as an operator would, in `env` (see {@link envWith});
 * throws with its output when it fails, returns its standard output.
 */
export async function herald(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const res = await run(process.execPath, [path.join(root, 'bin/herald'), ...args], { cwd: root, env });
  if (res.code !== 0) throw new Error(`herald ${args.join(' ')} exited ${res.code}:\n${res.stdout}\n${res.stderr}`);
  return res.stdout;
}

/** The same server and credentials, another database. */
export function onDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Drops databases (a test's restored copies) on the server the URL names, closing their connections. */
export async function dropDatabases(url: string, names: string[]): Promise<void> {
  const client = new Client({ connectionString: onDatabase(url, 'postgres') });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** One query on the database the URL names. */
export async function queryRows<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** An API call with a tenant key against one API process; the body's `data`, or throws with the answer. */
export async function api(base: string, key: string, method: string, url: string, body?: unknown): Promise<any> {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${text}`);
  return text ? (JSON.parse(text) as { data?: unknown }).data : null;
}
