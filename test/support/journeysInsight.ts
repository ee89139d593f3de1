import type { Knex } from 'knex';
import type { JourneyDefinition } from '../../domain/journeys/types';

/**
 * Journey rows for the INSIGHT tests (issue 17), inserted with knex directly so every count is
 * known in advance: journeys, published versions with a hidden campaign per send node, runs,
 * steps and their ledger rows. Test support may write any table; runtime code never does this.
 */

/** A minute after `base` times `n`: distinct, ordered times for entries and steps. */
export const minutesAfter = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

/** Inserts a journey (status active unless told) and returns its id. */
export async function insertJourney(db: Knex, tenantId: string, name: string, status = 'active'): Promise<string> {
  const [row] = await db('journeys')
    .insert({ tenant_id: tenantId, name, status, draft: JSON.stringify({}) })
    .returning('id');
  return (row as { id: string }).id;
}

/** A published version and the hidden campaign of each of its send nodes. */
export interface InsertedVersion {
  id: string;
  version: number;
  sendCampaigns: Record<string, string>;
}

/**
 * Publishes `definition` as version `version` of the journey: a hidden campaign (kind `journey`)
 * per send node, the version row, and the journey's current version and latest number.
 */
export async function insertVersion(db: Knex, tenantId: string, journeyId: string, version: number, definition: JourneyDefinition): Promise<InsertedVersion> {
  const sendCampaigns: Record<string, string> = {};
  const [row] = await db('journey_versions')
    .insert({ tenant_id: tenantId, journey_id: journeyId, version, definition: JSON.stringify(definition) })
    .returning('id');
  const versionId = (row as { id: string }).id;
  for (const node of definition.nodes) {
    if (node.type !== 'send') continue;
    const [campaign] = await db('campaigns')
      .insert({
        tenant_id: tenantId,
        name: `journey ${journeyId} v${version} ${node.id}`,
        kind: 'journey',
        channel: node.channel,
        subject: node.subject ?? null,
        body: node.body,
        audience: JSON.stringify({ type: 'journey', journeyId, versionId, nodeId: node.id }),
        schedule: JSON.stringify({ type: 'now' }),
        status: 'sending',
      })
      .returning('id');
    sendCampaigns[node.id] = (campaign as { id: string }).id;
  }
  await db('journey_versions')
    .where({ id: versionId })
    .update({ send_campaigns: JSON.stringify(sendCampaigns) });
  await db('journeys').where({ id: journeyId }).update({ current_version_id: versionId, latest_version: version });
  return { id: versionId, version, sendCampaigns };
}

/** What a run row needs; the rest takes the table's defaults. */
export interface RunSpec {
  tenantId: string;
  journeyId: string;
  versionId: string;
  customerId: string;
  nodeId: string;
  enteredAt: Date;
  state?: 'active' | 'completed' | 'exited' | 'failed';
  endReason?: string;
  convertedAt?: Date;
  visit?: number;
  dueAt?: Date | null;
  waitingFor?: Record<string, unknown>;
  trigger?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

/** Inserts a run and returns its id; an ended run ends a minute after entering. */
export async function insertRun(db: Knex, spec: RunSpec): Promise<string> {
  const state = spec.state ?? 'active';
  const [row] = await db('journey_runs')
    .insert({
      tenant_id: spec.tenantId,
      journey_id: spec.journeyId,
      version_id: spec.versionId,
      customer_id: spec.customerId,
      node_id: spec.nodeId,
      visit: spec.visit ?? 1,
      state,
      due_at: spec.dueAt ?? null,
      waiting_for: spec.waitingFor ? JSON.stringify(spec.waitingFor) : null,
      trigger: JSON.stringify(
        spec.trigger ?? { kind: 'event', eventId: null, name: 'Signed Up', properties: { plan: 'pro' }, occurredAt: spec.enteredAt.toISOString() },
      ),
      context: JSON.stringify(spec.context ?? {}),
      entered_at: spec.enteredAt,
      ended_at: state === 'active' ? null : minutesAfter(spec.enteredAt, 1),
      end_reason: spec.endReason ?? (state === 'active' ? null : state === 'completed' ? 'completed' : null),
      converted_at: spec.convertedAt ?? null,
    })
    .returning('id');
  return (row as { id: string }).id;
}

/** A step to insert for a run. */
export interface StepSpec {
  nodeId: string;
  kind: string;
  status: 'started' | 'waiting' | 'done' | 'failed';
  next?: string;
  visit?: number;
  detail?: Record<string, unknown>;
  /** The version the step ran in; the run's current version when absent (a migrated run's earlier steps name the old one). */
  versionId?: string;
}

/** Inserts a run's steps in order (a minute apart from `startedAt`) and returns their ids by node id. */
export async function insertSteps(db: Knex, runId: string, startedAt: Date, steps: StepSpec[]): Promise<Record<string, string>> {
  const run = await db('journey_runs').where({ id: runId }).first('tenant_id', 'journey_id', 'version_id');
  const ids: Record<string, string> = {};
  for (const [i, step] of steps.entries()) {
    const started = minutesAfter(startedAt, i);
    const finished = step.status === 'done' || step.status === 'failed';
    const [row] = await db('journey_steps')
      .insert({
        tenant_id: run.tenant_id,
        journey_id: run.journey_id,
        version_id: step.versionId ?? run.version_id,
        run_id: runId,
        node_id: step.nodeId,
        visit: step.visit ?? 1,
        kind: step.kind,
        status: step.status,
        next_node_id: step.next ?? null,
        detail: JSON.stringify(step.detail ?? {}),
        started_at: started,
        finished_at: finished ? minutesAfter(started, 0.5) : null,
      })
      .returning('id');
    ids[step.nodeId] = (row as { id: string }).id;
  }
  await db('journey_runs').where({ id: runId }).update({ steps: steps.length });
  return ids;
}

/** The ledger row of a send step: its state and the marks feedback would have set. */
export interface LedgerSpec {
  state: 'pending' | 'sending' | 'sent' | 'delivered' | 'failed' | 'skipped' | 'cancelled';
  opened?: boolean;
  clicked?: boolean;
  unsubscribed?: boolean;
  skipReason?: string;
  error?: string;
  /** For a pending row: deferred until this time. */
  nextAttemptAt?: Date;
  deferredReason?: string;
}

/** Inserts the ledger row of a send step (in the node's hidden campaign) and returns its id, the message's id. */
export async function insertLedgerRow(
  db: Knex,
  step: { id: string; campaignId: string; customerId: string; channel: 'email' | 'sms' },
  spec: LedgerSpec,
): Promise<string> {
  const tenant = await db('campaigns').where({ id: step.campaignId }).first('tenant_id');
  const now = new Date();
  const sent = ['sent', 'delivered'].includes(spec.state);
  const [row] = await db('campaign_recipients')
    .insert({
      tenant_id: tenant.tenant_id,
      campaign_id: step.campaignId,
      customer_id: step.customerId,
      channel: step.channel,
      address: step.channel === 'email' ? 'someone@example.com' : '+14155550100',
      state: spec.state,
      skip_reason: spec.skipReason ?? null,
      error: spec.error ?? null,
      error_kind: spec.state === 'failed' ? 'permanent' : null,
      attempts: sent || spec.state === 'failed' ? 1 : 0,
      next_attempt_at: spec.nextAttemptAt ?? null,
      deferred_reason: spec.deferredReason ?? null,
      sent_at: sent ? now : null,
      delivered_at: spec.state === 'delivered' ? now : null,
      opened_at: spec.opened ? now : null,
      clicked_at: spec.clicked ? now : null,
      unsubscribed_at: spec.unsubscribed ? now : null,
      journey_step_id: step.id,
    })
    .returning('id');
  return (row as { id: string }).id;
}
