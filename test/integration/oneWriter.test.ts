import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { LIBRARY_TABLES, TABLE_OWNERS } from '../../domain/ownership';
import { testDb } from '../support/factories';
import { DYNAMIC, sourceFiles, tableWritesIn, type TableWrite } from '../support/tableWrites';

/**
 * One writer per table: every INSERT, UPDATE, DELETE or COPY FROM in Herald's sources is made by
 * the domain folder that owns the table (domain/ownership.ts), and every table of the migrated
 * schema has an owner. The analyser is checked on snippets first, so a blind spot fails here.
 */
const ROOT = path.resolve(__dirname, '../..');
const RUNTIME_FOLDERS = ['api', 'activities', 'bin', 'channels', 'db', 'domain', 'lib', 'rules', 'scripts', 'temporal', 'workflows'];
const KNOWN = new Set(Object.keys(TABLE_OWNERS));

/** The domain folder a source file belongs to, or null outside domain/<concept>/. */
const folderOf = (file: string): string | null => /^domain\/([^/]+)\//.exec(file)?.[1] ?? null;

describe('the analyser finds table writes', () => {
  const find = (code: string) => tableWritesIn('domain/x/y.ts', code, KNOWN).map((w) => `${w.table}:${w.how}`);

  it('in knex chains, through constants and into()', () => {
    expect(
      find(`const T = 'customers';
      async function f(db: any, trx: any, deps: any) {
        await db('orders').where({ id: 1 }).update({ a: 1 });
        await trx(T).insert({});
        await deps.db.into('segments').insert({});
        await (await trx('campaigns').where('x', 1)).del();
        await db('webhook_endpoints').increment('n', 1);
        await db('customers as c').where({}).delete();
      }`),
    ).toEqual(['orders:update', 'customers:insert', 'segments:insert', 'campaigns:del', 'webhook_endpoints:increment', 'customers:delete']);
  });

  it('in raw SQL, and not in reads, hashes, sets or prose', () => {
    expect(
      find(`async function f(db: any, id: string) {
        await db.raw('UPDATE customers SET a = 1');
        await db.raw(\`WITH x AS (DELETE FROM import_rows WHERE id = \${id} RETURNING 1) INSERT INTO events (a) SELECT 1\`);
        await db.raw('COPY import_rows (a, b) FROM STDIN');
        await db.raw('COPY (SELECT * FROM customers) TO STDOUT');
        await db('customers').where({ id }).first();
        createHmac('sha256', 'k').update('customers');
        new Set(['orders']).delete('orders');
        throw new Error('update failed');
      }`),
    ).toEqual(['customers:UPDATE', 'import_rows:DELETE FROM', 'events:INSERT INTO', 'import_rows:COPY']);
  });

  it('and reports a write whose table is chosen at run time', () => {
    expect(find(`async function f(db: any, table: string) { await db(table).insert({}); }`)).toEqual([`${DYNAMIC}:insert`]);
  });
});

describe('one writer per table', () => {
  let db: Knex;
  beforeAll(() => {
    db = testDb();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('every table of the migrated schema has exactly one owner, and the map names no missing table', async () => {
    // Tables and partitioned tables, not their partitions (the parent's owner writes through it).
    const tables = (
      await db.raw(
        `SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
      )
    ).rows.map((r: { relname: string }) => r.relname) as string[];
    const listed = [...Object.keys(TABLE_OWNERS), ...Object.keys(LIBRARY_TABLES)];
    expect(tables.filter((t) => !listed.includes(t)).sort()).toEqual([]);
    expect(listed.filter((t) => !tables.includes(t)).sort()).toEqual([]);
    expect(Object.keys(TABLE_OWNERS).filter((t) => t in LIBRARY_TABLES)).toEqual([]);
  });

  it('every owner is a domain folder', () => {
    const folders = new Set(
      fs
        .readdirSync(path.join(ROOT, 'domain'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name),
    );
    expect([...new Set(Object.values(TABLE_OWNERS))].filter((o) => !folders.has(o))).toEqual([]);
  });

  it('no module writes a table its domain folder does not own', () => {
    const all = new Set([...KNOWN, ...Object.keys(LIBRARY_TABLES)]);
    const writes: TableWrite[] = sourceFiles(ROOT, RUNTIME_FOLDERS).flatMap((file) => tableWritesIn(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), all));
    expect(writes.length).toBeGreaterThan(50);
    const foreign = writes.filter((w) => folderOf(w.file) !== TABLE_OWNERS[w.table]);
    expect(
      foreign.map(
        (w) =>
          `${w.file}:${w.line} writes ${w.table} (${w.how}); its owner is ${TABLE_OWNERS[w.table] ? `domain/${TABLE_OWNERS[w.table]}` : LIBRARY_TABLES[w.table]}`,
      ),
    ).toEqual([]);
  });

  it("docs/architecture.md's ownership map is this one", () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    const documented: Record<string, string> = {};
    for (const m of doc.matchAll(/^\| `domain\/([a-zA-Z]+)` \| (.+) \|$/gm)) {
      for (const t of m[2]!.matchAll(/`([a-z_]+)`/g)) documented[t[1]!] = m[1]!;
    }
    expect(documented).toEqual(TABLE_OWNERS);
  });
});
