/**
 * The small closed word lists of the grammar: words to ignore, words that join or negate
 * clauses, and number words. Kept apart from the patterns so every ignored word is visible in
 * one place: a word missing here and from every pattern is reported as not understood.
 */

/** Words that carry no condition ("show me all customers who have…"). */
export const FILLERS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'all', 'any', 'some', 'every', 'each', 'both', 'either', 'only', 'just', 'also', 'currently',
  'show', 'me', 'us', 'find', 'list', 'get', 'give', 'display', 'select', 'return', 'fetch', 'want', 'need', 'please', 'i', 'we',
  'customers', 'customer', 'clients', 'client', 'people', 'persons', 'person', 'users', 'user', 'contacts', 'contact',
  'members', 'accounts', 'account', 'folks', 'ones', 'shoppers', 'buyers', 'everyone', 'anyone', 'everybody', 'anybody',
  'who', 'whom', 'whose', 'that', 'which', 'those', 'them', 'they', 'their', 'there', 'it', 'its', 'our', 'my', 'your',
  'have', 'has', 'had', 'having', "who've", "they've", 'with', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "who're",
  'do', 'does', 'did', 'ever', 'already', 'still', 'of', 'to', 'at', 'on', 'by', 'via', 'through', 'using', 'use', 'uses',
  'made', 'make', 'placed', 'place', 'came', 'come', 'comes', 'coming', 'arrived', 'acquired', 'where', 'so', 'far',
  'audience', 'group',
]);

/** Words joining two clauses that must all hold. */
export const AND_WORDS: ReadonlySet<string> = new Set(['and', '&', 'plus', 'but', 'while', 'yet', 'also']);

/** Words joining two clauses of which either may hold. */
export const OR_WORDS: ReadonlySet<string> = new Set(['or']);

/**
 * Words that, right after "or", start a new subject ("vip customers or people who…"): the "or"
 * then separates whole descriptions instead of two attributes of one.
 */
export const SUBJECT_WORDS: ReadonlySet<string> = new Set([
  'customers', 'customer', 'people', 'those', 'anyone', 'anybody', 'everyone', 'users', 'clients', 'contacts', 'ones', 'buyers', 'shoppers',
]);

/** Words negating the clause after them. */
export const NOT_WORDS: ReadonlySet<string> = new Set([
  'not', 'no', 'non', 'never', 'without', 'except', 'excluding', 'exclude', 'minus',
  "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "haven't", "hasn't", "hadn't", "won't", "cannot", "can't",
]);

/** Phrases negating the clause after them (checked before the single words). */
export const NOT_PHRASES: readonly string[] = ['other than', 'apart from', 'but not', 'and not', 'except for', 'except those', 'is not', 'are not', 'do not', 'does not', 'did not', 'have not', 'has not'];

/**
 * Words of comparisons and times that can never start a free value, so "in last" or "from
 * this" is not read as a city named "Last" or "This".
 */
export const GRAMMAR_WORDS: ReadonlySet<string> = new Set([
  'last', 'past', 'this', 'next', 'previous', 'prior', 'recent', 'current', 'more', 'less', 'fewer', 'than', 'least', 'most', 'over', 'under', 'above',
  'below', 'between', 'since', 'before', 'after', 'ago', 'once', 'twice', 'from', 'in', 'within', 'during', 'until', 'exactly', 'total',
  'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'today', 'yesterday',
]);

/** Number words accepted wherever a count or a duration is expected. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['none', 0], ['one', 1], ['a', 1], ['an', 1], ['single', 1], ['two', 2], ['couple', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['fifteen', 15], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['ninety', 90], ['hundred', 100],
]);

/** Adverbs that are counts of times ("ordered twice"). */
export const TIMES_WORDS: ReadonlyMap<string, number> = new Map([['once', 1], ['twice', 2], ['thrice', 3]]);

/** Duration units in days: a month is 30 days and a year 365, as the issue specifies. */
export const UNIT_DAYS: ReadonlyMap<string, number> = new Map([
  ['day', 1], ['days', 1], ['d', 1], ['week', 7], ['weeks', 7], ['wk', 7], ['wks', 7],
  ['month', 30], ['months', 30], ['mo', 30], ['mos', 30], ['quarter', 90], ['quarters', 90], ['year', 365], ['years', 365], ['yr', 365], ['yrs', 365],
]);

/** Currency words after an amount; amounts are in the tenant's currency, so they are ignored. */
export const CURRENCY_WORDS: ReadonlySet<string> = new Set(['dollars', 'dollar', 'usd', 'bucks', 'eur', 'euros', 'euro', 'pesos', 'peso', 'mxn', 'gbp', 'pounds', 'cad']);
