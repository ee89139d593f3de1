import { compileRuleToSql } from '../../rules/compile';
import { parseRules } from '../../rules/parse';

/**
 * The SQL compiler's shape: one parenthesised predicate, every value a binding (custom field keys
 * too), NULL guards on nullable fields, the injected clock bound (never now()). That the
 * predicates mean what the JavaScript evaluator means is the integration property test's job.
 */

const NOW = new Date('2026-03-15T12:00:00.000Z');
const compile = (input: unknown, alias?: string) => compileRuleToSql(parseRules(input), { now: NOW, ...(alias ? { alias } : {}) });

describe('compileRuleToSql', () => {
  it('binds every value and qualifies columns with the alias', () => {
    const { sql, bindings } = compile(
      {
        all: [
          { fact: 'totalSpent', operator: 'greaterThan', value: 500 },
          { fact: 'status', operator: 'in', value: ['active', 'inactive'] },
        ],
      },
      'c',
    );
    expect(sql).toBe('(((c.total_spent > CAST(? AS numeric)) AND (c.status IN (?, ?))))');
    expect(bindings).toEqual([500, 'active', 'inactive']);
    expect(compile({ fact: 'tier', operator: 'equal', value: 'vip' }).sql).toBe('((customers.tier = ?))');
  });

  it('never puts a value in the SQL text, however hostile', () => {
    const evil = "x'); DROP TABLE customers; --";
    const { sql, bindings } = compile({
      any: [
        { fact: 'firstName', operator: 'equal', value: evil },
        { fact: 'firstName', operator: 'contains', value: evil },
        { fact: 'customFields', path: '$.a-b.c', operator: 'startsWith', value: evil },
        { fact: 'tags', operator: 'hasAll', value: [evil, '?'] },
      ],
    });
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('a-b.c');
    expect(sql.split('?').length - 1).toBe(bindings.length);
    expect(bindings).toContain('a-b.c');
    expect(bindings).toContain(evil);
  });

  it('guards nullable fields so that no condition is NULL', () => {
    expect(compile({ fact: 'address.city', operator: 'equal', value: 'Paris' }).sql).toBe(
      '(((customers.address_city = ?) AND customers.address_city IS NOT NULL))',
    );
    expect(compile({ fact: 'address.city', operator: 'notEqual', value: 'Paris' }).sql).toBe(
      '((customers.address_city IS NULL OR NOT (customers.address_city = ?)))',
    );
    expect(compile({ fact: 'totalOrders', operator: 'notEqual', value: 1 }).sql).toBe('((NOT (customers.total_orders = CAST(? AS numeric))))');
    expect(compile({ fact: 'email', operator: 'isEmpty', value: null }).sql).toBe("((customers.email IS NULL OR customers.email = ''))");
    expect(compile({ not: { fact: 'email', operator: 'exists', value: null } }).sql).toBe("((NOT (customers.email IS NOT NULL AND customers.email <> '')))");
  });

  it('folds ASCII case with lower() under the C collation and binds the folded pattern', () => {
    const { sql, bindings } = compile({ fact: 'lastName', operator: 'endsWith', value: 'SÖN' });
    expect(sql).toContain('right(lower((customers.last_name) COLLATE "C"), CAST(? AS integer)) = ?');
    expect(bindings).toEqual([3, 'sÖn']);
  });

  it('binds instants from the injected clock, at millisecond precision', () => {
    const within = compile({ fact: 'lastOrderAt', operator: 'withinLastDays', value: 30 });
    expect(within.sql).not.toMatch(/now\(\)|current_timestamp/i);
    expect(within.bindings).toEqual(['2026-02-13T12:00:00.000Z', '2026-03-15T12:00:00.001Z']);
    expect(compile({ fact: 'createdAt', operator: 'after', value: '2026-01-01' }).bindings).toEqual(['2026-01-01T00:00:00.001Z']);
    expect(compile({ fact: 'createdAt', operator: 'before', value: '2026-01-01' }).bindings).toEqual(['2026-01-01T00:00:00.000Z']);
  });

  it('uses array operators for tags', () => {
    expect(compile({ fact: 'tags', operator: 'hasAny', value: ['a', 'b'] }).sql).toBe('((customers.tags && ARRAY[?, ?]::text[]))');
    expect(compile({ fact: 'tags', operator: 'hasNone', value: ['a'] }).sql).toBe('((NOT (customers.tags && ARRAY[?]::text[])))');
    expect(compile({ fact: 'tags', operator: 'isEmpty', value: null }).sql).toBe('((cardinality(customers.tags) = 0))');
  });

  it('rejects an alias that is not a plain identifier', () => {
    expect(() => compile({ fact: 'tier', operator: 'equal', value: 'vip' }, 'c; DROP TABLE x')).toThrow(/Invalid SQL alias/);
  });
});
