import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { request } from 'undici';
import { apiTarget, jsonOrThrow } from './import';

/** Newlines each format writes besides one per record: CSV's header, JSON's brackets. */
const HEADER_LINES: Record<string, number> = { csv: 1, json: 2, ndjson: 0 };

interface ExportCliOptions {
  url?: string;
  key?: string;
  format: string;
  output: string;
  filter: string[];
  json?: boolean;
}

/**
 * `herald export`: streams GET /api/v1/customers/export to a file with a progress bar (rows,
 * out of the exact total the list endpoint counts for the same filters). Memory stays flat.
 */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export customers to a file (CSV, JSON or NDJSON) through the API, with progress')
    .requiredOption('-o, --output <file>', 'where to write the export')
    .option('--format <format>', 'csv | json | ndjson', 'csv')
    .option('--filter <name=value>', 'a list filter, e.g. status=active (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--url <url>', 'API base URL (default HERALD_URL or http://HOST:PORT)')
    .option('--key <key>', 'API key (default HERALD_API_KEY or the development key)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: ExportCliOptions) => {
      if (!['csv', 'json', 'ndjson'].includes(options.format)) throw new Error('--format must be csv, json or ndjson');
      const target = apiTarget(options);
      const filters = new URLSearchParams(options.filter.map((f) => f.split('=', 2) as [string, string]));
      const headers = { authorization: `Bearer ${target.key}` };
      const counted = await request(
        `${target.url}/api/v1/customers?${new URLSearchParams({ ...Object.fromEntries(filters), limit: '1', includeTotal: 'exact' })}`,
        { headers },
      );
      const total = (await jsonOrThrow<{ pagination: { total: number | null } }>(counted, 'count')).pagination.total ?? 0;
      const res = await request(`${target.url}/api/v1/customers/export?${new URLSearchParams({ ...Object.fromEntries(filters), format: options.format })}`, {
        headers,
        bodyTimeout: 0,
      });
      if (res.statusCode >= 400) await jsonOrThrow(res, 'export');

      const bar = new SingleBar({ format: 'export   [{bar}] {percentage}% | {value}/{total} rows', noTTYOutput: false }, Presets.shades_classic);
      if (!options.json) bar.start(total, 0);
      // Every record adds one newline; the header (CSV) or the brackets (JSON) add the rest.
      let lines = 0;
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
          if (!options.json) bar.update(Math.min(total, Math.max(0, lines - HEADER_LINES[options.format]!)));
          done(null, chunk);
        },
      });
      await pipeline(res.body, counter, fs.createWriteStream(options.output)).finally(() => !options.json && bar.stop());
      const rows = Math.max(0, lines - HEADER_LINES[options.format]!);
      const summary = { output: options.output, format: options.format, rows: Math.min(rows, total || rows), bytes };
      console.log(options.json ? JSON.stringify(summary) : `Exported ${summary.rows} customers to ${options.output} (${bytes} bytes)`);
    });
}
