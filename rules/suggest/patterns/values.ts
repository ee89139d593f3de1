/**
 * Readers for free values (tags, place names, postal codes): one value is a token with its
 * hyphen-glued neighbours; a list is values joined by commas, "or" and "and". Values end where
 * a connector, filler or another clause starts, so "tagged premium and in Canada" stops at "in".
 */
import { AND_WORDS, FILLERS, NOT_WORDS, OR_WORDS } from '../lexicon';
import type { Scanner, Value } from '../scanner';

/** How list items were joined: "or" (any), "and" (all), or only commas. */
export type Joiner = 'or' | 'and' | 'comma';

/** A list of values and how they were joined. */
export interface ValueList {
  values: Value[];
  joiner: Joiner;
  end: number;
}

/** A value at `i` that may be anything but a connector, a filler or punctuation (the first value after "tagged"). */
export function firstValue(s: Scanner, i: number): Value | null {
  const w = s.word(i);
  if (s.tok(i)?.kind !== 'quoted' && (AND_WORDS.has(w) || OR_WORDS.has(w) || NOT_WORDS.has(w) || FILLERS.has(w))) return null;
  return s.unit(i);
}

/** A value at `i` only if no clause, connector or filler starts there. */
export function laterValue(s: Scanner, i: number): Value | null {
  return s.tok(i)?.kind === 'quoted' || !s.isStop(i) ? s.unit(i) : null;
}

/**
 * A later tag in a list: like `laterValue`, but a lone keyword that ends the phrase is still a
 * tag ("tagged loyal or premium"), while a longer clause ("… or premium tier") is not.
 */
export function laterTag(s: Scanner, i: number): Value | null {
  const value = laterValue(s, i);
  if (value) return value;
  const w = s.word(i);
  if (AND_WORDS.has(w) || OR_WORDS.has(w) || NOT_WORDS.has(w) || FILLERS.has(w)) return null;
  const unit = s.unit(i);
  return unit && s.match(i)?.end === unit.end && s.isStop(unit.end) ? unit : null;
}

/** The index after a list separator at `i` (",", "or", "and", ", or", "and/or"), with its kind, or null. */
export function separator(s: Scanner, i: number): { joiner: Joiner; end: number } | null {
  const or = s.phrase(i, ['or', ', or', 'and or', ', and or']);
  if (or > i) return { joiner: 'or', end: or };
  const and = s.phrase(i, ['and', ', and', '&', ', &']);
  if (and > i) return { joiner: 'and', end: and };
  return s.word(i) === ',' ? { joiner: 'comma', end: i + 1 } : null;
}

/**
 * Reads `first` at `i` and then further items joined by separators, each read by `next`. The
 * joiner is the last explicit "or"/"and" ("a, b or c" is an "or" list).
 */
export function readList<T extends { end: number }>(
  s: Scanner,
  i: number,
  first: (s: Scanner, i: number) => T | null,
  next: (s: Scanner, i: number) => T | null,
): { items: T[]; joiner: Joiner; end: number } | null {
  const head = first(s, i);
  if (!head) return null;
  const items = [head];
  let joiner: Joiner = 'comma';
  let end = head.end;
  for (;;) {
    const sep = separator(s, end);
    const item = sep ? next(s, sep.end) : null;
    if (!sep || !item) break;
    if (sep.joiner !== 'comma') joiner = sep.joiner;
    items.push(item);
    end = item.end;
  }
  return { items, joiner, end };
}

/** Words read as one value until a stop: "New York", "Salt Lake City". */
export function valueRun(s: Scanner, i: number, force: boolean): Value | null {
  const head = force ? firstValue(s, i) : laterValue(s, i);
  if (!head) return null;
  if (s.tok(i)?.kind === 'quoted') return head;
  let end = head.end;
  for (let next = laterValue(s, end); next && s.tok(end)?.kind !== 'quoted'; next = laterValue(s, end)) end = next.end;
  return {
    text: s.text(i, end),
    norm: s.tokens
      .slice(i, end)
      .map((t) => t.norm)
      .join(' '),
    end,
  };
}
