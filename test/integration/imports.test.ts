import { buildCustomer, buildTenant } from '../support/factories';
import { useImportStack } from '../support/importStack';
import { until, waitFor } from '../support/until';

/**
 * Bulk imports through the real API, the real worker (in this process, on the file's task
 * queue), Postgres and Temporal: every upload form, options, row errors, dedupe, cancellation,
 * seed 001's synchronous bulk import, and tenant scoping of every import endpoint.
 */

describe('bulk imports', () => {
  const stack = useImportStack();

  const customersOf = (tenantId: string) => stack.db('customers').where({ tenant_id: tenantId }).orderBy('email');

  it('imports a CSV with header aliases, reports every bad row with its number and reason, and stores customers as the API would', async () => {
    const t = await buildTenant(stack.db);
    const csv = [
      'First Name,Last Name,E-mail,Mobile,Tags,Customer Type,City,Favourite colour',
      'Ada,Lovelace,ADA@Example.com,(212) 555-0101,vip;early,VIP,London,green',
      'Grace,Hopper,not-an-email,(212) 555-0102,,regular,,blue',
      'Alan,Turing,alan@example.com,12,,,Wilmslow,',
      'Edsger,Dijkstra,edsger@example.com,,,platinum,,',
      'Barbara,Liskov,barbara@example.com,+1 (212) 555.0105,"a,b",,,red',
      'Too,Few,fields',
      'Mara,Pech,mara@example.com,+52 999 123 4567,,,Mérida,',
      'Nul,Byte,nul@example.com,,,,Lo\u0000ndon,',
    ].join('\n');
    const res = await stack.upload(t, csv, 'text/csv', '?fileName=people.csv');
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ status: 'queued', format: 'csv', fileName: 'people.csv', progress: { total: 8 } });
    const done = await stack.settled(t, res.body.data.id);
    expect(done.status).toBe('completed');
    expect(done.progress).toMatchObject({ total: 8, processed: 8, imported: 3, updated: 0, duplicates: 0, failed: 5 });
    expect(done.progress.percent).toBe(100);

    const errors = await stack.server.request(`/api/v1/imports/${done.id}/errors`, { key: t.adminKey });
    expect(errors.body.data).toEqual([
      { row: 2, field: 'email', message: 'must be a valid email address' },
      { row: 3, field: 'phone', message: expect.stringContaining('must be a phone number of 4 to 32 characters') },
      { row: 4, field: 'tier', message: expect.stringMatching(/option|expected/i) },
      { row: 6, field: null, message: 'has 3 fields; the header has 8' },
      { row: 8, field: 'city', message: 'must not contain the NUL character (U+0000)' },
    ]);
    expect(errors.body.pagination).toMatchObject({ total: 5, page: 1 });

    const rows = await customersOf(t.tenantId);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.email === 'mara@example.com')).toMatchObject({ phone: '+529991234567', address_city: 'Mérida' });
    const ada = rows.find((r) => r.email === 'ada@example.com')!;
    expect(ada).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      full_name: 'Ada Lovelace',
      phone: '+12125550101',
      tags: ['vip', 'early'],
      tier: 'vip',
      address_city: 'London',
      source: 'import',
      custom_fields: { 'Favourite colour': 'green' },
    });
    // The same person created through the API has the same stored values.
    const viaApi = await stack.server.request('/api/v1/customers', {
      method: 'POST',
      key: t.adminKey,
      body: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ADA2@Example.com',
        phone: '(212) 555-0199',
        tags: ['vip', 'early'],
        customerType: 'VIP',
        address: { city: 'London' },
        source: 'import',
        customFields: { 'Favourite colour': 'green' },
      },
    });
    expect(viaApi.status).toBe(201);
    const apiRow = await stack.db('customers').where({ id: viaApi.body.data.id }).first();
    for (const col of [
      'first_name',
      'last_name',
      'full_name',
      'tags',
      'tier',
      'address_city',
      'source',
      'custom_fields',
      'status',
      'consent_email',
      'consent_sms',
    ])
      expect(apiRow[col]).toEqual(ada[col]);
    expect(rows.find((r) => r.email === 'barbara@example.com')).toMatchObject({
      phone: '+12125550105',
      tags: ['a', 'b'],
      custom_fields: { 'Favourite colour': 'red' },
    });

    const csvErrors = await fetch(`${stack.server.url}/api/v1/imports/${done.id}/errors?format=csv`, { headers: { Authorization: `Bearer ${t.adminKey}` } });
    expect(csvErrors.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csvErrors.text()).trim().split('\n');
    expect(lines[0]).toBe('row,field,message');
    expect(lines).toHaveLength(6);
    expect(lines[4]).toBe('6,,has 3 fields; the header has 8');

    const completed = await stack.db('events').where({ tenant_id: t.tenantId, type: 'import.completed', subject_id: done.id });
    expect(completed).toHaveLength(1);
    expect(completed[0].payload.data.counts).toMatchObject({ imported: 3, failed: 5, total: 8 });
    // Per-customer events are opt-in.
    expect(await stack.db('events').where({ tenant_id: t.tenantId, type: 'customer.created' }).count().first()).toMatchObject({ count: 1 });
    // The working tables are emptied once the import ends.
    expect(await stack.db('import_rows').where({ import_id: done.id }).count().first()).toMatchObject({ count: 0 });
    expect(await stack.db('import_keys').where({ import_id: done.id }).count().first()).toMatchObject({ count: 0 });
  });

  it('dedupes inside the file (first occurrence wins) and against existing customers, per duplicate mode', async () => {
    const t = await buildTenant(stack.db);
    const existing = await buildCustomer(stack.db, t.tenantId, {
      email: 'old@example.com',
      first_name: 'Old',
      last_name: 'Name',
      full_name: 'Old Name',
      tags: ['keep'],
    });
    const ndjson = [
      { email: 'new@example.com', firstName: 'First' },
      { email: 'NEW@example.com', firstName: 'Second' },
      { email: 'old@example.com', lastName: 'Renamed', tags: ['fresh'] },
      { phoneNumber: 529991111111, name: 'Phone Person' },
      { contactNumber: '+52 9991111111', name: 'Same Phone' },
      'not an object',
    ]
      .map((r) => JSON.stringify(r))
      .join('\n')
      .concat('\n{broken json\n');

    const skip = await stack.upload(t, ndjson, 'application/x-ndjson', '?dedupeKeys=email,phone');
    expect(skip.status).toBe(202);
    const skipped = await stack.settled(t, skip.body.data.id);
    expect(skipped.progress).toMatchObject({ total: 7, imported: 2, updated: 0, duplicates: 3, duplicatesInFile: 2, duplicatesExisting: 1, failed: 2 });
    expect((await stack.db('customers').where({ id: existing }).first()).last_name).toBe('Name');
    expect((await stack.db('customers').where({ tenant_id: t.tenantId, email: 'new@example.com' }).first()).first_name).toBe('First');
    expect((await stack.db('customers').where({ tenant_id: t.tenantId, phone: '+529991111111' }).first()).full_name).toBe('Phone Person');

    const upsert = await stack.upload(t, ndjson, 'application/x-ndjson', '?dedupeKeys=email,phone&duplicateMode=upsert');
    const upserted = await stack.settled(t, upsert.body.data.id);
    expect(upserted.progress).toMatchObject({ imported: 0, updated: 3, duplicatesInFile: 2, duplicatesExisting: 0, failed: 2 });
    const old = await stack.db('customers').where({ id: existing }).first();
    expect(old).toMatchObject({ first_name: 'Old', last_name: 'Renamed', full_name: 'Old Renamed', tags: ['fresh'] });

    const onlyUpdate = await stack.upload(
      t,
      JSON.stringify([
        { email: 'nobody@example.com', name: 'No Body' },
        { email: 'old@example.com', firstName: 'Very' },
      ]),
      'application/json',
      '?duplicateMode=update',
    );
    const updatedOnly = await stack.settled(t, onlyUpdate.body.data.id);
    expect(updatedOnly.progress).toMatchObject({ imported: 0, updated: 1, failed: 1 });
    expect((await stack.db('customers').where({ id: existing }).first()).full_name).toBe('Very Renamed');
    expect(await stack.db('customers').where({ tenant_id: t.tenantId, email: 'nobody@example.com' })).toHaveLength(0);
  });

  it('dry run validates and counts but writes no customer; customer.created events when asked for', async () => {
    const t = await buildTenant(stack.db);
    const csv = 'email,name\na@example.com,Aa Person\nb@example.com,Bb Person\nbad,Cc Person\n';
    const dry = await stack.settled(t, (await stack.upload(t, csv, 'text/csv', '?dryRun=true')).body.data.id);
    expect(dry.progress).toMatchObject({ imported: 2, failed: 1 });
    expect(dry.options.dryRun).toBe(true);
    expect(await customersOf(t.tenantId)).toHaveLength(0);

    const real = await stack.settled(t, (await stack.upload(t, csv, 'text/csv', '?emitCustomerEvents=true')).body.data.id);
    expect(real.progress).toMatchObject({ imported: 2, failed: 1 });
    const events = await stack.db('events').where({ tenant_id: t.tenantId, type: 'customer.created' });
    expect(events.map((e) => e.payload.data.customer.email).sort()).toEqual(['a@example.com', 'b@example.com']);
  });

  it('accepts a multipart CSV file with options as form fields, and the seed 003 path', async () => {
    const t = await buildTenant(stack.db);
    const form = new FormData();
    form.append('mapping', JSON.stringify({ Correo: 'email', Nombre: 'fullName' }));
    form.append('file', new Blob(['Correo,Nombre\nuno@example.com,Uno Persona\n'], { type: 'text/csv' }), 'clientes.csv');
    const res = await fetch(`${stack.server.url}/api/v1/customers/import`, { method: 'POST', headers: { Authorization: `Bearer ${t.adminKey}` }, body: form });
    expect(res.status).toBe(202);
    const body = (await res.json()) as any;
    expect(body.data.fileName).toBe('clientes.csv');
    const done = await stack.settled(t, body.data.id);
    expect(done.progress).toMatchObject({ imported: 1, failed: 0 });
    expect(await customersOf(t.tenantId)).toEqual([expect.objectContaining({ email: 'uno@example.com', first_name: 'Uno', last_name: 'Persona' })]);
  });

  it("answers seed 001's synchronous bulk import with counts and per-row details", async () => {
    const t = await buildTenant(stack.db);
    await buildCustomer(stack.db, t.tenantId, { email: 'customer2@example.com' });
    const res = await stack.server.request('/api/v1/customers/bulk/import', {
      method: 'POST',
      key: t.adminKey,
      body: {
        customers: [
          { phoneNumber: '529991111111', firstName: 'Customer1', email: 'customer1@example.com' },
          { phoneNumber: '529992222222', firstName: 'Customer2', email: 'customer2@example.com' },
          { phoneNumber: '12', firstName: 'Customer3' },
          { phoneNumber: '529991111111', firstName: 'Again' },
          { phoneNumber: '+52 (999) 333-4444', firstName: 'Customer5', alternativePhones: '+52 999 333 4445; 212.555.0100' },
          { phoneNumber: '+52 999 333', firstName: 'Customer6' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual({ imported: 2, updated: 0, duplicates: 2, failed: 2 });
    expect(res.body.details.success).toEqual([
      expect.objectContaining({ row: 1, outcome: 'imported', customerId: expect.any(String) }),
      expect.objectContaining({ row: 5, outcome: 'imported' }),
    ]);
    expect(res.body.details.duplicates).toEqual([
      expect.objectContaining({ row: 2, outcome: 'duplicate_existing' }),
      { row: 4, outcome: 'duplicate_in_file', firstRow: 1 },
    ]);
    expect(res.body.details.failed).toEqual([
      { row: 3, outcome: 'failed', errors: [{ row: 3, field: 'phone', message: expect.stringContaining('must be a phone number of 4 to 32 characters') }] },
      { row: 6, outcome: 'failed', errors: [{ row: 6, field: 'phone', message: expect.stringContaining('is not a valid phone number') }] },
    ]);
    expect(await stack.db('customers').where({ tenant_id: t.tenantId, first_name: 'Customer5' }).first()).toMatchObject({
      phone: '+529993334444',
      alternative_phones: ['+529993334445', '+12125550100'],
    });
    const imp = await stack.server.request(`/api/v1/imports/${res.body.importId}`, { key: t.adminKey });
    expect(imp.body.data).toMatchObject({ status: 'completed', progress: { imported: 2, duplicates: 2, failed: 2 } });

    const tooMany = await stack.server.request('/api/v1/customers/bulk/import', {
      method: 'POST',
      key: t.adminKey,
      body: { customers: Array.from({ length: 1001 }, (_, i) => ({ email: `x${i}@example.com` })) },
    });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.message).toMatch(/POST \/api\/v1\/imports/);

    // A mapping to a field Herald does not have is refused where it was sent: the body's options here, the query on uploads.
    const badMapping = await stack.server.request('/api/v1/customers/bulk/import', {
      method: 'POST',
      key: t.adminKey,
      body: { customers: [{ mail: 'm@example.com' }], options: { mapping: { mail: 'nope' } } },
    });
    expect(badMapping.status).toBe(422);
    expect(badMapping.body.error.details).toEqual([{ location: 'body', path: 'options.mapping', message: expect.stringContaining('nope') }]);
    const badUpload = await stack.server.request(`/api/v1/imports?mapping=${encodeURIComponent(JSON.stringify({ mail: 'nope' }))}`, {
      method: 'POST',
      key: t.adminKey,
      body: 'mail\nm@example.com\n',
      headers: { 'Content-Type': 'text/csv' },
    });
    expect(badUpload.status).toBe(422);
    expect(badUpload.body.error.details).toEqual([{ location: 'query', path: 'mapping', message: expect.stringContaining('nope') }]);
  });

  it('fails NDJSON rows holding NUL, lone surrogates or numbers beyond double precision by name, never the import', async () => {
    const t = await buildTenant(stack.db);
    const ndjson = [
      '{"email":"ok@example.com","phone":"+52 999 123 4567"}',
      '{"email":"raw@example.com","name":"A\u0000B"}',
      '{"email":"escaped@example.com","city":"x\\u0000"}',
      '{"email":"surrogate@example.com","name":"\\ud800"}',
      '{"email":"huge@example.com","notes":"n","Lucky number":1e400}',
      '{"email":"split@example.com","name":"Zoë ☕ 😀"}',
    ].join('\n');
    const res = await stack.upload(t, ndjson, 'application/x-ndjson');
    expect(res.status).toBe(202);
    const done = await stack.settled(t, res.body.data.id);
    expect(done).toMatchObject({ status: 'completed', progress: { imported: 2, failed: 4 } });
    const errors = (await stack.server.request(`/api/v1/imports/${done.id}/errors`, { key: t.adminKey })).body.data;
    expect(errors).toEqual([
      { row: 2, field: 'fullName', message: expect.stringContaining('NUL') },
      { row: 3, field: 'city', message: expect.stringContaining('NUL') },
      { row: 4, field: 'fullName', message: expect.stringContaining('surrogate') },
      { row: 5, field: 'customFields.Lucky number', message: expect.stringContaining('finite') },
    ]);
    expect((await customersOf(t.tenantId)).map((c) => [c.email, c.phone, c.full_name])).toEqual([
      ['ok@example.com', '+529991234567', null],
      ['split@example.com', null, 'Zoë ☕ 😀'],
    ]);
  });

  it('refuses bad uploads with clear 4xx errors and creates nothing', async () => {
    const t = await buildTenant(stack.db);
    const before = await stack.db('imports').where({ tenant_id: t.tenantId }).count().first();
    expect((await stack.upload(t, 'a,b', 'text/plain')).status).toBe(415);
    expect((await stack.upload(t, '', 'text/csv')).status).toBe(400);
    const badOption = await stack.upload(t, 'email\na@example.com\n', 'text/csv', '?duplicateMode=merge');
    expect(badOption.status).toBe(400);
    expect(badOption.body.error.details[0]).toMatchObject({ path: 'duplicateMode' });
    const badMapping = await stack.upload(t, 'email\na@example.com\n', 'text/csv', `?mapping=${encodeURIComponent(JSON.stringify({ email: 'emial' }))}`);
    expect(badMapping.status).toBe(422);
    const nulHeader = await stack.upload(t, 'email,na\u0000me\na@example.com,A\n', 'text/csv');
    expect(nulHeader).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', details: [{ path: 'header.1', message: expect.stringContaining('NUL') }] } },
    });
    const nulRows = await stack.upload(t, '[{"email":"a@example.com","name":"A\\u0000"}]', 'application/json');
    expect(nulRows).toMatchObject({ status: 422, body: { error: { details: [{ location: 'body', path: '0.name' }] } } });
    const latin1 = await fetch(`${stack.server.url}/api/v1/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.adminKey}`, 'Content-Type': 'text/csv' },
      body: Buffer.from('email,name\njose@example.com,Jos\xe9\n', 'latin1'),
    });
    expect(latin1.status).toBe(400);
    expect(((await latin1.json()) as { error: { message: string } }).error.message).toMatch(/not UTF-8 .*byte 0/);
    const brokenQuote = await stack.upload(t, 'email,name\n"a@example.com,Broken\n', 'text/csv');
    expect(brokenQuote.status).toBe(400);
    expect(brokenQuote.body.error.message).toMatch(/CSV could not be read/);
    const bigJson = await stack.upload(
      t,
      JSON.stringify({
        customers: Array.from({ length: 20000 }, (_, i) => ({ email: `person${i}@example.com`, name: 'A rather long name to fill the body' })),
      }),
      'application/json',
    );
    expect(bigJson.status).toBe(413);
    expect(bigJson.body.error.message).toMatch(/CSV .* or NDJSON/);
    expect(await stack.db('imports').where({ tenant_id: t.tenantId }).count().first()).toEqual(before);
    expect(await customersOf(t.tenantId)).toHaveLength(0);
    const readonly = await stack.server.request('/api/v1/api-keys', { method: 'POST', key: t.adminKey, body: { name: 'ro', role: 'readonly' } });
    expect((await stack.upload({ ...t, adminKey: readonly.body.data.key }, 'email\na@example.com\n', 'text/csv')).status).toBe(403);
  });

  it('lists, cancels and scopes imports to their tenant', async () => {
    const a = await buildTenant(stack.db);
    const b = await buildTenant(stack.db);
    const first = await stack.upload(a, 'email\none@example.com\n', 'text/csv');
    await stack.settled(a, first.body.data.id);
    const list = await stack.server.request('/api/v1/imports?limit=10', { key: a.adminKey });
    expect(list.body.data.map((i: { id: string }) => i.id)).toEqual([first.body.data.id]);
    expect((await stack.server.request('/api/v1/imports', { key: b.adminKey })).body.data).toEqual([]);
    expect((await stack.server.request(`/api/v1/imports/${first.body.data.id}`, { key: b.adminKey })).status).toBe(404);
    expect((await stack.server.request(`/api/v1/imports/${first.body.data.id}/errors`, { key: b.adminKey })).status).toBe(404);
    expect((await stack.server.request(`/api/v1/imports/${first.body.data.id}/cancel`, { method: 'POST', key: b.adminKey })).status).toBe(404);
    const again = await stack.server.request(`/api/v1/imports/${first.body.data.id}/cancel`, { method: 'POST', key: a.adminKey });
    expect(again.status).toBe(409);

    // A cancelled import stops before its next chunk: fewer rows than uploaded are processed.
    await stack.stopWorker();
    const lines = ['email', ...Array.from({ length: 30 }, (_, i) => `c${i}@example.com`)].join('\n');
    const queued = await stack.upload(a, lines, 'text/csv');
    const cancelled = await stack.server.request(`/api/v1/imports/${queued.body.data.id}/cancel`, { method: 'POST', key: a.adminKey });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('cancelled');
    await stack.startWorker();
    const rowsLeft = async () => Number((await stack.db('import_rows').where({ import_id: queued.body.data.id }).count({ n: '*' }).first())!.n);
    await until(rowsLeft, (n) => n === 0, { timeoutMs: 30_000, everyMs: 200, label: "the cancelled import's workflow to end and empty its working rows" });
    const final = (await stack.server.request(`/api/v1/imports/${queued.body.data.id}`, { key: a.adminKey })).body.data;
    expect(final).toMatchObject({ status: 'cancelled', progress: { processed: 0, imported: 0 } });
    expect(await stack.db('customers').where({ tenant_id: a.tenantId }).whereLike('email', 'c%@example.com')).toHaveLength(0);
  });

  it('fails the import with import.failed, without retrying, when its staged rows are lost', async () => {
    const t = await buildTenant(stack.db);
    await stack.stopWorker();
    const queued = await stack.upload(t, 'email\nlost1@example.com\nlost2@example.com\n', 'text/csv');
    expect(queued.status).toBe(202);
    // What a Postgres crash does to the UNLOGGED staging table.
    await stack.db('import_rows').where({ import_id: queued.body.data.id }).delete();
    await stack.startWorker();
    const done = await stack.settled(t, queued.body.data.id, 30000);
    expect(done).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/no longer staged.*upload the file again/),
      progress: { processed: 0, imported: 0 },
    });
    const failed = await stack.db('events').where({ tenant_id: t.tenantId, type: 'import.failed', subject_id: done.id });
    expect(failed).toHaveLength(1);
    expect(failed[0].payload.data).toMatchObject({ importId: done.id, error: done.error, counts: { total: 2, processed: 0 } });
    expect(await customersOf(t.tenantId)).toHaveLength(0);
  });

  it("puts imported customers into the tenant's segments (a refresh starts when the import completes)", async () => {
    const t = await buildTenant(stack.db);
    const created = await stack.server.request('/api/v1/segments', {
      method: 'POST',
      key: t.adminKey,
      body: { name: 'VIPs', rules: { all: [{ fact: 'tags', operator: 'hasAny', value: ['vip'] }] } },
    });
    expect(created.status).toBe(201);
    const segmentId = created.body.data.id as string;
    const members = async () => Number((await stack.db('segment_memberships').where({ segment_id: segmentId }).whereNull('exited_at').count().first())!.count);
    await waitFor(async () => (await stack.db('segments').where({ id: segmentId }).first()).refreshed_at, 30_000, 200, "the segment's first refresh");
    const done = await stack.settled(
      t,
      (await stack.upload(t, 'email,tags\nv1@example.com,vip\nv2@example.com,vip;gold\nn1@example.com,gold\n', 'text/csv')).body.data.id,
    );
    expect(done.progress.imported).toBe(3);
    await until(members, (n) => n === 2, { timeoutMs: 30_000, everyMs: 200, label: 'the segment to have exactly two members' });
    const inSegment = await stack
      .db('segment_memberships')
      .join('customers', 'customers.id', 'segment_memberships.customer_id')
      .where({ segment_id: segmentId })
      .pluck('customers.email');
    expect(inSegment.sort()).toEqual(['v1@example.com', 'v2@example.com']);
  });
});
