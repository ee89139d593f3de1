/**
 * Where customers live: "in New York or Boston", "from Mexico", "based in California",
 * "city Springfield", "zip code 10001". Known names pick their field (places.ts); other names are
 * read as cities with lower confidence. Several places become one OR, which simplification
 * turns into `in` lists per field.
 */
import type { RuleNode } from '../../ast';
import { any, clause, cond, joinReadings, reading, scaled, type Match, type Pattern, type Reading } from '../clauses';
import { LANGUAGES } from '../languages';
import { FILLERS } from '../lexicon';
import { PLACE_KEYS_BY_FIRST_WORD, PLACES, type Place } from '../places';
import type { Scanner } from '../scanner';
import { readList, valueRun } from './values';

type Field = Place['field'];
type PlaceRead = { readings: Reading[]; end: number };

const placeRule = (p: Place): RuleNode => (p.values.length === 1 ? cond(p.field, 'equal', p.values[0]) : cond(p.field, 'in', p.values));
const titleCase = (text: string): string =>
  text === text.toLowerCase() ? text.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()) : text;

/** The longest known place name at `i`. */
function known(s: Scanner, i: number): { places: Place[]; end: number } | null {
  const end = s.phrase(i, PLACE_KEYS_BY_FIRST_WORD.get(s.word(i)) ?? []);
  if (end < 0) return null;
  const places = PLACES.get(
    s.tokens
      .slice(i, end)
      .map((t) => t.norm)
      .join(' '),
  );
  return places ? { places, end } : null;
}

/** One place at `i`, optionally restricted to one field. */
function onePlace(s: Scanner, i: number, field: Field | undefined, first: boolean): PlaceRead | null {
  const at = s.word(i) === 'the' ? i + 1 : i;
  const k = known(s, at);
  const places = k?.places.filter((p) => !field || p.field === field) ?? [];
  if (k && places.length) {
    const confidence = (n: number) => (places.length === 1 ? 1 : n === 0 ? 0.85 : 0.6);
    return { readings: places.map((p, n) => reading(placeRule(p), confidence(n))), end: k.end };
  }
  if (LANGUAGES.has(s.word(at)) || s.tok(at)?.kind === 'number') return null;
  const v = valueRun(s, at, first && field !== undefined);
  if (!v) return null;
  return { readings: [reading(cond(field ?? 'address.city', 'equal', titleCase(v.text)), field ? 1 : 0.9)], end: v.end };
}

/** Places joined by "or", "and" and commas: a customer lives in one place, so the list is always an OR. */
function placeList(s: Scanner, i: number, field?: Field): Match | null {
  const list = readList(
    s,
    i,
    (sc, k) => onePlace(sc, k, field, true),
    (sc, k) => onePlace(sc, k, field, false),
  );
  if (!list) return null;
  return {
    end: list.end,
    item: clause(
      joinReadings(
        list.items.map((p) => p.readings),
        (rules) => any(...rules),
      ),
    ),
  };
}

const PREPOSITIONS = [
  'in',
  'from',
  'based in',
  'located in',
  'living in',
  'live in',
  'lives in',
  'residing in',
  'reside in',
  'based out of',
  'out of',
  'located at',
];
const FIELD_WORDS: ReadonlyArray<[Field, readonly string[]]> = [
  ['address.city', ['city', 'city of', 'city is', 'cities', 'in the city of', 'in city', 'town']],
  ['address.state', ['state', 'state of', 'state is', 'states', 'in the state of', 'in state', 'province', 'province of', 'region']],
  ['address.country', ['country', 'country is', 'countries', 'in the country', 'nation']],
];

/** "in X", "from X", "based in X". */
const prepositionPlace: Pattern = (s, i) => {
  const end = s.phrase(i, PREPOSITIONS);
  return end > i ? placeList(s, end) : null;
};

/** "city X", "state of X", "country is X", and "X city". */
const fieldPlace: Pattern = (s, i) => {
  for (const [field, words] of FIELD_WORDS) {
    const end = s.phrase(i, words);
    if (end > i) return placeList(s, end, field);
  }
  return null;
};

/** A known place name with no preposition ("Canada customers", "New York vip"): slightly less certain. */
const barePlace: Pattern = (s, i) => {
  if (FILLERS.has(s.word(i))) return null;
  const k = known(s, i);
  if (!k) return null;
  const m = placeList(s, i);
  return m && m.item.type === 'clause' ? { end: m.end, item: clause(scaled(m.item.readings, 0.9)) } : null;
};

/** "zip 10001", "postal code starts with 100", "zip codes 10001 or 10002". */
const postalCode: Pattern = (s, i) => {
  const at = s.phrase(i, ['zip', 'zip code', 'zipcode', 'postal code', 'postcode', 'zip codes', 'postal codes', 'post code', 'zip code is', 'postal code is']);
  if (at < 0) return null;
  const prefix = s.phrase(at, ['starts with', 'starting with', 'begins with', 'beginning with', 'prefix']);
  const read = (sc: Scanner, k: number) => sc.unit(k);
  const list = readList(s, Math.max(prefix, at), read, read);
  if (!list) return null;
  const values = list.items.map((v) => v.text);
  const rule =
    prefix > at
      ? any(...values.map((v) => cond('address.postalCode', 'startsWith', v)))
      : values.length === 1
        ? cond('address.postalCode', 'equal', values[0])
        : cond('address.postalCode', 'in', values);
  return { end: list.end, item: clause([reading(rule)]) };
};

/** Place patterns, most specific first. */
export const PLACE_PATTERNS: readonly Pattern[] = [postalCode, fieldPlace, prepositionPlace, barePlace];
