import type { Knex } from 'knex';
import type { CountryCode } from 'libphonenumber-js';
import { conflict, unavailable, validationFailed } from '../../lib/errors';
import type { TemporalProvider } from '../../temporal/client';
import { normalisePhone } from '../customers/normalize';
import type { CommandContext } from '../shared/context';
import { recordCampaignEvent } from './events';
import { controlRecurringSchedule, createRecurringSchedule, runTestSend, signalCampaign, startCampaignSend, terminateCampaignSend } from './lifecycle';
import type { CampaignService } from './service';
import { toCampaign, type Campaign, type CampaignOptions, type CampaignRow, type Schedule } from './types';

/** Earliest UTC offset on Earth (UTC+14): a send "in each recipient's timezone" starts this early. */
const EARLIEST_OFFSET_MS = 14 * 3_600_000;

/** gRPC's INVALID_ARGUMENT: Temporal refused what the client asked for (e.g. a cron it cannot read). */
const INVALID_ARGUMENT = 3;

/**
 * Wraps Temporal calls so the transaction rolls back: a request Temporal finds invalid is a 422,
 * an unreachable server a 503.
 */
async function viaTemporal<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: number; cause?: { code?: number }; message?: string };
    // The SDK checks a schedule's cron fields itself and throws a TypeError naming the bad field.
    if (e.code === INVALID_ARGUMENT || e.cause?.code === INVALID_ARGUMENT || (what === 'schedule' && err instanceof TypeError)) {
      throw validationFailed([{ location: 'body', path: 'schedule', message: e.message ?? 'refused by Temporal' }], `Temporal refused the ${what}`);
    }
    throw unavailable(`Temporal did not accept the ${what}; nothing was changed. Try again shortly.`, { cause: e.message });
  }
}

/**
 * The lifecycle commands: draft → scheduled → sending ⇄ paused → completed | cancelled.
 * Each runs in a transaction holding the campaign's row lock; the Temporal call (start,
 * signal, schedule) happens inside it, so a refused call leaves the campaign unchanged and a
 * committed status always has its workflow.
 */
export function createCampaignCommands(deps: {
  db: Knex;
  temporal: TemporalProvider;
  campaigns: CampaignService;
  defaultPhoneRegion: CountryCode;
  now?: () => Date;
}) {
  const { db, temporal } = deps;
  const now = deps.now ?? (() => new Date());

  async function transition(ctx: CommandContext, id: string, run: (row: CampaignRow, trx: Knex.Transaction) => Promise<CampaignRow>): Promise<Campaign> {
    return db.transaction(async (trx) => toCampaign(await run(await deps.campaigns.findRow(ctx.principal.tenantId, id, trx, true), trx)));
  }

  const refuse = (row: CampaignRow, action: string) => conflict(`A ${row.status} campaign cannot be ${action}`, { status: row.status });

  const setStatus = async (trx: Knex.Transaction, row: CampaignRow, changes: Record<string, unknown>) =>
    (
      await trx('campaigns')
        .where({ id: row.id })
        .update({ ...changes, updated_at: trx.fn.now() })
        .returning('*')
    )[0] as CampaignRow;

  /** Sends now: a draft or a campaign scheduled for later starts sending at once (202, async). */
  async function send(ctx: CommandContext, id: string): Promise<Campaign> {
    return transition(ctx, id, async (row, trx) => {
      if (!['draft', 'scheduled'].includes(row.status) || row.started_at) throw refuse(row, 'sent');
      if ((row.schedule as Schedule).type === 'recurring') throw conflict('A recurring campaign is sent by its schedule; use POST /schedule');
      const updated = await setStatus(trx, row, { status: 'sending', scheduled_at: now() });
      await recordCampaignEvent(trx, ctx, 'campaign.sent', updated);
      await viaTemporal('send', async () => {
        if (row.status === 'scheduled') await terminateCampaignSend(temporal, row.tenant_id, row.id, 'sent now instead of at its scheduled time');
        await startCampaignSend(temporal, row.tenant_id, row.id);
      });
      return updated;
    });
  }

  /** Schedules a draft: at a time (a delayed workflow start) or recurring (a Temporal Schedule). */
  async function schedule(ctx: CommandContext, id: string, override?: Schedule): Promise<Campaign> {
    return transition(ctx, id, async (row, trx) => {
      if (row.status !== 'draft') throw refuse(row, 'scheduled');
      const plan = override ?? (row.schedule as Schedule);
      if (plan.type === 'now')
        throw validationFailed([{ location: 'body', path: 'schedule', message: 'give a time ("at") or a recurring schedule, or use POST /send' }]);
      const at = plan.type === 'at' ? new Date(plan.at) : null;
      if (at && at.getTime() <= now().getTime()) throw validationFailed([{ location: 'body', path: 'schedule.at', message: 'must be in the future' }]);
      const updated = await setStatus(trx, row, { status: 'scheduled', schedule: JSON.stringify(plan), scheduled_at: at });
      await recordCampaignEvent(trx, ctx, 'campaign.scheduled', updated, { schedule: plan });
      await viaTemporal('schedule', async () => {
        if (plan.type === 'recurring') return createRecurringSchedule(temporal, row.tenant_id, row.id, plan.cron, plan.timezone);
        const early = (row.options as CampaignOptions).sendInRecipientTimezone ? EARLIEST_OFFSET_MS : 0;
        return startCampaignSend(temporal, row.tenant_id, row.id, Math.max(0, at!.getTime() - early - now().getTime()));
      });
      return updated;
    });
  }

  /** Pauses sending (the workflow holds within a second) or a recurring campaign's schedule. */
  async function pause(ctx: CommandContext, id: string): Promise<Campaign> {
    return transition(ctx, id, async (row, trx) => {
      const recurring = (row.schedule as Schedule).type === 'recurring';
      if (!(row.status === 'sending' || (recurring && row.status === 'scheduled'))) throw refuse(row, 'paused');
      const updated = await setStatus(trx, row, { status: 'paused', status_reason: 'paused through the API' });
      await recordCampaignEvent(trx, ctx, 'campaign.paused', updated, { reason: updated.status_reason ?? 'paused through the API', automatic: false });
      await viaTemporal('pause', () =>
        recurring
          ? controlRecurringSchedule(temporal, row.tenant_id, row.id, 'pause')
          : signalCampaign(temporal, row.tenant_id, row.id, 'pause').then(() => undefined),
      );
      return updated;
    });
  }

  /** Resumes a paused campaign from where it stopped. */
  async function resume(ctx: CommandContext, id: string): Promise<Campaign> {
    return transition(ctx, id, async (row, trx) => {
      if (row.status !== 'paused') throw refuse(row, 'resumed');
      const recurring = (row.schedule as Schedule).type === 'recurring';
      const updated = await setStatus(trx, row, { status: recurring ? 'scheduled' : 'sending', status_reason: null });
      await recordCampaignEvent(trx, ctx, 'campaign.resumed', updated);
      await viaTemporal('resume', async () => {
        if (recurring) return controlRecurringSchedule(temporal, row.tenant_id, row.id, 'resume');
        // A paused campaign whose workflow is gone (never started) is started now.
        if (!(await signalCampaign(temporal, row.tenant_id, row.id, 'resume'))) await startCampaignSend(temporal, row.tenant_id, row.id);
      });
      return updated;
    });
  }

  /** Cancels: nothing more is sent, and every unsent recipient is marked cancelled. */
  async function cancel(ctx: CommandContext, id: string): Promise<Campaign> {
    return transition(ctx, id, async (row, trx) => {
      if (!['draft', 'scheduled', 'sending', 'paused'].includes(row.status)) throw refuse(row, 'cancelled');
      const recurring = (row.schedule as Schedule).type === 'recurring';
      let workflowRunning = false;
      await viaTemporal('cancel', async () => {
        if (recurring) return controlRecurringSchedule(temporal, row.tenant_id, row.id, 'delete');
        if (row.status === 'scheduled' && !row.started_at) return terminateCampaignSend(temporal, row.tenant_id, row.id, 'cancelled before its scheduled time');
        if (row.status !== 'draft') workflowRunning = await signalCampaign(temporal, row.tenant_id, row.id, 'cancel');
      });
      // Without a running workflow to finish the job, the ledger is closed here.
      if (!workflowRunning)
        await trx('campaign_recipients')
          .where({ campaign_id: row.id })
          .whereIn('state', ['pending', 'sending', 'held'])
          .update({ state: 'cancelled', next_attempt_at: null });
      const updated = await setStatus(trx, row, {
        status: 'cancelled',
        status_reason: 'cancelled through the API',
        ...(workflowRunning ? {} : { finished_at: now() }),
      });
      await recordCampaignEvent(trx, ctx, 'campaign.cancelled', updated);
      return updated;
    });
  }

  /**
   * Seed 003's `PATCH /campaigns/:id/status`: the target status picks the command
   * (scheduled → schedule, sending/active → send or resume, paused → pause, cancelled → cancel).
   */
  async function setStatusTo(ctx: CommandContext, id: string, status: string): Promise<Campaign> {
    const row = await deps.campaigns.findRow(ctx.principal.tenantId, id);
    switch (status) {
      case 'scheduled':
        return schedule(ctx, id);
      case 'sending':
      case 'active':
      case 'running':
        return row.status === 'paused' ? resume(ctx, id) : send(ctx, id);
      case 'paused':
        return pause(ctx, id);
      case 'cancelled':
        return cancel(ctx, id);
      default:
        throw validationFailed([
          { location: 'body', path: 'status', message: 'must be one of scheduled, sending, paused, cancelled (completed and failed are reached, not set)' },
        ]);
    }
  }

  /**
   * Sends the message to test addresses through the worker: e-mail addresses for an e-mail
   * campaign, phones written as people do (normalised to E.164, as customer phones are) for SMS.
   */
  async function sendTest(ctx: CommandContext, id: string, addresses: string[], customerId: string | null) {
    const row = await deps.campaigns.findRow(ctx.principal.tenantId, id);
    const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    const checked = addresses.map((a) =>
      row.channel === 'email' ? (email.test(a) ? a : undefined) : /^[+\d\s().-]+$/.test(a) ? normalisePhone(a, deps.defaultPhoneRegion) : undefined,
    );
    const bad = checked.flatMap((a, i) =>
      a
        ? []
        : [
            {
              location: 'body',
              path: `addresses.${i}`,
              message: row.channel === 'email' ? 'is not an e-mail address' : `is not a valid phone number (default region ${deps.defaultPhoneRegion})`,
            },
          ],
    );
    if (bad.length) throw validationFailed(bad);
    return viaTemporal('test send', () => runTestSend(temporal, row.tenant_id, row.id, checked as string[], customerId));
  }

  return { send, schedule, pause, resume, cancel, setStatus: setStatusTo, sendTest };
}
