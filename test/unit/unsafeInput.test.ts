import { jsonDepthExceeds, unsafeInputIssues } from '../../lib/unsafeInput';

/** The checks every request goes through before its schemas: what PostgreSQL cannot store, and nesting. */
describe('unsafeInputIssues', () => {
  it('names every string with NUL or a lone surrogate, keys included, with dotted paths', () => {
    const value = { ok: 'fine ☕ 😀', name: 'a\0b', list: ['x', '\uD800'], nested: { ['k\0']: 'v', low: '\uDC00x' } };
    expect(unsafeInputIssues(value, 'body')).toEqual([
      { location: 'body', path: 'name', message: 'must not contain the NUL character (U+0000)' },
      { location: 'body', path: 'list.1', message: expect.stringContaining('lone UTF-16 surrogate') },
      { location: 'body', path: 'nested.k\\u0000', message: 'the field name must not contain the NUL character (U+0000)' },
      { location: 'body', path: 'nested.low', message: expect.stringContaining('lone UTF-16 surrogate') },
    ]);
  });

  it('names numbers that are not finite, and accepts every well-formed value', () => {
    expect(unsafeInputIssues({ a: [1, JSON.parse('1e400')], b: JSON.parse('-1e309') }, 'body').map((i) => i.path)).toEqual(['a.1', 'b']);
    expect(unsafeInputIssues({ a: 1e308, b: -0, c: null, d: true, e: '\uD83D\uDE00', f: [] }, 'body')).toEqual([]);
  });

  it('stops after 20 issues and walks 100,000 levels without recursion', () => {
    expect(
      unsafeInputIssues(
        Array.from({ length: 1000 }, () => '\0'),
        'body',
      ),
    ).toHaveLength(20);
    let deep: unknown = '\0';
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(unsafeInputIssues(deep, 'body')).toHaveLength(1);
  });
});

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, not scalars, and stops at the limit', () => {
    expect(jsonDepthExceeds('x', 0)).toBe(false);
    expect(jsonDepthExceeds([], 0)).toBe(true);
    expect(jsonDepthExceeds({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(jsonDepthExceeds({ a: [{ b: {} }] }, 3)).toBe(true);
    const deep = JSON.parse(`${'['.repeat(500000)}${']'.repeat(500000)}`);
    expect(jsonDepthExceeds(deep, 64)).toBe(true);
  });
});
