import type { Knex } from 'knex';
import type { JourneyDefinition } from '../../domain/journeys/types';
import { buildCustomer } from './factories';
import { insertJourney, insertLedgerRow, insertRun, insertSteps, insertVersion, minutesAfter, type LedgerSpec, type StepSpec } from './journeysInsight';

/**
 * The welcome journey the INSIGHT tests count: two versions whose node ids overlap (`welcome`),
 * nine runs on version 1, three on version 2 (one moved there from version 1 by a migration map),
 * each with its steps and ledger rows, written so that every number of the analytics is known.
 * The comments on each run are the story the expected numbers in the test come from.
 */

/** Version 1: send → wait for an order (timeout → branch) → SMS or reminder, or thank-you tags → exit. */
export const WELCOME_V1: JourneyDefinition = {
  entry: { type: 'event', event: 'Signed Up', policy: { mode: 'every_time' } },
  start: 'welcome',
  nodes: [
    { id: 'welcome', type: 'send', channel: 'email', subject: 'Welcome', body: 'Hi {{ customer.firstName }}', next: 'wait' },
    { id: 'wait', type: 'wait_for_event', event: 'Order Completed', timeout: '2d', next: 'thanks', timeoutNext: 'split' },
    { id: 'thanks', type: 'update_customer', addTags: ['buyer'], next: 'done' },
    {
      id: 'split',
      type: 'branch',
      branches: [
        { name: 'vip', where: { kind: 'condition', field: 'plan', operator: 'equals', value: 'pro' } as never, next: 'sms' },
        { name: 'has phone', next: 'sms' },
      ],
      else: 'reminder',
    },
    { id: 'sms', type: 'send', channel: 'sms', body: 'Come back', next: 'done' },
    { id: 'reminder', type: 'send', channel: 'email', subject: 'Still there?', body: 'Reminder', next: 'done' },
    { id: 'done', type: 'exit' },
  ],
  goal: { event: { event: 'Order Completed' }, within: '7d' },
};

/** Version 2: send → delay → SMS, then the run completes. */
export const WELCOME_V2: JourneyDefinition = {
  entry: { type: 'event', event: 'Signed Up', policy: { mode: 'every_time' } },
  start: 'welcome',
  nodes: [
    { id: 'welcome', type: 'send', channel: 'email', subject: 'Welcome!', body: 'Hello', next: 'delay' },
    { id: 'delay', type: 'delay', duration: '1d', next: 'final' },
    { id: 'final', type: 'send', channel: 'sms', body: 'One more thing' },
  ],
  goal: { event: { event: 'Order Completed' }, within: '7d', exitOnConversion: true },
};

/** What the scenario created, by the names the test uses. */
export interface WelcomeScenario {
  journeyId: string;
  otherJourneyId: string;
  v1: { id: string; sendCampaigns: Record<string, string> };
  v2: { id: string; sendCampaigns: Record<string, string> };
  customers: string[];
  /** Run ids by story name (r1…r9 on version 1, s1…s3 on version 2, other on the other journey). */
  runs: Record<string, string>;
  /** Ledger row ids by `<run>.<node>`. */
  messages: Record<string, string>;
  /** Runs of the welcome journey, newest entry first. */
  newestFirst: string[];
}

const send = (nodeId: string, next?: string, status: StepSpec['status'] = 'done'): StepSpec => ({ nodeId, kind: 'send', status, next });

/** Builds the scenario in a tenant; `base` is the first entry time (runs enter a minute apart, r1 first). */
export async function buildWelcomeScenario(db: Knex, tenantId: string, base: Date): Promise<WelcomeScenario> {
  const journeyId = await insertJourney(db, tenantId, 'Welcome series');
  const v1 = await insertVersion(db, tenantId, journeyId, 1, WELCOME_V1);
  const customers = await Promise.all([1, 2, 3, 4, 5, 6].map(() => buildCustomer(db, tenantId)));
  const [c1, c2, c3, c4, c5, c6] = customers as [string, string, string, string, string, string];
  const runs: Record<string, string> = {};
  const messages: Record<string, string> = {};
  const order: string[] = [];
  let minute = 0;
  /** One run: its row, its steps, and the ledger rows of its send steps. */
  const story = async (
    name: string,
    run: {
      versionId: string;
      customerId: string;
      nodeId: string;
      state?: 'active' | 'completed' | 'exited' | 'failed';
      endReason?: string;
      converted?: boolean;
    },
    steps: StepSpec[],
    ledger: Record<string, LedgerSpec> = {},
    campaigns: Record<string, string> = v1.sendCampaigns,
  ) => {
    const enteredAt = minutesAfter(base, minute++ * 60);
    const id = await insertRun(db, { tenantId, journeyId, ...run, enteredAt, convertedAt: run.converted ? minutesAfter(enteredAt, 30) : undefined });
    const stepIds = await insertSteps(db, id, enteredAt, steps);
    for (const [nodeId, spec] of Object.entries(ledger)) {
      const channel = nodeId === 'sms' || nodeId === 'final' ? 'sms' : 'email';
      messages[`${name}.${nodeId}`] = await insertLedgerRow(
        db,
        { id: stepIds[nodeId]!, campaignId: campaigns[nodeId]!, customerId: run.customerId, channel },
        spec,
      );
    }
    runs[name] = id;
    order.unshift(id);
    return id;
  };
  const v1Run = (customerId: string, nodeId: string, rest: { state?: 'active' | 'exited' | 'failed'; endReason?: string; converted?: boolean } = {}) => ({
    versionId: v1.id,
    customerId,
    nodeId,
    ...rest,
  });
  const wait = (status: StepSpec['status'], next?: string): StepSpec => ({ nodeId: 'wait', kind: 'wait_for_event', status, next });
  const exitStep: StepSpec = { nodeId: 'done', kind: 'exit', status: 'done' };
  const split = (next: string, detail: Record<string, unknown>): StepSpec => ({ nodeId: 'split', kind: 'branch', status: 'done', next, detail });

  // r1: ordered in time → thank-you tags → exit; converted on the welcome email.
  await story(
    'r1',
    v1Run(c1, 'done', { state: 'exited', endReason: 'exit_node', converted: true }),
    [send('welcome', 'wait'), wait('done', 'thanks'), { nodeId: 'thanks', kind: 'update_customer', status: 'done', next: 'done' }, exitStep],
    { welcome: { state: 'delivered', opened: true, clicked: true } },
  );
  // r2: timed out → branch "vip" → SMS delivered → exit; converted on the SMS.
  await story(
    'r2',
    v1Run(c2, 'done', { state: 'exited', endReason: 'exit_node', converted: true }),
    [send('welcome', 'wait'), wait('done', 'split'), split('sms', { branch: 'vip', index: 0 }), send('sms', 'done'), exitStep],
    { welcome: { state: 'sent', opened: true }, sms: { state: 'delivered' } },
  );
  // r3: still waiting for the order.
  await story('r3', v1Run(c3, 'wait'), [send('welcome', 'wait'), wait('waiting')], { welcome: { state: 'delivered' } });
  // r4: timed out → else → the reminder failed (the run went on) → exit; converted without a message of its own.
  await story(
    'r4',
    v1Run(c4, 'done', { state: 'exited', endReason: 'exit_node', converted: true }),
    [send('welcome', 'wait'), wait('done', 'split'), split('reminder', { branch: 'else' }), send('reminder', 'done', 'failed'), exitStep],
    { welcome: { state: 'sent' }, reminder: { state: 'failed', error: 'mailbox unavailable' } },
  );
  // r5: the welcome email was skipped (no consent); an exit rule ended the run while it waited.
  await story('r5', v1Run(c5, 'wait', { state: 'exited', endReason: 'exit_rule' }), [send('welcome', 'wait'), wait('waiting')], {
    welcome: { state: 'skipped', skipReason: 'no_consent' },
  });
  // r6: timed out → branch "has phone" → SMS held by quiet hours; converted on the welcome email, still running.
  await story(
    'r6',
    v1Run(c6, 'sms', { converted: true }),
    [send('welcome', 'wait'), wait('done', 'split'), split('sms', { branch: 'has phone', index: 1 }), send('sms', undefined, 'waiting')],
    {
      welcome: { state: 'delivered', opened: true, unsubscribed: true },
      sms: { state: 'pending', nextAttemptAt: minutesAfter(new Date(), 24 * 60), deferredReason: 'quiet_hours' },
    },
  );
  // r7: c1 again (every time): the welcome email is being sent.
  await story('r7', v1Run(c1, 'welcome'), [send('welcome', undefined, 'started')], { welcome: { state: 'sending' } });
  // r8: the welcome step failed and so did the run.
  await story('r8', v1Run(c2, 'welcome', { state: 'failed', endReason: 'failed' }), [
    { ...send('welcome', undefined, 'failed'), detail: { error: 'template' } },
  ]);
  // r9: converted while waiting, and ended there as converted.
  await story('r9', v1Run(c4, 'wait', { state: 'exited', endReason: 'converted', converted: true }), [send('welcome', 'wait'), wait('waiting')], {
    welcome: { state: 'sent', opened: true },
  });

  const v2 = await insertVersion(db, tenantId, journeyId, 2, WELCOME_V2);
  const v2Run = (customerId: string, nodeId: string, rest: { state?: 'active' | 'completed'; converted?: boolean } = {}) => ({
    versionId: v2.id,
    customerId,
    nodeId,
    ...rest,
  });
  const delay = (status: StepSpec['status'], next?: string): StepSpec => ({ nodeId: 'delay', kind: 'delay', status, next });
  // s1: the whole of version 2, completed after the final SMS.
  await story(
    's1',
    v2Run(c5, 'final', { state: 'completed' }),
    [send('welcome', 'delay'), delay('done', 'final'), send('final')],
    { welcome: { state: 'delivered', opened: true }, final: { state: 'sent' } },
    v2.sendCampaigns,
  );
  // s2: in the delay.
  await story('s2', v2Run(c6, 'delay'), [send('welcome', 'delay'), delay('waiting')], { welcome: { state: 'sent' } }, v2.sendCampaigns);
  // s3: entered version 1 (its welcome email sent there), moved to version 2's delay by a migration map; converted on the version-1 email.
  await story(
    's3',
    v2Run(c2, 'delay', { converted: true }),
    [{ ...send('welcome', 'wait'), versionId: v1.id }, delay('waiting')],
    { welcome: { state: 'sent' } },
    v1.sendCampaigns,
  );

  // Conversions name the message they are attributed to (r4's names none).
  for (const [run, message] of [
    ['r1', 'r1.welcome'],
    ['r2', 'r2.sms'],
    ['r6', 'r6.welcome'],
    ['r9', 'r9.welcome'],
    ['s3', 's3.welcome'],
  ] as const) {
    await db('journey_runs').where({ id: runs[run] }).update({ converted_message_id: messages[message], last_message_id: messages[message] });
  }

  // Another journey the customer c2 is in, so lists by customer cross journeys and lists by journey do not.
  const otherJourneyId = await insertJourney(db, tenantId, 'Order follow-up');
  const other = await insertVersion(db, tenantId, otherJourneyId, 1, {
    entry: { type: 'herald_event', eventType: 'order.created' },
    start: 'pause',
    nodes: [{ id: 'pause', type: 'delay', duration: '3d' }],
  });
  const otherAt = minutesAfter(base, minute++ * 60);
  runs.other = await insertRun(db, { tenantId, journeyId: otherJourneyId, versionId: other.id, customerId: c2, nodeId: 'pause', enteredAt: otherAt });
  await insertSteps(db, runs.other, otherAt, [{ nodeId: 'pause', kind: 'delay', status: 'waiting' }]);

  return { journeyId, otherJourneyId, v1, v2, customers, runs, messages, newestFirst: order };
}
