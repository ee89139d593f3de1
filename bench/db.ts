import { Pool } from 'pg';
import { ensurePostgres, stopPostgres, type PostgresHandle } from '../scripts/services/postgres';
import { printFigure } from './report';

/** A pool on the benchmark database plus what is needed to leave the machine as it was found. */
export interface BenchDatabase {
  pool: Pool;
  /** Closes the pool and, if this run had to start Herald's local Postgres, stops it again. */
  close(): Promise<void>;
}

/**
 * Connects the way Herald does (DATABASE_URL, else Herald's own local cluster) so the raw
 * baselines and Herald's paths hit the same server, and records the server version beside
 * the figures because a COPY rate means little without it.
 */
export async function openBenchDatabase(bench: string, poolSize: number): Promise<BenchDatabase> {
  const handle: PostgresHandle = await ensurePostgres({ log: (line) => process.stderr.write(`${line}\n`) });
  const pool = new Pool({ connectionString: handle.url, max: poolSize });
  const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
  printFigure(bench, 'database', {
    server_version: rows[0]?.server_version ?? 'unknown',
    started_here: handle.startedHere,
    pool_size: poolSize,
  });
  return {
    pool,
    async close() {
      await pool.end();
      if (handle.startedHere) await stopPostgres(handle.clusterDir);
    },
  };
}

/**
 * Drops a benchmark's table. Called before creating it (a crashed earlier run may have left
 * it behind) and after measuring, so benchmarks never leave data in a shared database.
 */
export async function dropBenchTable(pool: Pool, table: string): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS ${table}`);
}
