import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { startCampaignStack, type CampaignStack } from '../integration/campaignHarness';
import { buildTenant } from '../support/factories';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhookReceiver';
import { seedContractData, type ContractData } from './seed';

/** The fuzzer's budget: fixed seed, bounded examples, so a run is repeatable and fits CI time. */
const SEED = '20261205';
const MAX_EXAMPLES = process.env.FUZZ_MAX_EXAMPLES ?? '50';
const JWT_SECRET = 'contract-test-jwt-secret-0123456789abcdef0123456789';

/** An operation of the document with the checks it declares beyond its schema. */
interface DocumentedRules {
  name: string;
  statuses: number[];
}

/**
 * Operations whose document says a schema-valid request can still be refused (x-herald-unexpressed):
 * for those, and only those statuses, the fuzzer accepts the refusal of a valid-looking request.
 */
function unexpressedRules(document: { paths: Record<string, Record<string, { 'x-herald-unexpressed'?: Array<{ status: number }> }>> }): DocumentedRules[] {
  return Object.entries(document.paths).flatMap(([p, ops]) =>
    Object.entries(ops).flatMap(([method, op]) =>
      op['x-herald-unexpressed'] ? [{ name: `${method.toUpperCase()} ${p}`, statuses: [...new Set(op['x-herald-unexpressed'].map((r) => r.status))] }] : [],
    ),
  );
}

/**
 * Generation settings of both runs. U+0000 is refused everywhere, as the document's introduction
 * says, so the fuzzer does not offer it as valid input (hostileInputs.test.ts sends it to every route).
 */
const GENERATION = `[generation]\nmax-examples = ${MAX_EXAMPLES}\nallow-x00 = false\n`;

/**
 * Writes a schemathesis config. With `data`, every path parameter names a real record, so
 * operations get past their 404; the stateful phase runs without it, on the ids its own calls create.
 */
function writeConfig(file: string, data: ContractData | null, rules: DocumentedRules[]): string {
  // Numbers stay numbers in the TOML: a quoted "1" for an integer parameter is taken as a string, and schemathesis then
  // sends it in place of the out-of-range integers of its negative cases.
  const values = (parameters: Record<string, string | number>) =>
    `parameters = { ${Object.entries(parameters)
      .map(([k, v]) => `"${k}" = ${JSON.stringify(v)}`)
      .join(', ')} }`;
  // Deletes get records of their own, so the other operations keep theirs to work on.
  const op = (pathExpr: string, parameters: Record<string, string | number>) =>
    `[[operations]]\ninclude-path-regex = '${pathExpr}'\nexclude-method = "DELETE"\n${values(parameters)}\n`;
  const del = (name: string, id: string) => `[[operations]]\ninclude-name = "DELETE ${name}"\n${values({ id })}\n`;
  const accepted = rules.map(
    (r) =>
      `[[operations]]\ninclude-name = "${r.name}"\nchecks.positive_data_acceptance.expected-statuses = ${JSON.stringify(['2XX', '3XX', 401, 403, 404, 409, 429, ...r.statuses])}\n`,
  );
  if (!data) {
    fs.writeFileSync(file, [GENERATION, `[phases.stateful]\nmax-steps = 20\ninference.algorithms = ["location-headers"]\n`, ...accepted].join('\n'));
    return file;
  }
  const toml = [
    GENERATION,
    del('/api/v1/customers/{id}', data.doomed.customerId),
    del('/api/v1/segments/{id}', data.doomed.segmentId),
    del('/api/v1/campaigns/{id}', data.doomed.campaignId),
    del('/api/v1/webhooks/{id}', data.doomed.webhookId),
    del('/api/v1/api-keys/{id}', data.doomed.apiKeyId),
    del('/api/v1/journeys/{id}', data.doomed.journeyId),
    del('/api/v1/users/{id}', data.doomed.userId),
    del('/api/v1/users/invitations/{id}', data.doomed.invitationId),
    op('^/api/v1/customers/\\{id\\}', { id: data.customerId }),
    op('^/api/v1/users/\\{id\\}', { id: data.memberUserId }),
    op('^/api/v1/orders/\\{id\\}', { id: data.orderId }),
    op('^/api/v1/segments/\\{id\\}', { id: data.segmentId }),
    op('^/api/v1/campaigns/\\{id\\}', { id: data.campaignId }),
    op('^/api/v1/journeys/\\{id\\}', { id: data.journeyId, version: 1 }),
    op('^/api/v1/imports/\\{id\\}', { id: data.importId }),
    op('^/api/v1/webhooks/\\{id\\}$', { id: data.webhookId }),
    op('^/api/v1/webhooks/\\{id\\}/', { id: data.webhookId, replayId: data.replayId }),
    op('^/api/v1/deliveries/\\{id\\}', { id: data.deliveryId }),
    op('^/api/v1/journeys/\\{id\\}', { id: data.journeyId, runId: data.runId }),
    op('^/api/v1/messaging/unsubscribe/', { token: data.unsubscribeToken }),
    op('^/api/v1/messaging/open/', { token: data.openToken }),
    op('^/api/v1/messaging/click/', { token: data.clickToken, url: 'https://example.com/' }),
    ...accepted,
  ].join('\n');
  fs.writeFileSync(file, toml);
  return file;
}

/** Runs `st run` and resolves with its exit code and output. */
function runFuzzer(st: string, args: string[], cwd: string, hooks = ''): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(st, args, { cwd, env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_HOOKS: hooks } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The API contract, checked from the outside: schemathesis reads Herald's own OpenAPI document and
 * runs every phase (examples, coverage, fuzzing, stateful) with every check against a real server.
 * Zero failures means no input answered 5xx, every answer matched its documented status, content
 * type, headers and schema, and what the document calls valid (or invalid) the API treats so.
 */
describe('OpenAPI contract (schemathesis)', () => {
  let stack: CampaignStack;
  let receiver: WebhookReceiver;
  let work: string;
  let st: string;

  beforeAll(async () => {
    st = execFileSync('bash', [path.resolve(__dirname, '../../scripts/fuzzer.sh')], { encoding: 'utf8' }).trim();
    // The whole stack, worker included: sends, imports and the tenant summary run real workflows.
    stack = await startCampaignStack({
      env: {
        JWT_SECRET,
        RATE_LIMIT_GENERAL_PER_MINUTE: '100000000',
        RATE_LIMIT_SESSION_PER_MINUTE: '100000000',
        RATE_LIMIT_IMPORTS_PER_MINUTE: '100000000',
        RATE_LIMIT_AI_PER_MINUTE: '100000000',
        RATE_LIMIT_IP_PER_MINUTE: '100000000',
      },
    });
    receiver = await startWebhookReceiver();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-contract-'));
  });
  afterAll(async () => {
    await stack?.close();
    await receiver?.close();
  });

  /** Runs one schemathesis invocation; the whole report stays in .data/ for reading. */
  async function fuzz(name: string, config: string, phases: string, token: string, hooks = '') {
    const { code, output } = await runFuzzer(
      st,
      [
        '--config-file',
        config,
        'run',
        `${stack.server.url}/api/v1/openapi.json`,
        // FUZZ_INCLUDE_PATH (a regex) fuzzes only the matching paths, for checking a few routes quickly while working on them.
        ...(process.env.FUZZ_INCLUDE_PATH ? ['--include-path-regex', process.env.FUZZ_INCLUDE_PATH] : []),
        '--url',
        stack.server.url,
        '-H',
        `Authorization: Bearer ${token}`,
        '--checks',
        'all',
        '--phases',
        phases,
        '--seed',
        SEED,
        '--workers',
        '2',
        '--no-color',
        '--report',
        'junit',
        '--report-dir',
        path.join(work, name),
      ],
      work,
      hooks,
    );
    fs.mkdirSync(path.resolve(__dirname, '../../.data'), { recursive: true });
    fs.writeFileSync(path.resolve(__dirname, `../../.data/schemathesis-${name}.log`), output);
    if (code !== 0) process.stdout.write(output.slice(-60_000));
    return { code, summary: output.slice(output.lastIndexOf('SUMMARY')) };
  }

  it('finds no failure in any phase with every check', async () => {
    const { tenantId } = await buildTenant(stack.db, 'Contract tenant');
    // A JWT, not an API key: the fuzzer may revoke any key it finds, but it cannot revoke this.
    const token = await new SignJWT({ tenant: tenantId, role: 'admin', sub: 'contract-fuzzer' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(new TextEncoder().encode(JWT_SECRET));
    const data = await seedContractData(stack.server, token, receiver.url, stack.db, tenantId);
    const rules = unexpressedRules((await stack.server.request('/api/v1/openapi.json')).body);
    // Examples, coverage and fuzzing on the seeded records; then stateful chains on records they create.
    const single = await fuzz('operations', writeConfig(path.join(work, 'operations.toml'), data, rules), 'examples,coverage,fuzzing', token);
    // Fresh Idempotency-Keys per create there (statefulHooks.py): a chain must not replay an earlier create.
    const stateful = await fuzz(
      'stateful',
      writeConfig(path.join(work, 'stateful.toml'), null, rules),
      'stateful',
      token,
      path.resolve(__dirname, 'statefulHooks.py'),
    );
    // Clean: exit code 0 and every generated case passed (warnings, such as operations only a
    // customer-role key may call, are reported but are not failures).
    const verdict = (run: { code: number; summary: string }) => ({
      code: run.code,
      allPassed: /(\d+) generated, \1 passed/.test(run.summary),
      failures: /Failures:/.test(run.summary),
    });
    const clean = { code: 0, allPassed: true, failures: false };
    expect({ single: verdict(single), stateful: verdict(stateful) }).toEqual({ single: clean, stateful: clean });
  }, 1_500_000);
});
