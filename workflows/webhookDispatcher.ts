import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type * as activities from '../activities';

const { dispatchEndpoint } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  // The activity runs for minutes, sending as deliveries arrive; the heartbeat notices a dead worker.
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Input of {@link webhookDispatcherWorkflow}: ids only. */
export interface DispatcherInput {
  tenantId: string;
  endpointId: string;
}

/** Business id of an endpoint's dispatcher: one per endpoint, so endpoints never wait on each other. */
export const webhookDispatcherWorkflowId = (endpointId: string) => `webhook-dispatch-${endpointId}`;

/** "There is new work": sent by the relay (throttled) and by API commands (test, retry, enable, replay). */
export const wakeDispatcherSignal = defineSignal('wake');

/** How long an idle dispatcher waits for a wake-up before it completes (the relay starts it again). */
const IDLE_MS = 60_000;

/**
 * Delivers one endpoint's webhooks. Each activity sends due deliveries in batches with the
 * endpoint's concurrency and rate limit until nothing is due soon; the workflow then sleeps on
 * a durable timer until the next retry is due (or a wake-up signal), so a dead endpoint costs a
 * timer, not a busy loop, and never holds up another endpoint's dispatcher.
 */
export async function webhookDispatcherWorkflow(input: DispatcherInput): Promise<string> {
  let woken = false;
  setHandler(wakeDispatcherSignal, () => {
    woken = true;
  });
  for (;;) {
    woken = false;
    const result = await dispatchEndpoint(input.tenantId, input.endpointId);
    if (result.stopped) {
      if (!woken) return result.stopped;
    } else if (result.nextDueAt === null) {
      if (!(await condition(() => woken, IDLE_MS))) return 'idle';
    } else {
      const wait = result.nextDueAt - Date.now();
      if (wait > 0) await condition(() => woken, wait);
    }
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof webhookDispatcherWorkflow>(input);
  }
}
