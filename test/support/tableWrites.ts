import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One statement that writes a table, found in a source file. */
export interface TableWrite {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  table: string;
  /** How it was written: a knex builder method (`insert`, `update`…) or raw SQL (`INSERT INTO`…). */
  how: string;
}

/** knex builder methods that change rows. */
const WRITE_METHODS = new Set(['insert', 'update', 'del', 'delete', 'increment', 'decrement', 'upsert', 'truncate']);
/** Builder methods that name the table further down a chain (`knex.into('t').insert(…)`). */
const TABLE_METHODS = new Set(['table', 'into', 'from']);
/** Raw SQL that changes rows, with the table it names. */
const SQL_WRITE = /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE(?:\s+TABLE)?|COPY)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** What a knex instance or transaction is called in Herald's code (`db`, `trx`, `deps.db`…). */
const DB_NAMES = /(^|\.)(db|trx|tx|knex|exportDb)$/;
/** The table of a write whose table name is not a literal or a constant: always reported. */
export const DYNAMIC = '(table chosen at run time)';

const stringOf = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** The texts of a string or template literal (template parts joined by a placeholder). */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ${} ');
  return undefined;
}

/** Top-level `const NAME = 'literal'` declarations, so `db(TABLE).insert(…)` resolves. */
function constantStrings(source: ts.SourceFile): Map<string, string> {
  const constants = new Map<string, string>();
  for (const statement of source.statements) {
    const list = ts.isVariableStatement(statement) ? statement.declarationList : undefined;
    if (!list || !(list.flags & ts.NodeFlags.Const)) continue;
    for (const d of list.declarations) {
      const value = stringOf(d.initializer);
      if (ts.isIdentifier(d.name) && value !== undefined) constants.set(d.name.text, value);
    }
  }
  return constants;
}

/** The table a knex chain ending in a write method starts from, or undefined when it is not a knex chain. */
function tableOfChain(call: ts.PropertyAccessExpression, constants: Map<string, string>): string | undefined {
  const argTable = (arg: ts.Expression | undefined) => stringOf(arg) ?? (arg && ts.isIdentifier(arg) ? constants.get(arg.text) : undefined);
  let node: ts.Expression = call.expression;
  for (;;) {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && TABLE_METHODS.has(callee.name.text)) {
        const table = argTable(node.arguments[0]);
        if (table !== undefined) return table.split(/\s+/)[0];
      }
      const isChainStep = ts.isPropertyAccessExpression(callee) && (ts.isCallExpression(callee.expression) || ts.isPropertyAccessExpression(callee.expression));
      if (!isChainStep || !ts.isPropertyAccessExpression(callee)) {
        const table = argTable(node.arguments[0]);
        if (table === undefined && node.arguments.length > 0 && DB_NAMES.test(callee.getText())) return DYNAMIC;
        return table?.split(/\s+/)[0];
      }
      node = callee.expression;
    } else if (ts.isPropertyAccessExpression(node) || ts.isAwaitExpression(node) || ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) {
      node = node.expression;
    } else {
      return undefined;
    }
  }
}

/**
 * Every write of a known table in one source text: knex chains (`db('t').where(…).update(…)`,
 * `trx.into('t').insert(…)`) and raw SQL in string or template literals (`INSERT INTO t`,
 * `UPDATE t`, `DELETE FROM t`, `COPY t FROM`). Names that are not tables (a hash's `update`,
 * a Set's `delete`, English in messages) are ignored because only `tables` count. A knex write
 * whose table is an expression (`db(name).insert(…)`) is reported as DYNAMIC: its writer cannot be
 * checked, so it is never allowed.
 */
export function tableWritesIn(file: string, text: string, tables: ReadonlySet<string>): TableWrite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const constants = constantStrings(source);
  const writes: TableWrite[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && WRITE_METHODS.has(node.expression.name.text)) {
      const table = tableOfChain(node.expression, constants);
      if (table && (tables.has(table) || table === DYNAMIC)) writes.push({ file, line: lineOf(node), table, how: node.expression.name.text });
    }
    const sql = literalText(node);
    if (sql !== undefined) {
      for (const m of sql.matchAll(SQL_WRITE)) {
        const table = m[2]!.toLowerCase();
        const copyOut = /^COPY$/i.test(m[1]!) && !/^COPY\s+\S+\s*(\([^)]*\))?\s*FROM\b/i.test(sql.slice(m.index));
        if (tables.has(table) && !copyOut) {
          writes.push({ file, line: lineOf(node), table, how: m[1]!.toUpperCase().replace(/\s+/g, ' ') });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return writes;
}

/** Every `.ts` file under the given folders of `root`, relative and with forward slashes. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const folder of folders) if (fs.existsSync(path.join(root, folder))) walk(folder);
  return out.sort();
}
