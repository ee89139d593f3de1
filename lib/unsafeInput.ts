/**
 * Input no schema should have to think about: strings PostgreSQL cannot store (U+0000, and lone
 * UTF-16 surrogates, which become invalid UTF-8 or invalid JSON escapes on their way to the
 * database), JSON numbers beyond double precision (1e400 parses to Infinity) and JSON nested
 * deeper than any real body. The API refuses them for every route (api/inputSafety.ts); imports
 * refuse them per row.
 */

/** How deep a JSON body may nest. Real bodies stay under ten; recursive code elsewhere must not see 10,000. */
export const MAX_JSON_DEPTH = 64;

/** Where a value came from, as `details[].location` names it (params, query, header, body…). */
export type InputLocation = string;

/** One refused value, in the shape of validation details. */
export interface InputIssue {
  location: InputLocation;
  path: string;
  message: string;
}

const NUL = /\0/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or undefined when it can. */
export function stringProblem(s: string): string | undefined {
  if (NUL.test(s)) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'must be valid Unicode (it contains a lone UTF-16 surrogate)';
  return undefined;
}

/** A key as it appears in a details path, with characters that cannot be shown escaped. */
const shownKey = (key: string) => key.replace(/[\0\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Depth of a parsed JSON value (a scalar is 0, `[]` is 1), counted without recursion and
 * stopping as soon as `limit` is exceeded, so a body of 100,000 nested arrays costs nothing.
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A position in a value: its key and its parent's position, so paths are built only when reported. */
interface Position {
  key: string;
  parent?: Position;
}

const pathOf = (at: Position | undefined): string => {
  const keys: string[] = [];
  for (let p = at; p; p = p.parent) keys.push(p.key);
  return keys.reverse().join('.');
};

/**
 * Every string (keys included) holding NUL or a lone surrogate, and every number that is not
 * finite, in a value of any shape; paths are dotted like zod's (`addresses.0.city`). Iterative
 * and linear in the size of the value, and bounded to the first 20 issues.
 */
export function unsafeInputIssues(value: unknown, location: InputLocation): InputIssue[] {
  const issues: InputIssue[] = [];
  const stack: Array<[unknown, Position | undefined]> = [[value, undefined]];
  while (stack.length && issues.length < 20) {
    const [node, at] = stack.pop()!;
    if (typeof node === 'string') {
      const problem = stringProblem(node);
      if (problem) issues.push({ location, path: pathOf(at), message: problem });
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node))
        issues.push({ location, path: pathOf(at), message: 'must be a finite number (JSON numbers beyond ±1.7976931348623157e308 are not accepted)' });
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], { key: String(i), parent: at }]);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node).reverse()) {
        const problem = stringProblem(key);
        const position = { key: shownKey(key), parent: at };
        if (problem) issues.push({ location, path: pathOf(position), message: `the field name ${problem}` });
        stack.push([child, position]);
      }
    }
  }
  return issues;
}
