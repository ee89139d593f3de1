import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { request } from 'undici';
import { loadConfig } from '../../lib/config';
import { dataDir } from '../../lib/paths';

/** Where the CLI talks to Herald's API, and with which key. */
export interface ApiTarget {
  url: string;
  key: string;
}

/**
 * The API's base URL (--url, HERALD_URL, else HOST:PORT from the configuration) and the key
 * (--key, HERALD_API_KEY, else the development key `herald dev` keeps).
 */
export function apiTarget(options: { url?: string; key?: string }): ApiTarget {
  const config = loadConfig();
  const url = (options.url ?? process.env.HERALD_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');
  let key = options.key ?? process.env.HERALD_API_KEY;
  if (!key) {
    const file = config.HERALD_DEV_KEY_FILE ?? path.join(dataDir(), 'dev-key.json');
    try {
      key = (JSON.parse(fs.readFileSync(file, 'utf8')) as { key?: string }).key;
    } catch {
      // reported below
    }
  }
  if (!key) throw new Error('no API key: pass --key, set HERALD_API_KEY, or run `herald dev` once to create the development key');
  return { url, key };
}

/** Reads a JSON answer, turning Herald's error shape into one line. */
export async function jsonOrThrow<T>(res: Awaited<ReturnType<typeof request>>, what: string): Promise<T> {
  const text = await res.body.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: shown as text
  }
  if (res.statusCode >= 400) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } }).error;
    throw new Error(
      `${what} failed (${res.statusCode}${err?.code ? ` ${err.code}` : ''}): ${err?.message ?? text}${err?.details ? ` ${JSON.stringify(err.details)}` : ''}`,
    );
  }
  return body as T;
}

/** What the CLI shows of an import. */
interface ImportJob {
  id: string;
  status: string;
  error: string | null;
  progress: {
    total: number;
    processed: number;
    imported: number;
    updated: number;
    duplicates: number;
    duplicatesInFile: number;
    duplicatesExisting: number;
    failed: number;
    rowsPerSecond: number | null;
  };
}

/** A .json file (an array or { customers }) is sent as NDJSON, so it streams past the JSON body limit. */
function jsonFileAsNdjson(file: string): Readable {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const rows = Array.isArray(parsed) ? parsed : (parsed as { customers?: unknown[] }).customers;
  if (!Array.isArray(rows)) throw new Error(`${file} holds neither an array nor { "customers": [...] }`);
  return Readable.from(
    (function* lines() {
      for (const row of rows) yield `${JSON.stringify(row)}\n`;
    })(),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ImportCliOptions {
  url?: string;
  key?: string;
  duplicateMode?: string;
  dedupeKeys?: string;
  region?: string;
  mapping?: string;
  dryRun?: boolean;
  events?: boolean;
  wait: boolean;
  json?: boolean;
}

/**
 * `herald import <file>`: streams a CSV, NDJSON or JSON file to POST /api/v1/imports with an
 * upload progress bar (bytes), then follows the import with a progress bar (rows, rows/s, ETA)
 * until it finishes, and prints the summary. Exits non-zero when the import fails.
 */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import customers from a CSV, NDJSON or JSON file through the API, with progress')
    .argument('<file>', 'the file (.csv, .ndjson/.jsonl or .json)')
    .option('--url <url>', 'API base URL (default HERALD_URL or http://HOST:PORT)')
    .option('--key <key>', 'API key (default HERALD_API_KEY or the development key)')
    .option('--duplicate-mode <mode>', 'skip | update | upsert (default skip)')
    .option('--dedupe-keys <keys>', 'comma-separated: email, phone, externalId (default all three)')
    .option('--region <code>', 'default phone region, e.g. US')
    .option('--mapping <json>', 'column mapping as JSON, e.g. {"Mobile":"phone"}')
    .option('--dry-run', 'validate and count only; write nothing')
    .option('--events', 'write a customer.created event per created customer')
    .option('--no-wait', 'return once the upload is accepted')
    .option('--json', 'print the final import as JSON')
    .action(async (file: string, options: ImportCliOptions) => {
      const target = apiTarget(options);
      const size = fs.statSync(file).size;
      const ext = path.extname(file).toLowerCase();
      const isJson = ext === '.json';
      const type = ext === '.csv' || ext === '.txt' ? 'text/csv' : 'application/x-ndjson';
      const query = new URLSearchParams({ fileName: path.basename(file) });
      for (const [name, value] of Object.entries({
        duplicateMode: options.duplicateMode,
        dedupeKeys: options.dedupeKeys,
        defaultRegion: options.region,
        mapping: options.mapping,
      })) {
        if (value) query.set(name, value);
      }
      if (options.dryRun) query.set('dryRun', 'true');
      if (options.events) query.set('emitCustomerEvents', 'true');

      const bars = !options.json;
      const uploadBar = new SingleBar({ format: 'upload   [{bar}] {percentage}% | {value}/{total} bytes', noTTYOutput: false }, Presets.shades_classic);
      let sent = 0;
      if (bars && !isJson) uploadBar.start(size, 0);
      // Counting happens in the stream undici reads, so no byte is consumed before it sends.
      const counted = (isJson ? jsonFileAsNdjson(file) : fs.createReadStream(file)).pipe(
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            sent += chunk.length;
            if (bars && !isJson) uploadBar.update(Math.min(sent, size));
            done(null, chunk);
          },
        }),
      );
      const res = await request(`${target.url}/api/v1/imports?${query}`, {
        method: 'POST',
        body: counted,
        headers: { authorization: `Bearer ${target.key}`, 'content-type': type },
        headersTimeout: 0,
        bodyTimeout: 0,
      }).finally(() => bars && !isJson && uploadBar.stop());
      let job = (await jsonOrThrow<{ data: ImportJob }>(res, 'upload')).data;
      if (!options.wait) {
        console.log(options.json ? JSON.stringify(job) : `Import ${job.id} ${job.status}: ${job.progress.total} rows`);
        return;
      }

      const rowsBar = new SingleBar(
        { format: 'import   [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}', noTTYOutput: false },
        Presets.shades_classic,
      );
      if (bars) rowsBar.start(job.progress.total, job.progress.processed, { rate: '-' });
      while (['queued', 'running', 'receiving'].includes(job.status)) {
        await sleep(500);
        const poll = await request(`${target.url}/api/v1/imports/${job.id}`, { headers: { authorization: `Bearer ${target.key}` } });
        job = (await jsonOrThrow<{ data: ImportJob }>(poll, 'progress')).data;
        if (bars) rowsBar.update(job.progress.processed, { rate: job.progress.rowsPerSecond ?? '-' });
      }
      if (bars) rowsBar.stop();
      const p = job.progress;
      if (options.json) console.log(JSON.stringify(job));
      else {
        console.log(`Import ${job.id} ${job.status}${job.error ? `: ${job.error}` : ''}`);
        console.log(
          `  rows ${p.total}, imported ${p.imported}, updated ${p.updated}, duplicates ${p.duplicates} (in file ${p.duplicatesInFile}, existing ${p.duplicatesExisting}), failed ${p.failed}${p.rowsPerSecond ? `, ${p.rowsPerSecond} rows/s` : ''}`,
        );
        if (p.failed) console.log(`  errors: ${target.url}/api/v1/imports/${job.id}/errors?format=csv`);
      }
      if (job.status !== 'completed') process.exitCode = 1;
    });
}
