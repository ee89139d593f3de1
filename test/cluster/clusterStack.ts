import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startHeraldProcess, type HeraldProcess } from '../support/heraldProcess';

const root = path.resolve(__dirname, '../..');

/** Starts the real `herald serve` as a child process; resolves once it listens. */
export const startApiProcess = (env: Record<string, string>) => startHeraldProcess([path.join(root, 'bin/herald'), 'serve'], env, 'API listening');

/** A round-robin HTTP proxy: one address in front of several API processes, as a load balancer is in production. */
export interface Proxy {
  url: string;
  /** Requests forwarded to each target, in the targets' order. */
  forwarded: number[];
  close(): Promise<void>;
}

/**
 * Forwards each request to the next target in turn (per request, not per connection, so a
 * client's keep-alive connection still reaches every process), like nginx's default upstream.
 */
export async function startRoundRobinProxy(targetPorts: number[]): Promise<Proxy> {
  const agent = new http.Agent({ keepAlive: true });
  const forwarded = targetPorts.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % targetPorts.length;
    forwarded[i]! += 1;
    const upstream = http.request({ host: '127.0.0.1', port: targetPorts[i], method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/** The inode of the TCP socket from `localPort` to `remotePort` on loopback, from the kernel's tables. */
function socketInode(localPort: number, remotePort: number): string | undefined {
  const hex = (p: number) => p.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hex(localPort)}`) && cols[2]?.endsWith(`:${hex(remotePort)}`)) return cols[9];
    }
  }
  return undefined;
}

/**
 * Which process holds the socket with this inode open: one of `likely` first, else any process (a
 * replacement worker can connect before the test has its pid).
 */
function pidHolding(inode: string, likely: number[]): number | undefined {
  const wanted = `socket:[${inode}]`;
  const all = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  for (const pid of [...likely, ...all.filter((p) => !likely.includes(p))]) {
    const dir = `/proc/${pid}/fd`;
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`${dir}/${fd}`) === wanted) return pid;
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return undefined;
}

/**
 * The process on this machine that opened the loopback connection from `clientPort` to
 * `serverPort` (Linux /proc), for servers that want to know which worker is talking to them.
 */
export function processOfConnection(clientPort: number, serverPort: number, likely: number[] = []): number | undefined {
  const inode = socketInode(clientPort, serverPort);
  return inode ? pidHolding(inode, likely) : undefined;
}

/** One request a {@link startAttributingReceiver} received: which process sent it, and when it was open. */
export interface AttributedRequest {
  webhookId: string;
  pid: number | undefined;
  startedAt: number;
  endedAt: number;
}

/**
 * A webhook receiver that knows which process sent each request: on every new connection it looks
 * up the client's socket in /proc (Linux) among the given processes. That is what proves an
 * endpoint is never served by two workers at once, which the lease promises.
 */
export async function startAttributingReceiver(senderPids: () => number[]) {
  const requests: AttributedRequest[] = [];
  const owners = new WeakMap<Socket, number | undefined>();
  const server = http.createServer((req, res) => {
    const startedAt = Date.now();
    req.resume();
    req.on('end', () => {
      requests.push({ webhookId: String(req.headers['webhook-id'] ?? ''), pid: owners.get(req.socket), startedAt, endedAt: Date.now() });
      res.writeHead(204);
      res.end();
    });
  });
  server.on('connection', (socket) => {
    owners.set(socket, processOfConnection(socket.remotePort!, socket.localPort!, senderPids()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Pairs of requests to one endpoint from two different processes whose open times overlap. */
export function overlappingSenders(requests: AttributedRequest[]): Array<[AttributedRequest, AttributedRequest]> {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  const out: Array<[AttributedRequest, AttributedRequest]> = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.startedAt < sorted[i]!.endedAt; j++) {
      if (sorted[j]!.pid !== sorted[i]!.pid) out.push([sorted[i]!, sorted[j]!]);
    }
  }
  return out;
}

/**
 * The worker processes (by pid) that ran activities of each workflow type on the task queue,
 * from the histories: an ActivityTaskStarted event names the worker that took the task, and the
 * SDK's default identity is `<pid>@<host>`.
 */
export async function activityPidsByWorkflowType(address: string, taskQueue: string): Promise<Map<string, Set<number>>> {
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const out = new Map<string, Set<number>>();
  try {
    for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
      const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      const pids = out.get(wf.type) ?? new Set<number>();
      for (const event of history.events ?? []) {
        const identity = event.activityTaskStartedEventAttributes?.identity;
        if (identity) pids.add(Number.parseInt(identity, 10));
      }
      out.set(wf.type, pids);
    }
  } finally {
    await connection.close();
  }
  return out;
}

/**
 * Activity attempts Temporal gave up on (heartbeat timeout, a killed worker) across every run of a
 * workflow: each ActivityTaskStarted event carries the attempt that finally completed.
 */
export async function abandonedActivityAttempts(address: string, workflowId: string): Promise<number> {
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  let abandoned = 0;
  try {
    for await (const wf of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      for (const event of history.events ?? []) abandoned += Math.max(0, (event.activityTaskStartedEventAttributes?.attempt ?? 1) - 1);
    }
  } finally {
    await connection.close();
  }
  return abandoned;
}

/**
 * The pid of the worker that runs a workflow's pending activity now (its last attempt's worker
 * identity, `<pid>@<host>`), or undefined when none is pending.
 */
export async function pendingActivityPid(address: string, workflowId: string): Promise<number | undefined> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
    const described = await client.workflowService.describeWorkflowExecution({ namespace: client.options.namespace, execution: { workflowId } });
    const identity = described.pendingActivities?.[0]?.lastWorkerIdentity;
    return identity ? Number.parseInt(identity, 10) : undefined;
  } finally {
    await connection.close();
  }
}

/** The pid of a Herald child process. */
export const pidOf = (p: HeraldProcess) => p.child.pid!;
