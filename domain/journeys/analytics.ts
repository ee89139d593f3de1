/**
 * Journey analytics (issue 17, INSIGHT): per node, per edge, per send node and for the goal, of
 * ONE published version. Steps carry their version, runs the version they are on, and a send's
 * ledger row names its step, so nothing is ever added up across versions (Dittofeed's step
 * statistics mix them). Five set-based statements read one snapshot (a repeatable-read,
 * read-only transaction), whatever the number of nodes, so the numbers agree with each other.
 */
import type { Knex } from 'knex';
import { iso } from '../../lib/time';
import { findJourney, findVersion, versionNumbers } from './runQueries';
import { definitionEdges, type JourneyAnalytics, type NodeAnalytics, type RunTotals, type SendAnalytics } from './analyticsView';

const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : 0);
const key = (...parts: Array<string | null>) => JSON.stringify(parts);

/** Step counts by (node, status, next node). */
interface StepCount {
  node_id: string;
  status: string;
  next_node_id: string | null;
  n: number;
}
/** Run counts by (node, state, end reason). */
interface RunCount {
  node_id: string;
  state: string;
  end_reason: string | null;
  n: number;
  converted: number;
}
/** Ledger counts of one send node. */
type LedgerCount = Omit<SendAnalytics, 'channel' | 'campaignId'> & { node_id: string };

/** The ledger's columns counted per send node, with the campaign analytics' meaning of each. */
const LEDGER_COUNTS = `count(*)::int AS messages,
  count(*) FILTER (WHERE r.state = 'sending' OR (r.state = 'pending' AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= :now)))::int AS queued,
  count(*) FILTER (WHERE r.state = 'pending' AND r.next_attempt_at > :now)::int AS deferred,
  count(*) FILTER (WHERE r.state IN ('sent', 'delivered'))::int AS sent,
  count(*) FILTER (WHERE r.state = 'delivered')::int AS delivered,
  count(r.opened_at)::int AS opened, count(r.clicked_at)::int AS clicked, count(r.unsubscribed_at)::int AS unsubscribed,
  count(*) FILTER (WHERE r.state = 'failed')::int AS failed,
  count(*) FILTER (WHERE r.state = 'skipped')::int AS skipped,
  count(*) FILTER (WHERE r.state = 'cancelled')::int AS cancelled`;

/** Journey analytics, bound to knex and a clock (deferrals are "later than now"). */
export function createJourneyAnalytics(deps: { db: Knex; clock?: () => Date }) {
  const { db } = deps;
  const clock = deps.clock ?? (() => new Date());

  /** The analytics of one version of the tenant's journey (the current one by default); 404 for an unknown journey or version. */
  async function analytics(tenantId: string, journeyId: string, versionNumber?: number): Promise<JourneyAnalytics> {
    const now = clock();
    return db.transaction(
      async (trx) => {
        const journey = await findJourney(trx, tenantId, journeyId);
        const version = await findVersion(trx, journey, versionNumber);
        const { definition } = version;
        const sendNodes = definition.nodes.filter((n) => n.type === 'send');
        const sendIds = sendNodes.map((n) => n.id);
        // journey_steps_version_node finds the version's steps; next_node_id (the edges) is read from their rows.
        const steps: { rows: StepCount[] } = await trx.raw(
          `SELECT node_id, status, next_node_id, count(*)::int AS n FROM journey_steps WHERE version_id = ? GROUP BY 1, 2, 3`,
          [version.id],
        );
        // journey_runs_journey_node: the version's runs by node and state.
        const runs: { rows: RunCount[] } = await trx.raw(
          `SELECT node_id, state, end_reason, count(*)::int AS n, count(converted_at)::int AS converted
             FROM journey_runs WHERE journey_id = ? AND version_id = ? GROUP BY 1, 2, 3`,
          [journey.id, version.id],
        );
        // The ledger rows of this version's send steps (campaign_recipients_journey_step per step).
        const ledger: { rows: LedgerCount[] } = sendIds.length
          ? await trx.raw(
              `SELECT s.node_id, ${LEDGER_COUNTS}
                 FROM journey_steps s JOIN campaign_recipients r ON r.journey_step_id = s.id
                WHERE s.version_id = :version AND s.node_id = ANY(:nodes::text[]) GROUP BY s.node_id`,
              { version: version.id, nodes: sendIds, now },
            )
          : { rows: [] };
        // Converted runs of this version → their last message → its step, when that step is this version's.
        const attributed: { rows: Array<{ node_id: string; n: number }> } = definition.goal
          ? await trx.raw(
              `SELECT s.node_id, count(*)::int AS n
                 FROM journey_runs jr
                 JOIN campaign_recipients r ON r.id = jr.converted_message_id
                 JOIN journey_steps s ON s.id = r.journey_step_id AND s.version_id = jr.version_id
                WHERE jr.journey_id = ? AND jr.version_id = ? AND jr.converted_at IS NOT NULL GROUP BY 1`,
              [journey.id, version.id],
            )
          : { rows: [] };
        const numbers = await versionNumbers(trx, journey.id);
        return assemble({ journeyId: journey.id, current: journey.currentVersionId === version.id, numbers, now, version, steps, runs, ledger, attributed });
      },
      { isolationLevel: 'repeatable read', readOnly: true },
    );
  }

  return { analytics };
}

/** Turns the grouped counts into the analytics of every node, edge and send node of the definition. */
function assemble(read: {
  journeyId: string;
  current: boolean;
  numbers: number[];
  now: Date;
  version: Awaited<ReturnType<typeof findVersion>>;
  steps: { rows: StepCount[] };
  runs: { rows: RunCount[] };
  ledger: { rows: LedgerCount[] };
  attributed: { rows: Array<{ node_id: string; n: number }> };
}): JourneyAnalytics {
  const { definition } = read.version;
  const nodes = new Map<string, NodeAnalytics>(
    definition.nodes.map((n) => [
      n.id,
      {
        nodeId: n.id,
        type: n.type,
        name: n.name ?? null,
        entered: 0,
        waiting: 0,
        completed: 0,
        failed: 0,
        exited: 0,
        exitedByReason: {},
        runsCompleted: 0,
        runsFailed: 0,
      },
    ]),
  );
  const taken = new Map<string, number>();
  for (const s of read.steps.rows) {
    const node = nodes.get(s.node_id);
    if (node) {
      node.entered += s.n;
      if (s.status === 'done') node.completed += s.n;
      if (s.status === 'failed') node.failed += s.n;
    }
    if (s.next_node_id) taken.set(key(s.node_id, s.next_node_id), (taken.get(key(s.node_id, s.next_node_id)) ?? 0) + s.n);
  }
  const totals: RunTotals = { entered: 0, active: 0, completed: 0, exited: 0, failed: 0 };
  let converted = 0;
  for (const r of read.runs.rows) {
    const state = r.state as keyof Omit<RunTotals, 'entered'>;
    totals.entered += r.n;
    totals[state] += r.n;
    converted += r.converted;
    const node = nodes.get(r.node_id);
    if (!node) continue;
    if (state === 'active') node.waiting += r.n;
    if (state === 'completed') node.runsCompleted += r.n;
    if (state === 'failed') node.runsFailed += r.n;
    if (state === 'exited') {
      node.exited += r.n;
      const reason = r.end_reason ?? 'unknown';
      node.exitedByReason[reason] = (node.exitedByReason[reason] ?? 0) + r.n;
    }
  }
  const ledger = new Map(read.ledger.rows.map((l) => [l.node_id, l]));
  const sendNodes = definition.nodes.filter((n) => n.type === 'send');
  const sends = sendNodes.map((n): SendAnalytics => {
    const { node_id: _node, ...counts } = ledger.get(n.id) ?? {
      node_id: n.id,
      messages: 0,
      queued: 0,
      deferred: 0,
      sent: 0,
      delivered: 0,
      opened: 0,
      clicked: 0,
      unsubscribed: 0,
      failed: 0,
      skipped: 0,
      cancelled: 0,
    };
    return { nodeId: n.id, channel: n.channel, campaignId: read.version.sendCampaigns[n.id] ?? null, ...counts };
  });
  const byNode = new Map(read.attributed.rows.map((a) => [a.node_id, a.n]));
  const bySendNode = sendNodes.map((n) => ({ nodeId: n.id, conversions: byNode.get(n.id) ?? 0 }));
  const attributedTotal = bySendNode.reduce((sum, a) => sum + a.conversions, 0);
  return {
    journeyId: read.journeyId,
    version: { number: read.version.version, id: read.version.id, publishedAt: read.version.publishedAt, current: read.current },
    versions: read.numbers,
    asOf: iso(read.now),
    totals,
    nodes: [...nodes.values()],
    edges: definitionEdges(definition).map((e) => ({ ...e, taken: taken.get(key(e.from, e.to)) ?? 0 })),
    sends,
    goal: definition.goal
      ? { entered: totals.entered, converted, conversionRate: ratio(converted, totals.entered), bySendNode, unattributed: converted - attributedTotal }
      : null,
  };
}

/** The analytics reads' interface. */
export type JourneyAnalyticsReads = ReturnType<typeof createJourneyAnalytics>;
