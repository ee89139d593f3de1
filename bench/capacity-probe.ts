import fs from 'node:fs';
import os from 'node:os';
import type { Pool } from 'pg';
import { backendCpuMs, processCpuMs } from './cpu-time';
import { round } from './report';

/**
 * Where the CPU went while a capacity workload ran: Herald's processes (by pid), the PostgreSQL
 * backends of the benchmark database, every PostgreSQL process of the server, the Temporal server,
 * and the whole machine. Sampled once a second so backends and processes that come and go between
 * the start and the end are still counted (a pid seen first mid-run counts from its first sample).
 */

/** CPU seconds each part used during one workload, and the machine's busy share over it. */
export interface CpuSpent {
  /** Herald's own processes (`herald worker` or `herald serve` children). */
  herald_cpu_s: number;
  /** The client backends connected to the benchmark database. */
  pg_backends_cpu_s: number;
  /** Every `postgres` process on the machine (this server's background writers, other databases too). */
  pg_all_cpu_s: number;
  /** The Temporal server process(es): shared with anyone else using them meanwhile. */
  temporal_cpu_s: number;
  /** This benchmark process: the SMTP sink, the webhook receiver, autocannon, the in-process API it drives. */
  driver_cpu_s: number;
  /** Busy CPU of the machine not in any part above: other work on the machine (other engineers' tests, the kernel). */
  other_cpu_s: number;
  /** Busy share of all cores from /proc/stat (100 = every core busy the whole time). */
  machine_busy_pct: number;
  /** The 1-minute load average when the workload ended. */
  load_1m: number;
}

/** The pids of every process whose command name starts with one of `prefixes`. */
function pidsNamed(prefixes: string[]): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let comm: string;
    try {
      comm = fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (prefixes.some((p) => comm.startsWith(p))) pids.push(Number(entry));
  }
  return pids;
}

/** Busy and total jiffies of all cores from /proc/stat's first line. */
function machineJiffies(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** First and last CPU ms seen of each pid of one part. */
class PartCpu {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();

  private started = false;

  constructor(private readonly countNewFromZero: boolean) {}

  /** Records one sample of pid → CPU ms. */
  sample(values: Map<number, number>): void {
    for (const [pid, ms] of values) {
      if (!this.first.has(pid)) this.first.set(pid, this.countNewFromZero && this.started ? 0 : ms);
      if (ms > 0) this.last.set(pid, ms);
    }
    this.started = true;
  }

  /** CPU seconds used between each pid's first and last sample. */
  seconds(): number {
    let ms = 0;
    for (const [pid, last] of this.last) ms += last - (this.first.get(pid) ?? 0);
    return ms / 1000;
  }
}

/** Clock ticks per second of /proc's counters (USER_HZ: 100 on Linux everywhere). */
const USER_HZ = 100;

const byPid = (pids: number[]) => new Map(pids.map((pid) => [pid, processCpuMs(pid)]));

/** A running probe: {@link stop} answers what each part spent since it started. */
export interface CpuProbe {
  stop(): Promise<CpuSpent>;
}

/**
 * Starts sampling. `heraldPids` are the children whose CPU is Herald's; `database` names the
 * database whose backends are counted. New backends count from zero (their whole life is in the
 * run); a Herald pid must be alive at the start.
 */
export async function startCpuProbe(pool: Pool, database: string, heraldPids: number[]): Promise<CpuProbe> {
  const herald = new PartCpu(false);
  const backends = new PartCpu(true);
  const pgAll = new PartCpu(true);
  const temporal = new PartCpu(true);
  const machine0 = machineJiffies();
  const driver0 = process.cpuUsage();
  let sampling: Promise<void> = Promise.resolve();
  const sample = async () => {
    herald.sample(byPid(heraldPids));
    backends.sample(await backendCpuMs(pool, database));
    pgAll.sample(byPid(pidsNamed(['postgres'])));
    temporal.sample(byPid(pidsNamed(['temporal'])));
  };
  await sample();
  const timer = setInterval(() => {
    sampling = sampling.then(sample).catch(() => undefined);
  }, 1000);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      await sample();
      const machine1 = machineJiffies();
      const driver = process.cpuUsage(driver0);
      const driverS = (driver.user + driver.system) / 1e6;
      const busyS = (machine1.busy - machine0.busy) / USER_HZ;
      const parts = herald.seconds() + pgAll.seconds() + temporal.seconds() + driverS;
      return {
        herald_cpu_s: round(herald.seconds(), 1),
        pg_backends_cpu_s: round(backends.seconds(), 1),
        pg_all_cpu_s: round(pgAll.seconds(), 1),
        temporal_cpu_s: round(temporal.seconds(), 1),
        driver_cpu_s: round(driverS, 1),
        other_cpu_s: round(Math.max(0, busyS - parts), 1),
        machine_busy_pct: round((100 * (machine1.busy - machine0.busy)) / Math.max(1, machine1.total - machine0.total), 1),
        load_1m: round(os.loadavg()[0] ?? 0, 2),
      };
    },
  };
}
