import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { createWebhookTransport } from '../channels/webhookHttp';
import { createSigner } from '../channels/webhookSigning';
import { runLoad } from './load';
import { startWebhookReceiver } from './webhook-receiver';
import { signWebhook } from './webhook-signature';
import { parseSsrfPolicy } from '../lib/ssrf';

async function main() {
  const secret = randomBytes(32);
  const receiver = await startWebhookReceiver(secret);
  const url = `${receiver.url}/webhooks`;
  const body0 = (i: number) => JSON.stringify({ type: 'customer.updated', timestamp: new Date().toISOString(), data: { customer: { id: `c${i}`, email: 'bench@example.com', tags: ['vip'], status: 'active' } } });
  const raw = async (n: number) => {
    const agent = new Agent({ connections: 50, pipelining: 1 });
    const r = await runLoad({ count: n, concurrency: 50, maxSeconds: 120 }, async (i) => {
      const body = body0(i);
      const res = await request(url, { method: 'POST', headers: { ...signWebhook(secret, `raw_${i}_${Date.now()}`, body) }, body, dispatcher: agent });
      await res.body.dump();
      if (res.statusCode !== 204) throw new Error('x');
    });
    await agent.close();
    return r;
  };
  const policy = parseSsrfPolicy('127.0.0.1', false);
  const herald = async (n: number) => {
    const transport = createWebhookTransport({ policy, timeoutMs: 15000, connections: 50 });
    const signer = createSigner([secret]);
    const r = await runLoad({ count: n, concurrency: 50, maxSeconds: 120 }, async (i) => {
      const body = body0(i);
      const startedAt = new Date();
      const headers = { 'content-type': 'application/json', 'user-agent': 'Herald-Webhooks/1.0', ...signer.headers(`d_${i}_${Date.now()}`, startedAt, body) };
      const out = await transport.post(url, headers, body);
      if (out.statusCode !== 204) throw new Error(`y ${out.error}`);
    });
    await transport.close();
    return r;
  };
  const rawUa = async (n: number) => {
    const agent = new Agent({ connections: 50, pipelining: 1, headersTimeout: 15000, bodyTimeout: 15000 });
    const r = await runLoad({ count: n, concurrency: 50, maxSeconds: 120 }, async (i) => {
      const body = body0(i);
      const res = await request(url, { method: 'POST', headers: { 'user-agent': 'Herald-Webhooks/1.0', ...signWebhook(secret, `raw_${i}_${Date.now()}`, body) }, body, dispatcher: agent, maxRedirections: 0 });
      await res.body.dump();
      if (res.statusCode !== 204) throw new Error('x');
    });
    await agent.close();
    return r;
  };
  const measure = async (name: string, f: (n: number) => Promise<{ perSecond: number }>) => {
    const e0 = performance.eventLoopUtilization();
    const c0 = process.cpuUsage();
    const r = await f(10000);
    const e = performance.eventLoopUtilization(e0);
    const c = process.cpuUsage(c0);
    console.log(name, Math.round(r.perSecond), 'main µs/req', Math.round((e.active * 1000) / 10000), 'proc µs/req', Math.round((c.user + c.system) / 10000));
  };
  await raw(5000); await herald(5000);
  for (let k = 0; k < 3; k++) { await measure('raw', raw); await measure('rawUa', rawUa); await measure('herald', herald); }
  await receiver.close();
}
void main();
