import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../lib/logger';
import { createHeraldWorker } from '../../temporal/worker';
import { ensureWorkflowBundle, workflowSourcesHash, WORKFLOWS_DIR } from '../../temporal/workflowBundle';
import { testDb } from '../support/factories';

/**
 * The worker's pre-built workflow bundle: built once by a child process, reused while the
 * workflow sources are unchanged, rebuilt (and the old one removed) when they change, and the
 * bundle a real worker loads runs the current code on the real Temporal dev server.
 */
describe('pre-built workflow bundle', () => {
  // Inside the project, so the copied workflows resolve @temporalio/workflow from node_modules.
  const scratch = path.resolve(__dirname, '..', '..', '.data', `bundle-test-${process.pid}`);
  const workflowsDir = path.join(scratch, 'workflows');
  const bundleDir = path.join(scratch, 'bundles');
  const probe = (marker: string) =>
    `import { workflowInfo } from '@temporalio/workflow';\n\n/** Answers with a marker of the source it was bundled from. */\nexport async function bundleProbeWorkflow(): Promise<string> {\n  return \`${marker}:\${workflowInfo().workflowType}\`;\n}\n`;

  /** Runs bundleProbeWorkflow on a worker that loads the given bundle file; returns its answer. */
  async function runProbe(codePath: string): Promise<string> {
    const taskQueue = `bundle-probe-${process.pid}-${Date.now()}`;
    const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    const clientConnection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    try {
      const worker = await Worker.create({ connection, taskQueue, workflowBundle: { codePath } });
      const client = new Client({ connection: clientConnection });
      return await worker.runUntil(client.workflow.execute('bundleProbeWorkflow', { taskQueue, workflowId: taskQueue, args: [] }) as Promise<string>);
    } finally {
      await clientConnection.close();
      await connection.close();
    }
  }

  beforeAll(() => {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // Already installed in this process.
    }
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.cpSync(WORKFLOWS_DIR, workflowsDir, { recursive: true });
    fs.writeFileSync(path.join(workflowsDir, 'bundleProbe.ts'), probe('first'));
    fs.appendFileSync(path.join(workflowsDir, 'index.ts'), "export { bundleProbeWorkflow } from './bundleProbe';\n");
  });
  afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('builds once, reuses the file while the sources are unchanged, and rebuilds when they change', async () => {
    const first = await ensureWorkflowBundle({ dir: bundleDir, workflowsDir });
    expect(first.built).toBe(true);
    expect(path.dirname(first.codePath)).toBe(bundleDir);
    const builtAt = fs.statSync(first.codePath).mtimeMs;
    expect(await runProbe(first.codePath)).toBe('first:bundleProbeWorkflow');

    const again = await ensureWorkflowBundle({ dir: bundleDir, workflowsDir });
    expect(again).toEqual({ codePath: first.codePath, hash: first.hash, built: false });
    expect(fs.statSync(again.codePath).mtimeMs).toBe(builtAt);

    fs.writeFileSync(path.join(workflowsDir, 'bundleProbe.ts'), probe('second'));
    const changed = await ensureWorkflowBundle({ dir: bundleDir, workflowsDir });
    expect(changed.built).toBe(true);
    expect(changed.hash).not.toBe(first.hash);
    expect(fs.existsSync(first.codePath)).toBe(false);
    expect(fs.readdirSync(bundleDir)).toEqual([path.basename(changed.codePath)]);
    expect(await runProbe(changed.codePath)).toBe('second:bundleProbeWorkflow');
  });

  it("gives Herald's worker the bundle of the current workflows/ from its bundle folder, building it there once", async () => {
    const dir = path.join(scratch, 'herald-bundles');
    const db = testDb();
    try {
      const settings = { address: process.env.TEMPORAL_ADDRESS!, namespace: 'default', taskQueue: `bundle-herald-${process.pid}` };
      const first = await createHeraldWorker(settings, { db, logger: createLogger('silent') }, { bundleDir: dir });
      await first.worker.runUntil(new Promise((resolve) => setTimeout(resolve, 200)));
      await first.connection.close();
      const bundle = `workflows-${workflowSourcesHash()}.js`;
      expect(fs.readdirSync(dir)).toEqual([bundle]);
      const builtAt = fs.statSync(path.join(dir, bundle)).mtimeMs;
      const second = await createHeraldWorker(settings, { db, logger: createLogger('silent') }, { bundleDir: dir });
      await second.worker.runUntil(new Promise((resolve) => setTimeout(resolve, 200)));
      await second.connection.close();
      expect(fs.statSync(path.join(dir, bundle)).mtimeMs).toBe(builtAt);
    } finally {
      await db.destroy();
    }
  });

  it('reports a workflow source that does not compile, and leaves no bundle behind', async () => {
    fs.writeFileSync(path.join(workflowsDir, 'bundleProbe.ts'), "import { missing } from './nowhere';\nexport const bundleProbeWorkflow = missing;\n");
    await expect(ensureWorkflowBundle({ dir: bundleDir, workflowsDir })).rejects.toThrow(/Building the workflow bundle failed/);
    expect(fs.readdirSync(bundleDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
