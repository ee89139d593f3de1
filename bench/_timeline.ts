import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBenchTenant, createDatabase, dropDatabase, migrate, openBenchServer } from './herald';
import { startWebhookReceiver } from './webhook-receiver';
import { startWebhookEngine } from './webhooks-herald';

import { execSync } from 'node:child_process';
import fs from 'node:fs';
function cpuOf(pattern: string): number {
  const pids = execSync(`pgrep -f '${pattern}' || true`).toString().trim().split('\n').filter(Boolean);
  let t = 0;
  for (const pid of pids) { try { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); t += Number(f[11]) + Number(f[12]); } catch { /* gone */ } }
  return t * 10; // ms (CLK_TCK 100)
}
function pgByKind(): Record<string, number> {
  const out: Record<string, number> = {};
  const lines = execSync(`ps -eo pid,args | grep 'postgres' | grep -v grep || true`).toString().trim().split('\n');
  for (const line of lines) {
    const m = line.trim().match(/^(\d+)\s+(.*)$/); if (!m) continue;
    const kind = m[2]!.replace(/^postgres: /, '').replace(/herald \S+ 127\.0\.0\.1\(\d+\).*/, 'backend').replace(/^\/.*/, 'postmaster').slice(0, 30);
    try { const f = fs.readFileSync(`/proc/${m[1]}/stat`, 'utf8').split(') ')[1]!.split(' '); out[kind] = (out[kind] ?? 0) + (Number(f[11]) + Number(f[12])) * 10; } catch { /* gone */ }
  }
  return out;
}
async function main() {
  const server = await openBenchServer('tl');
  const database = `herald_bench_tl_${Date.now().toString(36)}`;
  await createDatabase(server, database);
  const url = server.urlFor(database);
  const secret = randomBytes(32);
  const receiver = await startWebhookReceiver(secret);
  await migrate(url);
  const target = `${receiver.url}/webhooks`;
  const engine = await startWebhookEngine(url);
  let last = performance.eventLoopUtilization();
  const elus: number[] = [];
  setInterval(() => { const e = performance.eventLoopUtilization(last); last = performance.eventLoopUtilization(); elus.push(Math.round(e.utilization * 100)); }, 250).unref();
  const runs = Number(process.env.RUNS ?? 5);
  for (let i = 0; i < runs; i++) {
    const t = await createBenchTenant(engine.db, `tl ${i}`);
    await engine.addEndpoint(t.tenantId, target, secret, 50);
    const n = i === 0 ? 5000 : 10000;
    const pg0 = cpuOf('postgres'); const tp0 = cpuOf('temporal'); const w0 = cpuOf('cli.js worker'); const me0 = process.cpuUsage(); const elu0 = performance.eventLoopUtilization();
    const k0 = pgByKind();
    const t0 = Date.now();
    await engine.commitEvents(t.tenantId, n);
    const t1 = Date.now();
    while (!(await engine.drained(t.tenantId))) await sleep(50);
    const t2 = Date.now();
    const pgMs = cpuOf('postgres') - pg0; const tpMs = cpuOf('temporal') - tp0; const wMs = cpuOf('cli.js worker') - w0; const me = process.cpuUsage(me0); const elu = performance.eventLoopUtilization(elu0);
    const k1 = pgByKind(); const kinds: Record<string, number> = {}; for (const [k, v] of Object.entries(k1)) { const d = v - (k0[k] ?? 0); if (d > 0) kinds[k] = Math.round(d * 1000 / n); }
    console.log('pg kinds µs/delivery (live processes only)', JSON.stringify(kinds));
    console.log('µs/delivery', JSON.stringify({ postgres: Math.round(pgMs * 1000 / n), temporal: Math.round(tpMs * 1000 / n), worker: Math.round(wMs * 1000 / n), process: Math.round((me.user + me.system) / n), mainThread: Math.round(elu.active * 1000 / n) }));
    console.log('elu', elus.splice(0).join(' '));
    const { rows } = await engine.db.raw(`SELECT extract(epoch from min(started_at))*1000 AS first, extract(epoch from max(started_at))*1000 AS last, count(*) n FROM webhook_attempts WHERE tenant_id = ?`, [t.tenantId]);
    const r = rows[0];
    const { rows: rr } = await engine.db.raw(`SELECT extract(epoch from min(relayed_at))*1000 AS relayed FROM events WHERE tenant_id = ?`, [t.tenantId]);
    const relayedAt = Math.round(Number(rr[0].relayed) - t0);
    const first = Number(r.first) - t0, last = Number(r.last) - t0;
    console.log(JSON.stringify({ n, commit: t1 - t0, relayedAt, first: Math.round(first), last: Math.round(last), drained: t2 - t0, steadyRate: Math.round((n - 1) / ((last - first) / 1000)), rate: Math.round(n / ((t2 - t0) / 1000)), rateFromCommit: Math.round(n / ((t2 - t1) / 1000)) }));
  }
  await engine.close();
  await receiver.close();
  await dropDatabase(server, database).catch(() => undefined);
  await server.close();
}
void main();
