import { createHash } from 'node:crypto';
import path from 'node:path';
import NodeEnvironment from 'jest-environment-node';
import { runAdmin as admin, withDatabase } from './globalSetup';
import { endQueueWork } from './queueCleanup';

type EnvironmentArgs = ConstructorParameters<typeof NodeEnvironment>;

/**
 * Gives every test file a Herald of its own: a database copied from the run's migrated template
 * and a Temporal task queue nobody else polls. Suites run two at a time; with a shared database
 * or queue, one suite's worker would run another's activities (and be stopped, or SIGKILLed,
 * under them), and one suite's webhook relay would fan out another's events. The suite sees both
 * through DATABASE_URL and TEMPORAL_TASK_QUEUE, so servers, workers and child processes it starts
 * with its environment all land on them. Teardown ends the queue's leftovers and drops the copy.
 */
export default class SuiteEnvironment extends NodeEnvironment {
  private readonly database: string;
  private readonly taskQueue: string;

  constructor(config: EnvironmentArgs[0], context: EnvironmentArgs[1]) {
    super(config, context);
    const relative = path.relative(config.projectConfig.rootDir, context.testPath);
    const slug = relative
      .replace(/^test\//, '')
      .replace(/\.test\.ts$/, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .toLowerCase();
    const hash = createHash('sha256').update(relative).digest('hex').slice(0, 8);
    this.database = `${process.env.HERALD_TEST_TEMPLATE_DB}_${hash}`;
    this.taskQueue = `${process.env.TEMPORAL_TASK_QUEUE}-${slug}`;
    this.global.process.env.DATABASE_URL = withDatabase(process.env.HERALD_TEST_ADMIN_URL!, this.database);
    this.global.process.env.TEMPORAL_TASK_QUEUE = this.taskQueue;
  }

  override async setup(): Promise<void> {
    await super.setup();
    await admin(process.env.HERALD_TEST_ADMIN_URL!, `CREATE DATABASE "${this.database}" TEMPLATE "${process.env.HERALD_TEST_TEMPLATE_DB}"`);
  }

  override async teardown(): Promise<void> {
    await endQueueWork(process.env.TEMPORAL_ADDRESS!, this.taskQueue);
    await admin(process.env.HERALD_TEST_ADMIN_URL!, `DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`);
    await super.teardown();
  }
}
