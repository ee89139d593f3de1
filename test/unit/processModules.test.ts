import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/**
 * The project modules and packages a fresh Node process has loaded after requiring `entry` (the
 * TypeScript sources through tsx, as bin/herald runs them), relative to the project root.
 */
function loadedBy(entry: string): string[] {
  const script = `require('tsx/cjs'); require(${JSON.stringify(path.join(root, entry))});
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
  return (JSON.parse(out) as string[]).map((file) => path.relative(root, file));
}

const any = (files: string[], pattern: RegExp) => files.filter((f) => pattern.test(f));

/**
 * The API and the worker are separate processes that share no Temporal loop: `herald serve`
 * loads the Temporal client and not the worker SDK, the activities or the message transports;
 * `herald worker` loads the worker and not Koa or the routes; the CLI itself loads neither until
 * a command asks (bin/processes.ts).
 */
describe('what each Herald process loads', () => {
  it('the API process: the Temporal client, no worker SDK, activities or transports', () => {
    const files = loadedBy('bin/apiProcess.ts');
    expect(any(files, /^api\//).length).toBeGreaterThan(10);
    expect(any(files, /node_modules\/@temporalio\/client\//).length).toBeGreaterThan(0);
    expect(any(files, /node_modules\/@temporalio\/(worker|core-bridge)\//)).toEqual([]);
    expect(any(files, /^(activities|channels)\//)).toEqual([]);
    expect(any(files, /node_modules\/(nodemailer|undici)\//)).toEqual([]);
  });

  it('the worker process: the worker SDK and activities, no Koa, routes or API composition root', () => {
    const files = loadedBy('bin/workerProcess.ts');
    expect(any(files, /node_modules\/@temporalio\/worker\//).length).toBeGreaterThan(0);
    expect(any(files, /^activities\//).length).toBeGreaterThan(5);
    expect(any(files, /^api\//)).toEqual([]);
    expect(any(files, /node_modules\/(koa|@koa)\//)).toEqual([]);
    expect(any(files, /^bin\/runtime\.ts$|^domain\/index\.ts$/)).toEqual([]);
  });

  it('the CLI registers its commands without loading either process', () => {
    const files = loadedBy('bin/commands/serve.ts').concat(loadedBy('bin/commands/worker.ts'), loadedBy('bin/commands/dev.ts'));
    expect(any(files, /^(api|activities)\//)).toEqual([]);
    expect(any(files, /node_modules\/@temporalio\/worker\//)).toEqual([]);
  });
});
