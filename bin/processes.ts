import type * as ApiProcess from './apiProcess';
import type * as WorkerProcess from './workerProcess';

/*
 * The two halves of Herald, loaded when a command needs them rather than when the CLI starts, so
 * `herald serve` never loads the Temporal worker SDK, the activities or the message transports,
 * and `herald worker` never loads Koa, the routes or the domain services (`herald dev` loads
 * both). `require`, not `import()`: under tsx's CommonJS hook, which runs the sources, an
 * `import()` of a TypeScript file goes to Node's ESM loader and is not found.
 */

/** The API process: its composition root and the HTTP server. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const apiProcess = (): typeof ApiProcess => require('./apiProcess');

/** The worker process: its database pool and the Temporal worker. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const workerProcess = (): typeof WorkerProcess => require('./workerProcess');
