/**
 * Every pattern, in priority order: when two match equally many words the earlier wins, so
 * specific phrasings (a time window, a language) come before the catch-all place names.
 */
import type { Pattern } from '../clauses';
import { ACTIVITY_PATTERNS } from './activity';
import { CONTACT_PATTERNS } from './contact';
import { ORDER_PATTERNS } from './orders';
import { PLACE_PATTERNS } from './places';
import { PROFILE_PATTERNS } from './profile';
import { SPEND_PATTERNS } from './spend';
import { TAG_PATTERNS } from './tags';

/** All patterns, highest priority first. */
export const PATTERNS: readonly Pattern[] = [
  ...CONTACT_PATTERNS,
  ...SPEND_PATTERNS,
  ...ORDER_PATTERNS,
  ...ACTIVITY_PATTERNS,
  ...TAG_PATTERNS,
  ...PROFILE_PATTERNS,
  ...PLACE_PATTERNS,
];
