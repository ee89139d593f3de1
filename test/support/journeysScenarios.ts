import { ensureJourneyRouter, ensureJourneyRunner } from '../../domain/journeys/lifecycle';
import { segmentRefreshWorkflowId } from '../../workflows/segmentRefresh';
import { startCampaignStack } from '../integration/campaignHarness';
import { buildTenant } from './factories';
import { startTestWorker } from './testWorker';
import { until } from './until';

/**
 * The journey scenarios' stack and the calls they make, all through the public API: the API on its
 * HTTP server, Herald's worker in this process on an injected clock (runner and router started as
 * every worker starts them), the SMTP sink and the Twilio fake. Tests read tables only to check results.
 */

/** Starts the stack on `clock` (the worker's and the campaign sender's time; the API keeps the system clock). */
export async function startScenarioStack(clock: () => Date) {
  const stack = await startCampaignStack({ withWorker: false, now: clock, env: { RATE_LIMIT_IP_PER_MINUTE: '100000' } });
  const stopWorker = await startTestWorker(stack.db, { messaging: stack.messaging, clock });
  const temporal = stack.server.runtime.temporal;
  await ensureJourneyRunner(temporal);
  await ensureJourneyRouter(temporal, temporal.settings.taskQueue);
  return {
    ...stack,
    async close() {
      await stopWorker();
      await stack.close();
    },
  };
}

/** The stack's interface. */
export type ScenarioStack = Awaited<ReturnType<typeof startScenarioStack>>;

/** A message the SMTP sink received, with its HTML decoded from quoted-printable. */
export const htmlOf = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');

/** A fresh tenant (its admin key) and the API calls a scenario makes as that admin. */
export async function scenarioTenant(stack: ScenarioStack, name: string) {
  const t = await buildTenant(stack.db, name);
  const call = (method: string, url: string, body?: unknown) => stack.server.request(`/api/v1${url}`, { method, key: t.adminKey, body });
  const ok = async (method: string, url: string, body?: unknown) => {
    const res = await call(method, url, body);
    if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body?.data;
  };
  /** Waits until the router has taken every event queued for the tenant (a pass removes its events when it commits). */
  const routed = () =>
    until(
      async () => Number((await stack.db('journey_event_queue').where({ tenant_id: t.tenantId }).count<{ n: string }[]>({ n: '*' }))[0]!.n),
      (n) => n === 0,
      { label: 'the journey event queue to drain' },
    );
  return {
    ...t,
    call,
    ok,
    routed,
    /** POST /journeys with `body`, then publish it; answers the journey. */
    async journey(body: unknown): Promise<{ id: string }> {
      const created = await ok('POST', '/journeys', body);
      expect(created.problems).toEqual([]);
      await ok('POST', `/journeys/${created.id}/publish`);
      return created;
    },
    /** POST /customers; answers the id. */
    customer: async (body: Record<string, unknown>): Promise<string> => (await ok('POST', '/customers', body)).id,
    /** POST /track as `userId` (the customer's externalId), then waits until the router has routed it. */
    async track(userId: string, event: string, properties: Record<string, unknown> = {}) {
      await ok('POST', '/track', { userId, event, properties });
      await routed();
    },
    /** POST /segments with a tag rule; answers its id once its first refresh has finished. */
    async tagSegment(tag: string): Promise<string> {
      const id = (await ok('POST', '/segments', { name: `Tagged ${tag}`, rules: { all: [{ fact: 'tags', operator: 'hasAny', value: [tag] }] } })).id as string;
      await (await stack.server.runtime.temporal.client()).workflow.getHandle(segmentRefreshWorkflowId(t.tenantId, id)).result();
      return id;
    },
    /**
     * Waits until every open run of these journeys is parked: its current step is `waiting` (so a
     * delay's end is fixed by the clock's reading then, before the test moves the clock).
     */
    parked: (...journeyIds: string[]) =>
      until(
        async () =>
          Number(
            (
              await stack.db.raw(
                `SELECT count(*) AS n FROM journey_runs r WHERE r.journey_id = ANY(?::uuid[]) AND r.state = 'active' AND NOT EXISTS (
                   SELECT 1 FROM journey_steps s WHERE s.run_id = r.id AND s.node_id = r.node_id AND s.visit = r.visit AND s.status = 'waiting')`,
                [journeyIds],
              )
            ).rows[0].n,
          ),
        (n) => n === 0,
        { label: 'every open run to be parked in a waiting step' },
      ),
    /** The journey's runs in entry order (read for the assertions). */
    runs: (journeyId: string) =>
      stack
        .db('journey_runs')
        .where({ journey_id: journeyId })
        .orderBy([{ column: 'entered_at' }, { column: 'id' }]),
    /** The tenant's journey.* events (type and data), in outbox order. */
    journeyEvents: async () =>
      (await stack.db('events').where({ tenant_id: t.tenantId }).where('type', 'like', 'journey.%').orderBy('seq').select('type', 'payload')).map(
        (e: { type: string; payload: { data: Record<string, unknown> } }) => ({ type: e.type, data: e.payload.data }),
      ),
  };
}

/** The POST /journeys example bodies of the served OpenAPI document, by name. */
export async function servedExamples(stack: ScenarioStack): Promise<Record<string, { value: Record<string, any> }>> {
  const doc = await stack.server.request('/api/v1/openapi.json');
  return doc.body.paths['/api/v1/journeys'].post.requestBody.content['application/json'].examples;
}
