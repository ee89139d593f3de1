import type { RuleNode } from '../ast';

/**
 * One reading of a natural-language query as a segment rule. The API answers
 * `POST /ai/segment-suggestions` with these, adding `potentialAudience` from a SQL count.
 */
export interface Suggestion {
  /** Stable hash of the normalised rule: the same rule always gets the same id, however it was phrased. */
  id: string;
  /** Short title built from the conditions, e.g. "VIP tier, in New York". */
  name: string;
  /** One sentence stating what the rule matches, plus any caveat of the reading. */
  description: string;
  /** The rule in the normalised AST. */
  rule: RuleNode;
  /** 0..1: 0.95 when every word was understood and nothing was guessed; lower for each guess. */
  confidence: number;
  /** Deterministic statements, one per top-level condition, then the caveats. */
  insights: string[];
}

/** What the parser needs besides the query: relative dates ("this month") are computed from `now`, in UTC. */
export interface SuggestOptions {
  now: Date;
}

const quoteList = (words: readonly string[]): string => words.map((w) => `"${w}"`).join(', ');

/**
 * Thrown when a query cannot be turned into a rule, so the caller can answer 422 and tell the
 * user which words to rephrase instead of guessing a segment from part of the sentence.
 */
export class SuggestionError extends Error {
  /** The words of the query that no pattern understood, in order, without repeats. */
  readonly unknownWords: string[];

  constructor(unknownWords: readonly string[], message?: string) {
    super(message ?? `Could not understand: ${quoteList(unknownWords)}`);
    this.name = 'SuggestionError';
    this.unknownWords = [...unknownWords];
  }
}

/** A SuggestionError for words that were recognised but need more, e.g. "signed up" without a time. */
export const incompletePhrase = (words: readonly string[], need: string): SuggestionError =>
  new SuggestionError(words, `Could not understand: ${quoteList(words)} (${need})`);
