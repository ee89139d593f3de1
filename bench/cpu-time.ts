import fs from 'node:fs';
import type { Pool } from 'pg';

/**
 * CPU time of processes and threads from /proc (Linux), so a benchmark can say how much CPU one
 * request costs each side. On a shared machine requests/s move with everyone else's load; the CPU a
 * request costs hardly does, so it tells where a ratio comes from.
 */

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux everywhere). */
const USER_HZ = 100;

/** utime + stime of /proc/<pid>/task/<tid>/stat (or /proc/<pid>/stat), in ms; 0 if it has gone. */
function statCpuMs(file: string): number {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
}

/** CPU ms of this process's main thread alone (not autocannon's worker thread). */
export const mainThreadCpuMs = (): number => statCpuMs(`/proc/${process.pid}/task/${process.pid}/stat`);

/** The CPU ms each PostgreSQL backend connected to `database` has used so far, by pid. */
export async function backendCpuMs(pool: Pool, database: string): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [database]);
  return new Map(rows.map(({ pid }) => [pid, statCpuMs(`/proc/${pid}/stat`)]));
}

/** CPU ms the backends of `after` used since `before` (a backend new since then counts from zero). */
export function backendCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** CPU ms a whole process (every thread) has used so far; 0 if it has gone. */
export const processCpuMs = (pid: number): number => statCpuMs(`/proc/${pid}/stat`);
