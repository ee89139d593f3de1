/**
 * Tags: "tagged premium or loyal" (hasAny), "tagged premium and loyal" (hasAll), "with tags
 * a, b" (ambiguous: any first), "tags all of a, b", "untagged". Tag values keep the casing typed,
 * because stored tags are case-sensitive. Negation ("not tagged churned") is a plain NOT.
 */
import { clause, cond, not, reading, type Pattern } from '../clauses';
import { firstValue, laterTag, readList } from './values';

const TRIGGERS = [
  'tagged',
  'tagged as',
  'tagged with',
  'tag',
  'tags',
  'labelled',
  'labeled',
  'labelled as',
  'labeled as',
  'tags include',
  'tags includes',
  'tags including',
  'tags contain',
  'tags containing',
  'tag is',
  'tags are',
  'tag of',
  'tags of',
  'tag includes',
];
const ANY = ['any of', 'one of', 'either', 'any of the tags', 'at least one of'];
const ALL = ['all of', 'both', 'all of the tags', 'every one of'];

const hasTags = cond('tags', 'isEmpty');

/** Tag patterns. */
export const TAG_PATTERNS: readonly Pattern[] = [
  (s, i) => {
    const at = s.phrase(i, TRIGGERS);
    if (at < 0) return null;
    const anyAt = s.phrase(at, ANY);
    const allAt = s.phrase(at, ALL);
    const from = Math.max(anyAt, allAt, at);
    const list = readList(s, from, firstValue, laterTag);
    if (!list) {
      if (from > at) return null;
      return { end: at, item: clause([reading(not(hasTags))], { negated: () => [reading(hasTags)] }) };
    }
    const values = list.items.map((v) => v.text);
    const any = reading(cond('tags', 'hasAny', values));
    const every = reading(cond('tags', 'hasAll', values));
    if (values.length === 1 || anyAt > at) return { end: list.end, item: clause([any]) };
    if (allAt > at || list.joiner === 'and') return { end: list.end, item: clause([every]) };
    if (list.joiner === 'or') return { end: list.end, item: clause([any]) };
    return {
      end: list.end,
      item: clause([
        { ...any, confidence: 0.7 },
        { ...every, confidence: 0.5 },
      ]),
    };
  },
  (s, i) => (s.word(i) === 'untagged' ? { end: i + 1, item: clause([reading(hasTags)]) } : null),
];
