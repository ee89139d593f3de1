/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits. A second signal while stopping exits at
 * once, so a stuck shutdown never traps the user.
 */
export function onShutdown(stop: () => Promise<void>, log: (line: string) => void = () => undefined): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(130);
    }
    stopping = true;
    log(`${signal}: shutting down`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Steps that undo a start, run newest first, once. */
export interface Teardown {
  /** Adds a step; it runs before every step added earlier. */
  add(step: () => Promise<void> | void): void;
  /** Runs every step (a failing one is reported and the rest still run); later calls wait for the first. */
  run(): Promise<void>;
}

/**
 * Collects what a multi-step start must undo, so a start that fails or is interrupted halfway
 * stops exactly what it had started, in reverse order, and a second signal does not run it twice.
 */
export function createTeardown(report: (err: unknown) => void = (err) => console.error(err)): Teardown {
  const steps: Array<() => Promise<void> | void> = [];
  let running: Promise<void> | undefined;
  return {
    add: (step) => void steps.push(step),
    run() {
      running ??= (async () => {
        for (const step of steps.splice(0).reverse()) {
          try {
            await step();
          } catch (err) {
            report(err);
          }
        }
      })();
      return running;
    },
  };
}
