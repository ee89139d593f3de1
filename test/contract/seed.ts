import type { Knex } from 'knex';
import { signToken } from '../../domain/campaigns/tracking';
import { insertRun, insertSteps } from '../support/journeysInsight';
import type { TestServer } from '../support/testServer';

/** Ids of real records of the fuzzed tenant, handed to schemathesis so operations get past 404. */
export interface ContractData {
  customerId: string;
  orderId: string;
  segmentId: string;
  campaignId: string;
  importId: string;
  webhookId: string;
  deliveryId: string;
  replayId: string;
  /** A journey published through the API (version 1) and one run on it (rows written directly: the insight routes only read them). */
  journeyId: string;
  runId: string;
  /** A member whose role PATCH /users/:id changes (the fuzzer's JWT is no person, so no admin is ever demoted by accident). */
  memberUserId: string;
  /** Records the DELETE operations may remove (one of each), so the others keep theirs. */
  doomed: {
    customerId: string;
    segmentId: string;
    campaignId: string;
    webhookId: string;
    apiKeyId: string;
    journeyId: string;
    userId: string;
    invitationId: string;
  };
  unsubscribeToken: string;
  openToken: string;
  clickToken: string;
}

/**
 * Creates one record of every resource through the API (a sent message's ledger row directly, since
 * no worker runs here), so the fuzzer's path parameters name things that exist.
 */
export async function seedContractData(server: TestServer, token: string, receiverUrl: string, db: Knex, tenantId: string): Promise<ContractData> {
  const call = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await server.request(path, { method, body, headers: { Authorization: `Bearer ${token}`, ...headers } });
    if (res.status >= 300) throw new Error(`seeding ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { data: Record<string, any> };
  };
  const customer = await call('POST', '/api/v1/customers', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+14155550100' });
  const grace = await call('POST', '/api/v1/customers', { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
  const customerId = customer.data.id as string;
  const order = await call('POST', '/api/v1/orders', { customerId, items: [{ name: 'Notebook', price: 12.5, quantity: 2 }] });
  const segment = await call('POST', '/api/v1/segments', { name: 'Spenders', rules: { all: [{ fact: 'totalSpent', operator: 'greaterThan', value: 10 }] } });
  const campaign = await call('POST', '/api/v1/campaigns', {
    name: 'Welcome',
    channel: 'email',
    subject: 'Hello',
    body: 'Hi {{ firstName }}',
    audience: { type: 'all' },
  });
  const imported = await call('POST', '/api/v1/imports', 'email,firstName\nimported@example.com,Imp\n', { 'Content-Type': 'text/csv' });
  const webhook = await call('POST', '/api/v1/webhooks', { url: receiverUrl, events: ['customer.*'] });
  const webhookId = webhook.data.id as string;
  const test = await call('POST', `/api/v1/webhooks/${webhookId}/test`);
  const replay = await call('POST', `/api/v1/webhooks/${webhookId}/replay`, { scope: 'all' });
  const doomedSegment = await call('POST', '/api/v1/segments', { name: 'Doomed', rules: { all: [{ fact: 'totalSpent', operator: 'greaterThan', value: 1 }] } });
  const doomedCampaign = await call('POST', '/api/v1/campaigns', { name: 'Doomed', channel: 'email', subject: 'Bye', body: 'Bye', audience: { type: 'all' } });
  const doomedWebhook = await call('POST', '/api/v1/webhooks', { url: receiverUrl, events: ['order.*'] });
  const doomedKey = await call('POST', '/api/v1/api-keys', { name: 'spare', role: 'readonly' });
  // A member of the tenant for DELETE /users/:id (people are made on the command line or by invitation, not by a route).
  const doomedUser = await server.runtime.domain.users.accounts.createUser({
    email: 'spare.member@example.com',
    tenantId,
    role: 'member',
    password: 'contract-member-password',
  });
  const member = await server.runtime.domain.users.accounts.createUser({
    email: 'role.member@example.com',
    tenantId,
    role: 'member',
    password: 'contract-member-password',
  });
  // An open invitation for DELETE /users/invitations/:id (its mail goes to the stack's SMTP sink).
  const doomedInvitation = await call('POST', '/api/v1/users/invitations', { email: 'invited.spare@example.com', role: 'readonly' });
  const journeyBody = (name: string) => ({
    name,
    entry: { type: 'event', event: 'Signed Up' },
    start: 'wait',
    nodes: [
      { id: 'wait', type: 'delay', duration: '1d', next: 'hello' },
      { id: 'hello', type: 'send', channel: 'email', subject: 'Hello', body: 'Hi {{ customer.firstName }}' },
    ],
  });
  const journey = await call('POST', '/api/v1/journeys', journeyBody('Welcome journey'));
  await call('POST', `/api/v1/journeys/${journey.data.id}/publish`);
  const doomedJourney = await call('POST', '/api/v1/journeys', journeyBody('Doomed journey'));
  const [ledger] = await db('campaign_recipients')
    .insert({
      tenant_id: tenantId,
      campaign_id: campaign.data.id,
      customer_id: customerId,
      channel: 'email',
      address: 'ada@example.com',
      state: 'sent',
      sent_at: new Date(),
    })
    .returning('id');
  const ledgerId = (ledger as { id: string }).id;
  const journeyId = journey.data.id as string;
  const version = (await db('journey_versions').where({ journey_id: journeyId, version: 1 }).first('id')) as { id: string };
  const runId = await insertRun(db, { tenantId, journeyId, versionId: version.id, customerId, nodeId: 'wait', enteredAt: new Date() });
  await insertSteps(db, runId, new Date(), [{ nodeId: 'wait', kind: 'delay', status: 'waiting' }]);
  const secret = server.runtime.config.TRACKING_SECRET;
  return {
    customerId,
    orderId: order.data.id,
    segmentId: segment.data.id,
    campaignId: campaign.data.id,
    importId: imported.data.id,
    webhookId,
    deliveryId: test.data.deliveryId ?? test.data.id,
    replayId: replay.data.id,
    journeyId,
    runId,
    memberUserId: member.userId,
    doomed: {
      customerId: grace.data.id,
      segmentId: doomedSegment.data.id,
      campaignId: doomedCampaign.data.id,
      webhookId: doomedWebhook.data.id,
      apiKeyId: doomedKey.data.id,
      journeyId: doomedJourney.data.id,
      userId: doomedUser.userId,
      invitationId: doomedInvitation.data.id,
    },
    unsubscribeToken: signToken(secret, 'unsubscribe', ledgerId),
    openToken: signToken(secret, 'open', ledgerId),
    clickToken: signToken(secret, 'click', ledgerId, 'https://example.com/'),
  };
}
