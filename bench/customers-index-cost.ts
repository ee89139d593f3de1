import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDb } from '../db/knex';
import { createBenchTenant, createDatabase, dropDatabase, migrate, openBenchServer } from './herald';
import { TABLE_COLUMNS, tableCsv, writeFile } from './import-file';
import { envInt, printFigure, round, timed } from './report';

/**
 * customers-index-cost: what each index and constraint of `customers` costs an import. The same
 * BENCH_ROWS generated customers (default 200,000; the rows of bench/imports-e2e) are COPYed into a
 * fresh, empty table built from the customers table's own definition (`LIKE customers`, its
 * CHECK constraints, its foreign key to tenants, and every index as pg_indexes defines it), once
 * with everything, then once without each index or constraint in turn, and once for each option
 * of issue 15 (a tenant-scoped trigram index, a larger GIN pending list, fastupdate off, a heap
 * fillfactor, random instead of time-ordered ids). The full table is measured first, in the
 * middle and last, so drift over the run shows.
 *
 * An index's cost is the time it adds per row: (seconds with it − seconds without it) / rows.
 */

const BENCH = 'customers-index-cost';
const TABLE = 'bench_index_cost';

/** One table to COPY into: what it leaves out or changes against the customers table. */
interface Variant {
  name: string;
  /** Index names of customers not created. */
  without?: string[];
  /** No foreign key to tenants. */
  noForeignKey?: boolean;
  /** Ids from the table default (gen_random_uuid) instead of time-ordered UUIDv7 (Herald's import). */
  randomIds?: boolean;
  /** Statements run after the table and its indexes exist ({t} is the table). */
  extra?: string[];
  /** Session settings for the COPY's connection. */
  session?: string[];
}

/** The customers table's indexes: name and definition (as pg_indexes prints it). */
async function customerIndexes(pg: Client): Promise<Array<{ name: string; def: string }>> {
  const { rows } = await pg.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'customers' ORDER BY indexname",
  );
  return rows.map((r) => ({ name: r.indexname, def: r.indexdef }));
}

/** Builds the table of a variant: customers' columns, defaults and CHECKs, the foreign key, the indexes. */
async function createTable(pg: Client, indexes: Array<{ name: string; def: string }>, v: Variant): Promise<void> {
  await pg.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await pg.query(`CREATE TABLE ${TABLE} (LIKE customers INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)`);
  if (!v.randomIds) await pg.query(`ALTER TABLE ${TABLE} ALTER COLUMN id SET DEFAULT uuidv7()`);
  if (!v.noForeignKey) await pg.query(`ALTER TABLE ${TABLE} ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE`);
  for (const index of indexes) {
    if (v.without?.includes(index.name)) continue;
    await pg.query(index.def.replace(`INDEX ${index.name} ON public.customers`, `INDEX ${TABLE}_${index.name} ON ${TABLE}`));
  }
  for (const sql of v.extra ?? []) await pg.query(sql.replaceAll('{t}', TABLE));
}

/** CPU seconds (user + system) a process has used so far, from /proc (the server runs on this machine). */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * COPYs the file into the variant's table on a fresh connection; returns the wall-clock seconds
 * and the CPU seconds of the backend that ran it (null when the server is not on this machine).
 * The CPU time is what an index costs; the wall clock also carries the machine's other load.
 */
async function copyInto(url: string, file: string, v: Variant): Promise<{ seconds: number; cpu: number | null }> {
  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    for (const sql of v.session ?? []) await pg.query(sql);
    const pid = (await pg.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const before = cpuSeconds(pid);
    const { seconds } = await timed(() =>
      pipeline(fs.createReadStream(file), pg.query(copyFrom(`COPY ${TABLE} (${TABLE_COLUMNS}) FROM STDIN WITH (FORMAT csv)`))),
    );
    const after = cpuSeconds(pid);
    return { seconds, cpu: before === null || after === null ? null : after - before };
  } finally {
    await pg.end();
  }
}

/** Runs the benchmark. */
export async function run(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 200_000);
  const server = await openBenchServer(BENCH);
  const database = 'bench_index_cost';
  const url = server.urlFor(database);
  const file = path.join(os.tmpdir(), `herald-bench-index-cost-${process.pid}.csv`);
  try {
    await dropDatabase(server, database);
    await createDatabase(server, database);
    await migrate(url);
    const db = createDb({ url, poolMax: 1 });
    const tenant = await createBenchTenant(db, 'Bench index cost').finally(() => db.destroy());
    await writeFile(file, tableCsv(rows, tenant.tenantId));
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      await pg.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
      const indexes = await customerIndexes(pg);
      const all: Variant = { name: 'all' };
      const variants: Variant[] = [
        all,
        { name: 'no_foreign_key', noForeignKey: true },
        ...indexes.map((i) => ({ name: `without_${i.name}`, without: [i.name] })),
        { name: 'all_again' },
        { name: 'unique_only', without: indexes.filter((i) => !/UNIQUE/.test(i.def)).map((i) => i.name) },
        { name: 'no_indexes_no_foreign_key', without: indexes.map((i) => i.name), noForeignKey: true },
        { name: 'random_ids', randomIds: true },
        {
          name: 'trigram_per_tenant',
          without: ['customers_search_trgm'],
          extra: [
            `CREATE INDEX {t}_search_tenant_trgm ON {t} USING gin (tenant_id, (lower(coalesce(full_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, ''))) gin_trgm_ops)`,
          ],
        },
        { name: 'gin_pending_list_64mb', session: ['SET gin_pending_list_limit = 65536'] },
        {
          name: 'gin_fastupdate_off',
          extra: ['ALTER INDEX {t}_customers_search_trgm SET (fastupdate = off)', 'ALTER INDEX {t}_customers_tags_gin SET (fastupdate = off)'],
        },
        { name: 'heap_fillfactor_80', extra: ['ALTER TABLE {t} SET (fillfactor = 80)'] },
        { name: 'all_last' },
      ];
      // Each variant runs `repeats` times in turn and keeps its lowest CPU time: load from other work
      // only ever adds time, so the minimum is the closest to the variant's own cost.
      const repeats = envInt('BENCH_REPEATS', 2);
      const best: Record<string, { seconds: number; cpu: number | null }> = {};
      for (let round_ = 1; round_ <= repeats; round_++) {
        for (const v of variants) {
          await createTable(pg, indexes, v);
          const m = await copyInto(url, file, v);
          const kept = best[v.name];
          if (!kept || (m.cpu ?? m.seconds) < (kept.cpu ?? kept.seconds)) best[v.name] = m;
          process.stderr.write(
            `${v.name} round ${round_}: ${m.seconds.toFixed(2)} s wall, ${m.cpu?.toFixed(2) ?? '?'} s backend CPU, load ${os.loadavg()[0]?.toFixed(2)}\n`,
          );
        }
      }
      for (const v of variants) {
        const m = best[v.name]!;
        printFigure(BENCH, v.name, {
          rows,
          seconds: round(m.seconds, 3),
          rows_per_s: Math.round(rows / m.seconds),
          backend_cpu_s: m.cpu === null ? null : round(m.cpu, 3),
          cpu_us_per_row: m.cpu === null ? null : round((m.cpu / rows) * 1e6, 1),
          load_1m: round(os.loadavg()[0] ?? 0, 2),
        });
      }
      const cost = (m: { seconds: number; cpu: number | null }) => m.cpu ?? m.seconds;
      const reference = Math.min(cost(best.all!), cost(best.all_again!), cost(best.all_last!));
      for (const v of variants.filter((x) => x.name.startsWith('without_') || x.name === 'no_foreign_key')) {
        const saved = reference - cost(best[v.name]!);
        printFigure(BENCH, `cost_${v.name.replace(/^without_/, '')}`, {
          us_per_row: round((saved / rows) * 1e6, 1),
          share_of_all: round(saved / reference, 3),
        });
      }
      await pg.query(`DROP TABLE IF EXISTS ${TABLE}`);
    } finally {
      await pg.end();
    }
  } finally {
    fs.rmSync(file, { force: true });
    await dropDatabase(server, database).catch(() => undefined);
    await server.close();
  }
}
